import chineseDays from 'chinese-days/dist/chinese-days.json'
import type { CalendarYear } from '../deadlines'

interface PackageData {
  holidays: Record<string, string>
  workdays: Record<string, string>
}

/** The package says 「清明」「端午」「中秋」; the notices say 清明节, 端午节, 中秋节. */
const NOTICE_NAMES: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' }

/** 「National Day,国庆节,3」 → 「国庆节」. */
function chineseName(value: string): string | undefined {
  const name = value.split(',')[1]?.trim()
  return name ? (NOTICE_NAMES[name] ?? name) : undefined
}

/**
 * The years chinese-days ships (one row each, source 'package'): its holidays (weekends inside a
 * holiday range included) and its 调休 make-up working days, with the festival names. This is the
 * seed of the stored calendar; nothing else in the app reads the package.
 */
export function packageCalendarYears(): CalendarYear[] {
  const data = chineseDays as PackageData
  const byYear = new Map<number, CalendarYear & { names: Record<string, string> }>()
  const rowOf = (date: string) => {
    const year = Number(date.slice(0, 4))
    let row = byYear.get(year)
    if (!row) {
      row = { year, holidays: [], workdays: [], source: 'package', names: {} }
      byYear.set(year, row)
    }
    return row
  }
  for (const [date, value] of Object.entries(data.holidays)) {
    const row = rowOf(date)
    row.holidays.push(date)
    const name = chineseName(value)
    if (name) row.names[date] = name
  }
  for (const [date, value] of Object.entries(data.workdays)) {
    const row = rowOf(date)
    row.workdays.push(date)
    const name = chineseName(value)
    if (name) row.names[date] = name
  }
  return [...byYear.values()]
    .map((r) => ({ ...r, holidays: r.holidays.sort(), workdays: r.workdays.sort() }))
    .sort((a, b) => a.year - b.year)
}
