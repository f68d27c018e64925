/**
 * 节假日日历 (the working-day calendar as data): what crosses the IPC boundary. Rules live in
 * core/deadlines (counting) and core/calendar (storing, parsing notices and .ics files).
 */

export const CALENDAR_SOURCES = ['package', 'notice', 'ics', 'manual'] as const
export type CalendarSourceCode = (typeof CALENDAR_SOURCES)[number]

/** One stored year. */
export interface CalendarYearView {
  year: number
  holidays: string[]
  workdays: string[]
  /** date → festival name (「国庆节」). */
  names: Record<string, string>
  source: CalendarSourceCode
  note: string | null
  updatedAt: string
  updatedByName: string | null
}

/** One festival line of a parsed notice, as the preview shows it. */
export interface ParsedFestival {
  /** 「国庆节、中秋节」 as the notice names it. */
  name: string
  holidays: string[]
  workdays: string[]
  /** The notice's line, for checking. */
  line: string
  /** 「共8天」 when the notice states it. */
  statedDays: number | null
}

/** What a notice or .ics file says about one year, before it is stored. */
export interface CalendarPreview {
  year: number
  /** 'manual': an empty (or the stored) year the officer fills in on the month calendars. */
  source: 'notice' | 'ics' | 'manual'
  /** The notice's title or the .ics calendar name / file name. */
  title: string | null
  holidays: string[]
  workdays: string[]
  names: Record<string, string>
  festivals: ParsedFestival[]
  /** Non-blocking remarks in Chinese (e.g. a make-up day that is not a weekend). */
  warnings: string[]
  /** The row stored for that year now (it would be replaced), or null. */
  existing: CalendarYearView | null
}

/** A due date that moved because the calendar changed (listeners of 'calendar.changed'). */
export interface MovedDeadline {
  /** 'request': 依申请公开 answer deadline; 'item': a 主动公开 item's due date (第二十六条). */
  kind: 'request' | 'item'
  id: string
  /** The request number 「GK2026-031」 or the item's title. */
  label: string
  from: string | null
  to: string | null
  provisionalBefore: boolean
  provisionalAfter: boolean
}

export interface CalendarAddResult {
  stored: CalendarYearView
  /** The row it replaced, when there was one. */
  replaced: CalendarYearView | null
  moved: MovedDeadline[]
}

/** An .ics file may hold several years: one preview each. */
export interface IcsImportPreview {
  fileName: string
  years: CalendarPreview[]
}
