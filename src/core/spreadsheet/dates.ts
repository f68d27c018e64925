/** Dates as spreadsheets hold them, to `YYYY-MM-DD`. */
import { isoDate, parseDateText } from '../../shared/dates'

export { isoDate }

/** An Excel date serial (days since 1899-12-30, the 1900 leap-year bug included) to `YYYY-MM-DD`. */
export function serialToIsoDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null
  const whole = Math.floor(serial + 1e-9)
  // Serial 60 is Excel's non-existent 1900-02-29; serials after it count from 1899-12-30.
  const base = whole > 60 ? Date.UTC(1899, 11, 30) : Date.UTC(1899, 11, 31)
  const d = new Date(base + whole * 86_400_000)
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
}

/**
 * A date as officers type it into a sheet: what a date field accepts (shared/dates.ts:
 * 2024-02-20, 2024/2/20, 2024.2.20, 2024年2月20日, 20240220, a trailing time ignored), or an Excel
 * serial (e.g. 45342, how a date cell reads when its format was lost). Returns `YYYY-MM-DD`, or
 * null when the text is not one real calendar day.
 */
export function parseSheetDate(text: string | number | null | undefined): string | null {
  if (text === null || text === undefined) return null
  if (typeof text === 'number') return serialToIsoDate(text)
  const typed = parseDateText(text)
  if (typed) return typed
  const s = text.trim()
  const m = /^(\d{2,6})(?:\.\d+)?$/.exec(s)
  if (m) {
    const n = Number(s)
    // 1954 … 2119: a plausible serial, not a count or a year.
    if (n >= 20000 && n < 80000) return serialToIsoDate(n)
  }
  return null
}
