/**
 * Check-digit and plausibility rules for the numbers the scanner recognises. Pure functions over
 * ASCII digit strings; callers fold full-width digits first.
 */

/** GB 11643-1999 weights for the first 17 digits of a 居民身份证号码. */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
/** GB 11643 / ISO 7064 MOD 11-2: sum mod 11 indexes this table. */
const ID_CHECK_CHARS = '10X98765432'

/** The GB 11643 check character for the first 17 digits of an 18-digit ID, or null if not digits. */
export function idCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const d = first17.charCodeAt(i) - 48
    if (d < 0 || d > 9) return null
    sum += d * (ID_WEIGHTS[i] ?? 0)
  }
  return ID_CHECK_CHARS[sum % 11] ?? null
}

/**
 * Province-level codes of GB/T 2260 that begin a valid 行政区划代码: 11–15, 21–23, 31–37, 41–46,
 * 50–54, 61–65, plus 71 (台湾), 81 (香港), 82 (澳门) as the ID standard allows.
 */
const PROVINCE_CODES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
  53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
])

/** True when the first two digits of `code` are a real province-level region code. */
export function isValidProvinceCode(code: string): boolean {
  return PROVINCE_CODES.has((code.charCodeAt(0) - 48) * 10 + (code.charCodeAt(1) - 48))
}

/** True for a real calendar date between 1900-01-01 and `today` (inclusive). */
export function isPlausibleBirthDate(
  year: number,
  month: number,
  day: number,
  today: Date,
): boolean {
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false
  const dim = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (day > dim) return false
  const t = today.getFullYear() * 10000 + (today.getMonth() + 1) * 100 + today.getDate()
  return year * 10000 + month * 100 + day <= t
}

function digitsAt(s: string, start: number, len: number): number {
  let n = 0
  for (let i = start; i < start + len; i++) n = n * 10 + (s.charCodeAt(i) - 48)
  return n
}

/** What an 18- or 15-character ID candidate turned out to be. */
export interface IdCheck {
  /** Province code and birth date are plausible. */
  plausible: boolean
  /** GB 11643 check character matches (always true for the 15-digit form, which has none). */
  checksumOk: boolean
  /** The check character the first 17 digits call for (18-digit form only). */
  expectedCheck?: string
}

/**
 * Examines a compact ID candidate: 17 digits + digit/X, or 15 digits (1984-era form: region + YYMMDD
 * + 3, born in the 1900s). Returns null when the shape is wrong.
 */
export function checkIdNumber(id: string, today: Date = new Date()): IdCheck | null {
  if (id.length === 18) {
    const expected = idCheckChar(id.slice(0, 17))
    if (expected === null) return null
    const last = id[17]?.toUpperCase()
    const plausible =
      isValidProvinceCode(id) &&
      isPlausibleBirthDate(digitsAt(id, 6, 4), digitsAt(id, 10, 2), digitsAt(id, 12, 2), today)
    return { plausible, checksumOk: last === expected, expectedCheck: expected }
  }
  if (id.length === 15 && /^\d{15}$/.test(id)) {
    const plausible =
      isValidProvinceCode(id) &&
      isPlausibleBirthDate(
        1900 + digitsAt(id, 6, 2),
        digitsAt(id, 8, 2),
        digitsAt(id, 10, 2),
        today,
      )
    return { plausible, checksumOk: true }
  }
  return null
}

/** Luhn (ISO/IEC 7812) check over a string of ASCII digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0
  let double = false
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48
    if (d < 0 || d > 9) return false
    if (double) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
    double = !double
  }
  return digits.length > 0 && sum % 10 === 0
}
