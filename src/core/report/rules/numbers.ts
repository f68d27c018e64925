/**
 * Numbers as annual reports write them: Arabic (half- or full-width, with thousands separators),
 * Chinese numerals (二百七十二、两千零五、一万二千: the shared parser), and 万 multipliers (1.2万元).
 */
import { parseChineseNumeral } from '../../../shared/chinese-numeral'

const FULL_DIGITS = /[０-９．，]/g

/** An Arabic number (half- or full-width digits, 1,234 / 1，234 / 12.5) as a number, or null. */
export function parseArabic(text: string): number | null {
  const half = text
    .replace(FULL_DIGITS, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/,/g, '')
  if (!/^\d+(\.\d+)?$/.test(half)) return null
  return Number(half)
}

/** Either kind of number. */
export function parseNumberText(text: string): number | null {
  return parseArabic(text) ?? parseChineseNumeral(text)
}

/** How a quantity's unit counts: a number of things, or money. */
export type QuantityKind = 'count' | 'money'

export interface Quantity {
  value: number
  kind: QuantityKind
  /** The unit as written (件, 条, 元, 万元 …). */
  unit: string
  /** Offset and length of number + unit in the text. */
  offset: number
  length: number
  /** The number as written. */
  raw: string
}

const NUMBER_SOURCE =
  '([0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?|[零〇一二两三四五六七八九十百千万亿]+)'
const UNIT_SOURCE = '(万元|元|人次|件|条|个|项|次|份|起|宗|篇)'
const QUANTITY = new RegExp(`${NUMBER_SOURCE}\\s*(万)?${UNIT_SOURCE}`, 'g')
/** A count followed by one of these is a duration or a share, not a count of things. */
const NOT_A_COUNT_AFTER = /^(工作日|月|小时|百分点|以上|以内)/

/**
 * Every quantity (number + unit) in `text`. Ordinals (第三十三条), durations (15个工作日) and
 * shares are left out.
 */
export function findQuantities(text: string): Quantity[] {
  const out: Quantity[] = []
  for (const m of text.matchAll(QUANTITY)) {
    const offset = m.index
    const numberText = m[1] ?? ''
    const tenThousand = m[2] === '万'
    const unit = m[3] ?? ''
    if (offset > 0 && text[offset - 1] === '第') continue
    // A Chinese numeral glued to the text before it is usually a word (统一件…): require a
    // non-numeral boundary only for Arabic numbers' neighbours, which the regex already takes.
    const after = text.slice(offset + m[0].length)
    if (NOT_A_COUNT_AFTER.test(after)) continue
    let value = parseNumberText(numberText)
    if (value === null) continue
    if (tenThousand) value *= 10_000
    const kind: QuantityKind = unit === '元' || unit === '万元' ? 'money' : 'count'
    if (unit === '万元') value *= 10_000
    out.push({ value, kind, unit, offset, length: m[0].length, raw: m[0] })
  }
  return out
}

/** A number for a Chinese message: integers as is, money with at most two decimals. */
export function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100)
}
