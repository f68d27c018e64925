import { fromDayNumber, toDayNumber, yearOfDay } from './dates'
import type { DayKind, WorkCalendar } from './work-calendar'

/** The article every answer deadline is counted under (day 0 is the day of receipt). */
export const ARTICLE_33 = '条例第三十三条'

export interface SkippedDay {
  date: string
  kind: DayKind
  name?: string
}

export interface WorkingDaysResult {
  /** The n-th working day after `from`. */
  date: string
  /** True when any day looked at lies in a year the calendar does not know (暂定, Monday–Friday). */
  provisional: boolean
  /** Every non-working day passed over between `from` (exclusive) and `date`. */
  skipped: SkippedDay[]
  /** The unknown years passed through, ascending. */
  unknownYears: number[]
}

function assertCount(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > 10_000) {
    throw new RangeError(`工作日数应为 1 至 10000 之间的整数：${n}`)
  }
}

/**
 * The `n`-th working day after `from` (n ≥ 1). Day 0 is `from` itself and counting starts the
 * next day (条例第三十三条: 「自收到申请之日起20个工作日内」, the day of receipt not counted).
 */
export function addWorkingDays(cal: WorkCalendar, from: string, n: number): WorkingDaysResult {
  assertCount(n)
  let day = toDayNumber(from)
  const skipped: SkippedDay[] = []
  const unknown = new Set<number>()
  let counted = 0
  while (counted < n) {
    day++
    const info = cal.dayInfoNumber(day)
    if (info.provisional) unknown.add(yearOfDay(day))
    if (info.kind === 'workday' || info.kind === 'makeup') counted++
    else
      skipped.push(
        info.name
          ? { date: fromDayNumber(day), kind: info.kind, name: info.name }
          : { date: fromDayNumber(day), kind: info.kind },
      )
  }
  const unknownYears = [...unknown].sort((a, b) => a - b)
  return { date: fromDayNumber(day), provisional: unknownYears.length > 0, skipped, unknownYears }
}

/**
 * How many working days lie after `from` up to and including `to` (0 when `to` ≤ `from`):
 * the inverse of addWorkingDays — workingDaysBetween(cal, d, addWorkingDays(cal, d, n).date) = n.
 */
export function workingDaysBetween(cal: WorkCalendar, from: string, to: string): number {
  const a = toDayNumber(from)
  const b = toDayNumber(to)
  let n = 0
  for (let d = a + 1; d <= b; d++) if (cal.isWorkdayNumber(d)) n++
  return n
}

/** The first working day on or after `date`. */
export function workdayOnOrAfter(cal: WorkCalendar, date: string): string {
  let d = toDayNumber(date)
  for (let i = 0; i < 400 && !cal.isWorkdayNumber(d); i++) d++
  return fromDayNumber(d)
}
