import type { Kysely } from 'kysely'
import type { CalendarPreview, IcsImportPreview, ParsedFestival } from '../../shared/calendar/types'
import type { DB } from '../db/schema'
import { parseHolidayIcs } from './ics'
import { parseHolidayNotice } from './notice-parser'
import { findCalendarYear } from './repository'
import { checkCalendarYear } from './service'

async function preview(
  db: Kysely<DB>,
  p: {
    year: number
    source: 'notice' | 'ics'
    title: string | null
    holidays: string[]
    workdays: string[]
    names: Record<string, string>
    festivals: ParsedFestival[]
    warnings: string[]
  },
): Promise<CalendarPreview> {
  const clean = checkCalendarYear({ ...p })
  return {
    year: p.year,
    source: p.source,
    title: p.title,
    holidays: clean.holidays,
    workdays: clean.workdays,
    names: clean.names,
    festivals: p.festivals,
    warnings: [...p.warnings, ...clean.warnings],
    existing: await findCalendarYear(db, p.year),
  }
}

/** 粘贴通知 → preview (writes nothing). */
export async function previewNotice(
  db: Kysely<DB>,
  text: string,
  year?: number,
): Promise<CalendarPreview> {
  const n = parseHolidayNotice(text, year)
  return preview(db, { ...n, source: 'notice' })
}

/** An .ics file's text → one preview per year (writes nothing). */
export async function previewIcs(
  db: Kysely<DB>,
  text: string,
  fileName: string,
): Promise<IcsImportPreview> {
  const parsed = parseHolidayIcs(text)
  const years: CalendarPreview[] = []
  for (const y of parsed.years) {
    years.push(
      await preview(db, {
        year: y.year,
        source: 'ics',
        title: parsed.calendarName ?? fileName,
        holidays: y.holidays,
        workdays: y.workdays,
        names: y.names,
        festivals: [],
        warnings: parsed.warnings,
      }),
    )
  }
  return { fileName, years }
}
