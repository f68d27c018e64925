import { fromDayNumber, toDayNumber, weekdayOfDay, yearOfDay } from './dates'

/** Where a year's holidays came from. */
export type CalendarSource = 'package' | 'notice' | 'ics' | 'manual'

/**
 * One year of the holiday calendar as stored: the days off (法定节假日 and the weekend days inside
 * the holiday ranges) and the 调休 make-up working days, as the State Council notice names them.
 * `names` maps a date to its festival (「国庆节」); optional.
 */
export interface CalendarYear {
  year: number
  holidays: string[]
  workdays: string[]
  source: CalendarSource
  note?: string | null
  names?: Record<string, string>
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup'

export interface DayInfo {
  kind: DayKind
  /** The festival a holiday or make-up day belongs to, when known (「春节」). */
  name?: string
  /** True when the year is not in the calendar: the kind is Monday–Friday by assumption (暂定). */
  provisional?: boolean
}

/** A working-day calendar built from data (pure: no database, no package lookups). */
export interface WorkCalendar {
  /** The years the calendar has a notice (or package data) for, ascending. */
  readonly years: number[]
  /** True when `year` has stored holiday data; other years count Monday–Friday, provisionally. */
  knows(year: number): boolean
  isWorkday(date: string): boolean
  dayInfo(date: string): DayInfo
  /** Fast paths on day numbers (see dates.ts) for the counting loops. */
  isWorkdayNumber(day: number): boolean
  dayInfoNumber(day: number): DayInfo
  /** The source of a known year. */
  sourceOf(year: number): CalendarSource | undefined
}

const WORKDAY: DayInfo = Object.freeze({ kind: 'workday' })
const WEEKEND: DayInfo = Object.freeze({ kind: 'weekend' })
const WORKDAY_PROVISIONAL: DayInfo = Object.freeze({ kind: 'workday', provisional: true })
const WEEKEND_PROVISIONAL: DayInfo = Object.freeze({ kind: 'weekend', provisional: true })

/**
 * Builds the calendar from stored years. A date named in any year's row counts (a notice may name
 * a day of the previous year, e.g. 元旦 from 12月31日); a date named both as holiday and make-up
 * day is refused, as is a malformed date.
 */
export function calendarFromYears(rows: readonly CalendarYear[]): WorkCalendar {
  const special = new Map<number, DayInfo>()
  const sources = new Map<number, CalendarSource>()
  for (const row of [...rows].sort((a, b) => a.year - b.year)) {
    sources.set(row.year, row.source)
    for (const date of row.holidays) {
      const name = row.names?.[date]
      special.set(
        toDayNumber(date),
        Object.freeze(name ? { kind: 'holiday', name } : { kind: 'holiday' }),
      )
    }
    for (const date of row.workdays) {
      const day = toDayNumber(date)
      if (special.get(day)?.kind === 'holiday' && row.holidays.includes(date)) {
        throw new RangeError(`${row.year} 年的节假日安排中 ${date} 既是放假日又是上班日`)
      }
      const name = row.names?.[date]
      special.set(day, Object.freeze(name ? { kind: 'makeup', name } : { kind: 'makeup' }))
    }
  }
  const years = [...sources.keys()].sort((a, b) => a - b)
  const known = new Set(years)

  const dayInfoNumber = (day: number): DayInfo => {
    const s = special.get(day)
    if (s) return s
    const weekend = weekdayOfDay(day) % 6 === 0
    if (known.has(yearOfDay(day))) return weekend ? WEEKEND : WORKDAY
    return weekend ? WEEKEND_PROVISIONAL : WORKDAY_PROVISIONAL
  }
  const isWorkdayNumber = (day: number): boolean => {
    const k = dayInfoNumber(day).kind
    return k === 'workday' || k === 'makeup'
  }
  return {
    years,
    knows: (year) => known.has(year),
    isWorkday: (date) => isWorkdayNumber(toDayNumber(date)),
    dayInfo: (date) => dayInfoNumber(toDayNumber(date)),
    isWorkdayNumber,
    dayInfoNumber,
    sourceOf: (year) => sources.get(year),
  }
}

/** Every special day of a year in a calendar, for display and comparison. */
export function specialDaysOf(
  cal: WorkCalendar,
  year: number,
): { holidays: string[]; workdays: string[] } {
  const holidays: string[] = []
  const workdays: string[] = []
  const first = toDayNumber(`${year}-01-01`)
  const last = toDayNumber(`${year}-12-31`)
  for (let d = first; d <= last; d++) {
    const k = cal.dayInfoNumber(d).kind
    if (k === 'holiday') holidays.push(fromDayNumber(d))
    else if (k === 'makeup') workdays.push(fromDayNumber(d))
  }
  return { holidays, workdays }
}
