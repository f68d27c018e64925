import type { DeadlineReading } from '../../shared/schedule/types'
import { isoDate } from '../spreadsheet'

/**
 * 完成时限 as districts write it: a date (2024-06-30, 2024年6月30日), or text — 「2024年12月底前」,
 * 「6月底前」, 「第三季度」, 「上半年」, 「年底前」 — read as the last day it allows, or text that
 * says no date (持续推进, 按上级部署, 长期坚持, 每季度) kept as text with no date.
 */

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 1: 1, 2: 2, 3: 3, 4: 4 }

const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate()

/** What went wrong reading a date-like 完成时限 (the importer names the cell). */
export class DeadlineTextError extends Error {}

function normalise(text: string): string {
  return text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[／]/g, '/')
    .replace(/\s+/g, '')
}

interface Found {
  at: number
  date: string
}

/**
 * Reads a 完成时限 for a table of `year` (the year used when the text names none). When the text
 * names several days the latest applies (「6月底前完成编制，12月底前全面落实」 → 12-31). Throws
 * DeadlineTextError when the text looks like a date that does not exist (2024年2月30日, 13月底).
 */
export function readDeadline(text: string, year: number): DeadlineReading {
  const raw = text.trim()
  const s = normalise(raw)
  if (s === '') return { text: raw, date: null }
  const found: Found[] = []
  const taken: [number, number][] = []
  const overlaps = (a: number, b: number) => taken.some(([x, y]) => a < y && b > x)
  const take = (re: RegExp, read: (m: RegExpExecArray) => string | null) => {
    re.lastIndex = 0
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const a = m.index
      const b = a + m[0].length
      if (overlaps(a, b)) continue
      taken.push([a, b])
      const date = read(m)
      if (date === null) throw new DeadlineTextError(m[0])
      found.push({ at: a, date })
    }
  }
  const y = (g: string | undefined) => (g ? Number(g) : year)
  // 2024-06-30, 2024/6/30, 2024.6.30, 2024年6月30日
  take(/(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?/g, (m) =>
    isoDate(Number(m[1]), Number(m[2]), Number(m[3])),
  )
  // 20240630
  take(/(?<!\d)(20\d{2})(\d{2})(\d{2})(?!\d)/g, (m) =>
    isoDate(Number(m[1]), Number(m[2]), Number(m[3])),
  )
  // 6月30日, 2024年6月
  take(/(?:(\d{4})年)?(\d{1,2})月(\d{1,2})[日号]/g, (m) =>
    isoDate(y(m[1]), Number(m[2]), Number(m[3])),
  )
  // 6月上旬/中旬/下旬
  take(/(?:(\d{4})年)?(\d{1,2})月(上旬|中旬|下旬)/g, (m) => {
    const month = Number(m[2])
    if (month < 1 || month > 12) return null
    const day = m[3] === '上旬' ? 10 : m[3] === '中旬' ? 20 : lastDayOfMonth(y(m[1]), month)
    return isoDate(y(m[1]), month, day)
  })
  // 2024年12月底前, 6月底, 10月份, 2024年10月
  take(/(?:(\d{4})年)?(\d{1,2})月(?:底|末|份|前|内|中)?/g, (m) => {
    const month = Number(m[2])
    if (month < 1 || month > 12) return null
    return isoDate(y(m[1]), month, lastDayOfMonth(y(m[1]), month))
  })
  // 第三季度, 2024年一季度
  take(/(?:(\d{4})年)?第?([一二三四1-4])季度/g, (m) => {
    const q = CN_DIGITS[m[2] ?? ''] ?? 0
    return isoDate(y(m[1]), q * 3, lastDayOfMonth(y(m[1]), q * 3))
  })
  // 上半年 / 下半年
  take(/(?:(\d{4})年)?(上半年|下半年)/g, (m) =>
    m[2] === '上半年' ? isoDate(y(m[1]), 6, 30) : isoDate(y(m[1]), 12, 31),
  )
  // 2024年底, 年底前, 年内, 全年, 2024年
  take(/(?:(\d{4})年)(?:底|末|内|终)?|(?:年底|年末|年内|全年|年终)/g, (m) =>
    isoDate(y(m[1]), 12, 31),
  )
  // Recurring or open-ended wording names no single day.
  if (found.length === 0) return { text: raw, date: null }
  if (/^(每|常态|长期|持续)/.test(s)) return { text: raw, date: null }
  const latest = found.map((f) => f.date).sort()[found.length - 1] ?? null
  return { text: raw, date: latest }
}

/** Like readDeadline but never throws: an impossible date reads as no date. */
export function readDeadlineLenient(text: string, year: number): DeadlineReading {
  try {
    return readDeadline(text, year)
  } catch {
    return { text: text.trim(), date: null }
  }
}
