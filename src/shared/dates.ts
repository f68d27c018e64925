/**
 * Dates as officers type them — one parser for the app: the date fields (components/DateField),
 * and core's spreadsheet imports (core/spreadsheet/dates.ts builds parseSheetDate on it).
 */

const pad = (n: number) => String(n).padStart(2, '0')

/** `YYYY-MM-DD` when y/m/d name a real calendar day (no 2月30日), else null. */
export function isoDate(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  if (d > last) return null
  return `${y}-${pad(m)}-${pad(d)}`
}

const FULL_WIDTH_DIGITS = /[０-９]/g

/**
 * A typed date: 2024-02-20, 2024/2/20, 2024.2.20, 2024年2月20日, 20240220 (full-width digits and
 * spaces allowed; a trailing time such as 2024-02-20 09:30 is ignored). Returns `YYYY-MM-DD`, or
 * null when the text is not one real calendar day.
 */
export function parseDateText(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null
  const s = text
    .replace(FULL_WIDTH_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, ' ')
    .trim()
  if (s === '') return null
  let m =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}[:：]\d{2}(?:[:：]\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      s,
    )
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]))
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s)
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]))
  return null
}
