import type { Finding, FindingKind } from './types'
import { isAsciiAlnum } from './text-utils'
import { surnameOf } from './surnames'

/**
 * De-identification in the practice the domain notes describe (no national standard): one pattern per
 * publication so fragments in different lists cannot be recombined.
 */

/** Kinds whose values are personal data and have a masked form. */
export const MASKABLE_KINDS: ReadonlySet<FindingKind> = new Set<FindingKind>([
  'id-card',
  'mobile',
  'bank-card',
  'person-name',
  'license-plate',
  'email',
  'address',
])

/**
 * Replaces the alphanumerics of `value` whose index (counting alphanumerics only) satisfies `hide`,
 * leaving separators and prefixes in place: "138 1234 5678" → "138 **** 5678".
 */
function maskAlnum(value: string, hide: (index: number, total: number) => boolean): string {
  const total = countAlnum(value)
  let k = 0
  let out = ''
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] ?? ''
    if (isAsciiAlnum(folded(value.charCodeAt(i)))) {
      out += hide(k, total) ? '*' : ch
      k++
    } else out += ch
  }
  return out
}

/** Full-width digits count as digits here too (the detectors fold them before matching). */
function folded(code: number): number {
  return code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : code
}

function countAlnum(value: string): number {
  let n = 0
  for (let i = 0; i < value.length; i++) if (isAsciiAlnum(folded(value.charCodeAt(i)))) n++
  return n
}

/** The masked form of one value of `kind`, or null when the kind is not masked (markings, codes…). */
export function maskValue(kind: FindingKind, value: string): string | null {
  switch (kind) {
    case 'id-card':
      // Keep the region (first 6) and the last 4, hide the birth date: 370303********1234.
      return maskAlnum(value, (i, n) => i >= 6 && i < n - 4)
    case 'bank-card':
      return maskAlnum(value, (i, n) => i >= 6 && i < n - 4)
    case 'mobile': {
      // The number is the last 11 digits; a +86 prefix stays readable: 138****5678.
      const n = countAlnum(value)
      return maskAlnum(value, (i) => i >= n - 8 && i < n - 4)
    }
    case 'license-plate': {
      // Keep province + issuing-office letter (鲁C), hide the serial.
      return value.slice(0, 2) + maskAlnum(value.slice(2), () => true)
    }
    case 'person-name': {
      const surname = surnameOf(value) ?? value.slice(0, 1)
      return `${surname}某`
    }
    case 'email': {
      const at = value.indexOf('@')
      if (at < 1) return null
      return `${value[0]}***${value.slice(at)}`
    }
    case 'address': {
      // Down to the village / community (or the district when neither is named): 淄博市张店区****.
      const m =
        /^.*(?:村(?![镇乡])|社区|居委会)/.exec(value) ??
        /^.*?[区县](?![域])/.exec(value) ??
        /^.*?市/.exec(value)
      const kept = m ? m[0] : value.slice(0, Math.min(6, value.length))
      return kept.length >= value.length ? null : `${kept}****`
    }
    default:
      return null
  }
}

function assertMatches(text: string, f: Finding): void {
  if (text.slice(f.start, f.end) !== f.text) {
    throw new RangeError(`发现项“${f.text}”与文本第 ${f.start} 位的内容不一致，请重新扫描后再脱敏`)
  }
}

/** Returns `text` with one finding replaced by its masked form (unchanged for non-maskable kinds). */
export function maskFinding(text: string, finding: Finding): string {
  const masked = maskValue(finding.kind, finding.text)
  if (masked === null) return text
  assertMatches(text, finding)
  return text.slice(0, finding.start) + masked + text.slice(finding.end)
}

const NUMERIC: ReadonlySet<FindingKind> = new Set<FindingKind>(['id-card', 'mobile', 'bank-card'])

/**
 * Masks every maskable finding (optionally only those of `kind`) and every other occurrence of the
 * same values in `text`, so a value masked in one place cannot be read in another. The same value
 * always gets the same mask. Numbers are only replaced where they stand alone (not inside a longer
 * alphanumeric run); names are replaced wherever the exact string occurs.
 */
export function maskAll(text: string, findings: readonly Finding[], kind?: FindingKind): string {
  const masks = new Map<string, { kind: FindingKind; masked: string }>()
  const spans: Array<{ start: number; end: number; masked: string }> = []
  for (const f of findings) {
    if (kind !== undefined && f.kind !== kind) continue
    const masked = maskValue(f.kind, f.text)
    if (masked === null) continue
    assertMatches(text, f)
    if (!masks.has(f.text)) masks.set(f.text, { kind: f.kind, masked })
    spans.push({ start: f.start, end: f.end, masked })
  }
  for (const [value, { kind: k, masked }] of masks) {
    for (let at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + value.length)) {
      const end = at + value.length
      if (NUMERIC.has(k)) {
        const prev = text.charCodeAt(at - 1)
        const next = text.charCodeAt(end)
        if (isAsciiAlnum(folded(prev)) || isAsciiAlnum(folded(next))) continue
      }
      spans.push({ start: at, end, masked })
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end)
  let out = ''
  let pos = 0
  for (const s of spans) {
    if (s.start < pos) continue // overlaps a span already masked (e.g. the finding itself)
    out += text.slice(pos, s.start) + s.masked
    pos = s.end
  }
  return out + text.slice(pos)
}
