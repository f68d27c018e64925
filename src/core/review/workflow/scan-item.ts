import { readFile } from 'node:fs/promises'
import type { Kysely } from 'kysely'
import { ITEM_KIND_LABELS } from '../../../shared/items/labels'
import type {
  FindingSource,
  ReviewFinding,
  ReviewFindingKind,
  ReviewScanResult,
  ReviewSeverity,
  SeverityCounts,
} from '../../../shared/review/types'
import { blobPath } from '../../attachments/blob-store'
import type { DB } from '../../db/schema'
import type { ItemRow } from '../../db/tables/drafting'
import { MASKABLE_KINDS, maskValue } from '../mask'
import { scanText } from '../scan-text'
import type { Finding, FindingKind, ScanOptions, Severity } from '../types'
import { extractTextInWorker, scanDocumentInWorker, scanTextInWorker } from '../../workers'
import { loadKeywordMatcher } from './keywords'

// The shared vocabulary must stay the scanner's: these fail to compile if the two drift apart.
const kindCheck: (k: FindingKind) => ReviewFindingKind = (k) => k
const kindCheckBack: (k: ReviewFindingKind) => FindingKind = (k) => k
const severityCheck: (s: Severity) => ReviewSeverity = (s) => s
void kindCheck
void kindCheckBack
void severityCheck

const CONTEXT = 30

/** Zero counts for every severity. */
export function emptyCounts(): SeverityCounts {
  return { blocker: 0, high: 0, warn: 0, info: 0 }
}

/** Findings per severity. */
export function countFindings(findings: readonly { severity: ReviewSeverity }[]): SeverityCounts {
  const counts = emptyCounts()
  for (const f of findings) counts[f.severity]++
  return counts
}

/** Scanner options for an item: its kind (意见征集 skips process hints) and the keyword list. */
export async function scanOptionsFor(db: Kysely<DB>, row: ItemRow): Promise<ScanOptions> {
  const keywords = await loadKeywordMatcher(db)
  return { itemKind: ITEM_KIND_LABELS[row.kind], ...(keywords ? { keywords } : {}) }
}

function toFinding(
  f: Finding,
  text: string,
  source: FindingSource,
  sourceLabel: string,
  attachment: { id: string; name: string } | null,
): ReviewFinding {
  const masked = maskValue(f.kind, f.text)
  const before = text.slice(Math.max(0, f.start - CONTEXT), f.start)
  const after = text.slice(f.end, f.end + CONTEXT)
  return {
    id: `${source === 'attachment' ? `a:${attachment?.id ?? ''}` : source}:${f.start}-${f.end}:${f.kind}`,
    kind: f.kind,
    severity: f.severity,
    source,
    sourceLabel,
    attachmentId: attachment?.id ?? null,
    attachmentName: attachment?.name ?? null,
    start: f.start,
    end: f.end,
    text: f.text,
    context: `${before}${f.text}${after}`.replace(/\s+/g, ' '),
    reason: f.reason,
    suggestion: f.suggestion ?? null,
    masked,
    maskable: source !== 'attachment' && MASKABLE_KINDS.has(f.kind) && masked !== null,
  }
}

/** Findings in the item's title and body text (what masking can change). */
export function scanTitleAndBody(
  title: string,
  bodyText: string,
  options: ScanOptions,
): ReviewFinding[] {
  return [
    ...scanText(title, options).map((f) => toFinding(f, title, 'title', '标题', null)),
    ...scanText(bodyText, options).map((f) => toFinding(f, bodyText, 'body', '正文', null)),
  ]
}

/** {@link scanTitleAndBody} with the scanning on the worker pool (a long body takes a while). */
export async function scanTitleAndBodyInWorker(
  title: string,
  bodyText: string,
  options: ScanOptions,
): Promise<ReviewFinding[]> {
  const [inTitle, inBody] = await Promise.all([
    scanTextInWorker(title, options),
    scanTextInWorker(bodyText, options),
  ])
  return [
    ...inTitle.map((f) => toFinding(f, title, 'title', '标题', null)),
    ...inBody.map((f) => toFinding(f, bodyText, 'body', '正文', null)),
  ]
}

/**
 * Findings in texts that stand for an entry's title and body under their own labels (政策问答:
 * 问题 as `title`, 答复 as `body` — core/engagement/qa-review.ts), scanned on the worker pool.
 */
export async function scanLabelledTexts(
  parts: readonly { source: 'title' | 'body'; label: string; text: string }[],
  options: ScanOptions,
): Promise<ReviewFinding[]> {
  const found = await Promise.all(parts.map((p) => scanTextInWorker(p.text, options)))
  return parts.flatMap((p, i) =>
    found[i]!.map((f) => toFinding(f, p.text, p.source, p.label, null)),
  )
}

/**
 * Scans what would be published: the title, the body and every attachment's text, hidden parts
 * included (tracked changes, comments, hidden sheets, properties — re-extracted from the stored
 * file so each finding says where it is; the stored text is the fallback). Attachments without
 * readable text are named in `warnings` for a manual check (checklist item 10).
 */
export async function scanItem(
  db: Kysely<DB>,
  dataDir: string,
  row: ItemRow,
): Promise<ReviewScanResult> {
  const options = await scanOptionsFor(db, row)
  const findings = await scanTitleAndBodyInWorker(row.title, row.body_text, options)
  const warnings: string[] = []
  const attachments = await db
    .selectFrom('item_attachments as a')
    .innerJoin('attachment_blobs as b', 'b.sha256', 'a.sha256')
    .select(['a.id', 'a.name', 'a.sha256', 'b.text', 'b.text_status', 'b.text_warning'])
    .where('a.item_id', '=', row.id)
    .orderBy('a.position')
    .execute()
  for (const a of attachments) {
    const ref = { id: a.id, name: a.name }
    const label = `附件“${a.name}”`
    if (a.text_status === 'none') {
      warnings.push(`${label}没有可扫描的文字（如图片），请人工检查（审查清单第 10 项）`)
      continue
    }
    if (a.text_status === 'failed') {
      warnings.push(`${label}无法读取文字，请人工检查：${a.text_warning ?? '读取失败'}`)
      continue
    }
    let scanned = false
    try {
      const bytes = await readFile(blobPath(dataDir, a.sha256))
      const doc = await extractTextInWorker(bytes, a.name)
      for (const f of await scanDocumentInWorker(doc, options)) {
        findings.push(toFinding(f, doc.text, 'attachment', `${label}：${f.sourceLabel}`, ref))
      }
      for (const w of doc.warnings) warnings.push(`${label}：${w}`)
      scanned = true
    } catch {
      // The stored file is missing or unreadable now: fall back to the text stored when added.
    }
    if (!scanned && a.text !== null) {
      for (const f of await scanTextInWorker(a.text, options)) {
        findings.push(toFinding(f, a.text, 'attachment', label, ref))
      }
    }
  }
  return {
    itemId: row.id,
    revision: row.revision,
    contentHash: row.content_hash,
    findings,
    counts: countFindings(findings),
    warnings,
  }
}
