import { NO_DOC_NUMBER } from './items/types'

/**
 * 发文字号 (document number): 机关代字〔年份〕序号号 — the year in hexagonal brackets 〔〕 (U+3014 /
 * U+3015), four digits; the sequence without leading zeros and without 第; ending with 号
 * (《党政机关公文格式》GB/T 9704). 「无文号」 is allowed. Pure, so the editor can check as the officer
 * types and core checks again on save.
 */
const DOC_NUMBER = /^([^〔〕[\]()（）【】第\s]+)〔(\d{4})〕([1-9]\d*)号$/u

/** An example shown in every message, so the officer sees the expected form. */
export const DOC_NUMBER_EXAMPLE = '淄高新管办字〔2023〕12号'

export type DocNumberCheck =
  { ok: true } | { ok: false; message: string; suggestion: string | null }

const FORM = `规范格式为「机关代字〔年份〕序号号」，如 ${DOC_NUMBER_EXAMPLE}；没有文号请填「${NO_DOC_NUMBER}」`

/** Rewrites the common mistakes: other brackets round the year, 第, leading zeros, missing 号. */
function normalise(text: string): string {
  return text
    .replace(/\s+/gu, '')
    .replace(/[[［(（【〈<{｛]\s*(\d{4})\s*[\]］)）】〉>}｝]/u, '〔$1〕')
    .replace(/〔(\d{4})〕第?0*(\d+)号?$/u, '〔$1〕$2号')
}

/** Checks a 发文字号; '' (not filled in yet) passes — submission for review requires one. */
export function checkDocNumber(raw: string): DocNumberCheck {
  const text = raw.trim()
  if (text === '' || text === NO_DOC_NUMBER) return { ok: true }
  const match = DOC_NUMBER.exec(text)
  if (match) {
    const year = Number(match[2])
    if (year >= 1949 && year <= 2100) return { ok: true }
    return { ok: false, message: `发文字号的年份「${match[2]}」不正确。${FORM}`, suggestion: null }
  }
  const fixed = normalise(text)
  const suggestion = fixed !== text && DOC_NUMBER.test(fixed) ? fixed : null
  const problems: string[] = []
  if (!/〔\d{4}〕/u.test(text)) {
    problems.push(
      /[[［(（【]\s*\d{4}\s*[\]］)）】]/u.test(text)
        ? '年份须用六角括号〔〕，不能用方括号或圆括号'
        : '缺少用六角括号〔〕括起的四位年份',
    )
  }
  if (/第/u.test(text)) problems.push('序号前不加「第」')
  if (/[〕\]）)】]\s*第?0\d/u.test(text)) problems.push('序号不编虚位（不加前导 0）')
  if (!text.endsWith('号')) problems.push('应以「号」结尾')
  const what = problems.length > 0 ? problems.join('，') : '格式不正确'
  const hint = suggestion ? `。是否应为「${suggestion}」？` : '。'
  return { ok: false, message: `发文字号「${text}」${what}${hint}${FORM}`, suggestion }
}
