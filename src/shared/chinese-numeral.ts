/**
 * Chinese numerals as officers and documents write them: 二百七十二、两千零五、一万二千、十五, and the
 * digit-by-digit form of years (二〇二四). One parser for the annual report's figures and section
 * numbers, the catalogue's 公开时限 (二十个工作日) and the dates recognised in an imported 公文.
 */

const DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
}
const SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 }
const BIG_UNIT: Record<string, number> = { 万: 10_000, 亿: 100_000_000 }

/** A Chinese numeral (二百七十二) as a number, or null when it is not one. */
export function parseChineseNumeral(text: string): number | null {
  if (text === '') return null
  // Digit-by-digit form (二〇二四).
  if ([...text].every((ch) => ch in DIGIT) && text.length > 1) {
    return Number([...text].map((ch) => DIGIT[ch]).join(''))
  }
  let total = 0
  let section = 0
  let digit: number | null = null
  for (const ch of text) {
    if (ch in DIGIT) {
      digit = DIGIT[ch] ?? 0
    } else if (ch in SMALL_UNIT) {
      section += (digit ?? 1) * (SMALL_UNIT[ch] ?? 1)
      digit = null
    } else if (ch in BIG_UNIT) {
      const unit = BIG_UNIT[ch] ?? 1
      total = (total + section + (digit ?? 0)) * unit
      section = 0
      digit = null
    } else {
      return null
    }
  }
  return total + section + (digit ?? 0)
}
