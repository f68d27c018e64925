import ICAL from 'ical.js'
import { addCalendarDays, toDayNumber } from '../deadlines'
import { AppError } from '../errors'

/**
 * Reads an .ics holiday calendar (RFC 5545) into days off and make-up working days per year.
 * How an event is classified (decision, documented in README.md):
 * - a make-up working day (调休上班) when its SUMMARY contains 班 (「国庆节(班)」「补班」「上班」) or
 *   it carries X-APPLE-SPECIAL-DAY:ALTERNATE-WORKDAY;
 * - a day off when its SUMMARY contains 休 or 假 (「春节(休)」「放假」) or it carries
 *   X-APPLE-SPECIAL-DAY:WORK-HOLIDAY;
 * - anything else (纪念日, 节气, a meeting) sets nothing and is listed in the warnings.
 * All-day events cover DTSTART up to the day before DTEND (DTEND is exclusive); one with no DTEND
 * covers its one day. An event that is both, or has a time of day, is refused with its summary.
 * The festival name is the SUMMARY without its trailing marker (「(休)」「补班」「放假」 …).
 */
export interface IcsYear {
  year: number
  holidays: string[]
  workdays: string[]
  names: Record<string, string>
}

export interface ParsedIcs {
  calendarName: string | null
  years: IcsYear[]
  warnings: string[]
}

function dateOf(t: ICAL.Time): string {
  return `${String(t.year).padStart(4, '0')}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`
}

/** Parses the text of an .ics file; throws AppError('VALIDATION') in Chinese when unreadable. */
export function parseHolidayIcs(text: string): ParsedIcs {
  let root: ICAL.Component
  try {
    root = new ICAL.Component(ICAL.parse(text))
  } catch {
    throw new AppError('VALIDATION', '无法读取该 .ics 文件：不是有效的 iCalendar 日历')
  }
  const calendarName =
    (root.getFirstPropertyValue('x-wr-calname') as string | null) ??
    (root.getFirstPropertyValue('name') as string | null) ??
    null
  const byYear = new Map<number, IcsYear>()
  const warnings: string[] = []
  const events = root.getAllSubcomponents('vevent')
  if (events.length === 0) throw new AppError('VALIDATION', '该 .ics 文件中没有日程（VEVENT）')
  for (const ev of events) {
    const summary = String(ev.getFirstPropertyValue('summary') ?? '').trim()
    const special = String(ev.getFirstPropertyValue('x-apple-special-day') ?? '').toUpperCase()
    const work = summary.includes('班') || special === 'ALTERNATE-WORKDAY'
    const off = /[休假]/.test(summary.replace(/班/g, '')) || special === 'WORK-HOLIDAY'
    const start = ev.getFirstPropertyValue('dtstart') as ICAL.Time | null
    if (!start) throw new AppError('VALIDATION', `日程「${summary}」没有开始日期`)
    if (!work && !off) {
      warnings.push(
        `「${summary || '（无标题）'}」（${dateOf(start)}）既不是放假也不是上班，已忽略`,
      )
      continue
    }
    if (work && off) {
      throw new AppError(
        'VALIDATION',
        `日程「${summary}」（${dateOf(start)}）无法判断是放假还是上班`,
      )
    }
    if (!start.isDate) {
      throw new AppError(
        'VALIDATION',
        `日程「${summary}」（${dateOf(start)}）带有具体时刻，不是全天日程`,
      )
    }
    const endValue = ev.getFirstPropertyValue('dtend') as ICAL.Time | null
    const first = dateOf(start)
    const last = endValue ? addCalendarDays(dateOf(endValue), -1) : first
    const span = toDayNumber(last) - toDayNumber(first)
    if (span < 0 || span > 40) {
      throw new AppError('VALIDATION', `日程「${summary}」的日期范围（${first} 起）不合理`)
    }
    const name = summary
      .replace(/(?:[（(][^）)]*[）)]|放假|补班|上班|补休|调休|休|班)+$/u, '')
      .trim()
    for (let i = 0; i <= span; i++) {
      const d = addCalendarDays(first, i)
      const year = Number(d.slice(0, 4))
      let row = byYear.get(year)
      if (!row) {
        row = { year, holidays: [], workdays: [], names: {} }
        byYear.set(year, row)
      }
      ;(work ? row.workdays : row.holidays).push(d)
      if (name) row.names[d] = name
    }
  }
  const years = [...byYear.values()]
    .map((r) => ({
      ...r,
      holidays: [...new Set(r.holidays)].sort(),
      workdays: [...new Set(r.workdays)].sort(),
    }))
    .sort((a, b) => a.year - b.year)
  if (years.length === 0) throw new AppError('VALIDATION', '该 .ics 文件中没有放假或调休上班的日程')
  return { calendarName, years, warnings }
}
