/**
 * Calendar-date arithmetic on `YYYY-MM-DD` strings (the officer's local calendar, no time zone).
 * Internally a date is a day number (days since 1970-01-01), so counting loops never parse strings.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const MS_PER_DAY = 86_400_000

/** Chinese weekday names, Sunday first (Date#getUTCDay order). */
export const WEEKDAY_NAMES = [
  '星期日',
  '星期一',
  '星期二',
  '星期三',
  '星期四',
  '星期五',
  '星期六',
] as const

/** True when `text` is a real `YYYY-MM-DD` date (2025-02-30 is not). */
export function isIsoDate(text: string): boolean {
  const m = DATE.exec(text)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const t = new Date(Date.UTC(y, mo - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d
}

/** Throws RangeError (Chinese message) unless `date` is a real `YYYY-MM-DD` date. */
export function assertDate(date: string): void {
  if (!isIsoDate(date)) throw new RangeError(`日期格式应为 YYYY-MM-DD：${date}`)
}

/** The day number of a `YYYY-MM-DD` date (validated). */
export function toDayNumber(date: string): number {
  assertDate(date)
  return (
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) /
    MS_PER_DAY
  )
}

// Counting loops format the same few thousand days again and again: remember them.
const formatted = new Map<number, string>()
const labelled = new Map<number, string>()
const MEMO_LIMIT = 200_000

/** The `YYYY-MM-DD` date of a day number. */
export function fromDayNumber(day: number): string {
  let s = formatted.get(day)
  if (s === undefined) {
    s = new Date(day * MS_PER_DAY).toISOString().slice(0, 10)
    if (formatted.size < MEMO_LIMIT) formatted.set(day, s)
  }
  return s
}

/** A day number as shown in a timeline: 「2025-10-08（星期三）」. */
export function dayWithWeekday(day: number): string {
  let s = labelled.get(day)
  if (s === undefined) {
    s = `${fromDayNumber(day)}（${WEEKDAY_NAMES[weekdayOfDay(day)]}）`
    if (labelled.size < MEMO_LIMIT) labelled.set(day, s)
  }
  return s
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOfDay(day: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((day + 4) % 7) + 7) % 7
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return weekdayOfDay(toDayNumber(date))
}

/** The calendar year of a day number (Hinnant's civil-from-days, no Date object). */
export function yearOfDay(day: number): number {
  const z = day + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  )
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  return yoe + era * 400 + (mp >= 10 ? 1 : 0)
}

/** `date` plus `n` calendar days. */
export function addCalendarDays(date: string, n: number): string {
  return fromDayNumber(toDayNumber(date) + n)
}

/** A date as shown in a timeline: 「2025-10-08（星期三）」. */
export function dateWithWeekday(date: string): string {
  return dayWithWeekday(toDayNumber(date))
}
