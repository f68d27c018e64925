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

/** The `YYYY-MM-DD` date of a day number. */
export function fromDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10)
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

/** The calendar year of a day number. */
export function yearOfDay(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear()
}

/** `date` plus `n` calendar days. */
export function addCalendarDays(date: string, n: number): string {
  return fromDayNumber(toDayNumber(date) + n)
}

/** A date as shown in a timeline: 「2025-10-08（星期三）」. */
export function dateWithWeekday(date: string): string {
  return `${date}（${WEEKDAY_NAMES[weekdayOf(date)]}）`
}
