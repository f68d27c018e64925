/** Dates as spreadsheets hold them, to `YYYY-MM-DD`. */

const pad = (n: number) => String(n).padStart(2, '0')

/** `YYYY-MM-DD` when y/m/d name a real calendar day (no 2月30日), else null. */
export function isoDate(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  if (d > last) return null
  return `${y}-${pad(m)}-${pad(d)}`
}

/** An Excel date serial (days since 1899-12-30, the 1900 leap-year bug included) to `YYYY-MM-DD`. */
export function serialToIsoDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null
  const whole = Math.floor(serial + 1e-9)
  // Serial 60 is Excel's non-existent 1900-02-29; serials after it count from 1899-12-30.
  const base = whole > 60 ? Date.UTC(1899, 11, 30) : Date.UTC(1899, 11, 31)
  const d = new Date(base + whole * 86_400_000)
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
}

const FULL_WIDTH_DIGITS = /[０-９]/g

/**
 * A date as officers type it into a sheet: 2024-02-20, 2024/2/20, 2024.2.20, 2024年2月20日,
 * 20240220, or an Excel serial (e.g. 45342, how a date cell reads when its format was lost).
 * A trailing time (2024-02-20 09:30) is ignored. Returns `YYYY-MM-DD`, or null when the text is
 * not one real calendar day.
 */
export function parseSheetDate(text: string | number | null | undefined): string | null {
  if (text === null || text === undefined) return null
  if (typeof text === 'number') return serialToIsoDate(text)
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
  m = /^(\d{2,6})(?:\.\d+)?$/.exec(s)
  if (m) {
    const n = Number(s)
    // 1954 … 2119: a plausible serial, not a count or a year.
    if (n >= 20000 && n < 80000) return serialToIsoDate(n)
  }
  return null
}
