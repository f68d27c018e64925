import { findWorkday, isWorkday as cdIsWorkday } from 'chinese-days'

/**
 * The one working-day module (architecture doc, principle 11). Working days follow the State
 * Council's holiday notices as published in chinese-days: statutory holidays are off, and 调休
 * Saturdays/Sundays are working days. For years the package has no notice for yet, it falls back
 * to Monday–Friday. Dates are `YYYY-MM-DD` calendar days (the officer's local calendar).
 */

const DATE = /^\d{4}-\d{2}-\d{2}$/

function assertDate(date: string): void {
  if (!DATE.test(date)) throw new RangeError(`日期格式应为 YYYY-MM-DD：${date}`)
}

/** True when `date` is a working day (调休 weekend days included, holidays excluded). */
export function isWorkday(date: string): boolean {
  assertDate(date)
  return cdIsWorkday(date)
}

/**
 * The `n`-th working day after `date` (n ≥ 1): “within 20 working days of the day it was formed”
 * ends on addWorkdays(formed, 20). The start day itself is not counted.
 */
export function addWorkdays(date: string, n: number): string {
  assertDate(date)
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`工作日数应为正整数：${n}`)
  return findWorkday(n, date)
}

/** `date` plus `n` calendar days. */
export function addCalendarDays(date: string, n: number): string {
  assertDate(date)
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number)
  const t = new Date(Date.UTC(y, m - 1, d + n))
  return t.toISOString().slice(0, 10)
}
