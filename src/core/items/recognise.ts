import { checkDocNumber } from '../../shared/doc-number'
import { parseChineseNumeral } from '../../shared/chinese-numeral'

/** 发文字号 candidates: 机关代字 + a year in any bracket + sequence + 号. */
const DOC_NUMBER =
  /[\u4e00-\u9fa5A-Za-z]{1,20}[〔[［(（【]\s*\d{4}\s*[〕\]］)）】]\s*第?\s*\d{1,5}\s*号/gu

/** The first 发文字号 in the text, normalised to 〔〕 form; null when none is recognisable. */
export function recogniseDocNumber(text: string): string | null {
  for (const m of text.matchAll(DOC_NUMBER)) {
    const candidate = m[0].replace(/\s+/g, '')
    const check = checkDocNumber(candidate)
    if (check.ok) return candidate
    if (check.suggestion) return check.suggestion
  }
  return null
}

const ARABIC_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/gu
const CHINESE_DATE =
  /([〇零一二三四五六七八九○Ｏ]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/gu

const YEAR_DIGIT: Record<string, string> = {
  〇: '0',
  零: '0',
  '○': '0',
  Ｏ: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
}

function isoDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return null
  return date.toISOString().slice(0, 10)
}

interface FoundDate {
  iso: string
  line: number
  alone: boolean
}

/** Every full date in the lines: 2023年5月8日 and 二〇二三年五月八日 forms. */
function findDates(lines: string[]): FoundDate[] {
  const out: FoundDate[] = []
  lines.forEach((line, i) => {
    const trimmed = line.trim()
    for (const m of trimmed.matchAll(ARABIC_DATE)) {
      const iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]))
      if (iso) out.push({ iso, line: i, alone: m[0] === trimmed })
    }
    for (const m of trimmed.matchAll(CHINESE_DATE)) {
      const year = [...(m[1] ?? '')].map((c) => YEAR_DIGIT[c] ?? '').join('')
      const iso = isoDate(
        Number(year),
        parseChineseNumeral(m[2] ?? '') ?? NaN,
        parseChineseNumeral(m[3] ?? '') ?? NaN,
      )
      if (iso) out.push({ iso, line: i, alone: m[0] === trimmed })
    }
  })
  return out
}

/**
 * 成文日期: the date on a line of its own (the 落款 at the end of a 公文); failing that, the last
 * full date in the text. Returns the date and the line it is on.
 */
export function recogniseSignedDate(lines: string[]): { date: string; line: number } | null {
  const dates = findDates(lines)
  const alone = dates.filter((d) => d.alone)
  const pick = alone[alone.length - 1] ?? dates[dates.length - 1]
  return pick ? { date: pick.iso, line: pick.line } : null
}

const ORG_SUFFIX =
  /(办公室|委员会|管委会|管理委员会|人民政府|政府|局|厅|部|中心|院|办|委|处|所|站|队|公司|小组)$/u

/** 发文机关: the short line right above the 落款 date when it reads like an organisation name. */
export function recogniseIssuer(lines: string[], dateLine: number): string | null {
  const above = lines[dateLine - 1]?.trim() ?? ''
  return above.length >= 2 && above.length <= 40 && ORG_SUFFIX.test(above) ? above : null
}
