import type { Detector, Finding, ScanOptions } from './types'
import { severityRank } from './types'
import { foldFullWidth } from './text-utils'
import { detectClassificationMarking } from './detectors/classification-marking'
import { detectRestrictedLabel } from './detectors/restricted-label'
import { detectNumberRuns } from './detectors/number-runs'
import { detectEmail } from './detectors/email'
import { detectLicensePlate } from './detectors/license-plate'
import { detectPersonName } from './detectors/person-name'
import { detectAddress } from './detectors/address'
import { detectProcessHint } from './detectors/process-hint'
import { detectKeywords } from './detectors/keywords'

/** Characters from the start that count as the head of a document (where markings belong). */
export const DEFAULT_HEAD_LENGTH = 200

/** Every detector, in the order their findings are produced (the result is sorted anyway). */
export const DETECTORS: readonly Detector[] = [
  detectClassificationMarking,
  detectRestrictedLabel,
  detectNumberRuns,
  detectEmail,
  detectLicensePlate,
  detectPersonName,
  detectAddress,
  detectProcessHint,
  detectKeywords,
]

/**
 * Scans one text for everything the confidentiality review must look at: classification markings,
 * restriction labels, personal data, process-document hints and department keywords. Findings are
 * sorted by start (then most serious first); offsets are UTF-16 code units into `text`.
 */
export function scanText(text: string, options: ScanOptions = {}): Finding[] {
  const ctx = {
    text,
    folded: foldFullWidth(text),
    headLength: options.headLength ?? DEFAULT_HEAD_LENGTH,
    options,
  }
  const out: Finding[] = []
  for (const detect of DETECTORS) detect(ctx, out)
  out.sort(
    (a, b) =>
      a.start - b.start || severityRank(b.severity) - severityRank(a.severity) || a.end - b.end,
  )
  // Two routes to the same span of the same kind (e.g. 当事人张三（身份证…）) report it once.
  let w = 0
  for (let r = 0; r < out.length; r++) {
    const f = out[r] as Finding
    const prev = out[w - 1]
    if (prev && prev.kind === f.kind && prev.start === f.start && prev.end === f.end) continue
    out[w++] = f
  }
  out.length = w
  return out
}
