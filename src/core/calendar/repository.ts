import type { Kysely } from 'kysely'
import type { CalendarYearView } from '../../shared/calendar/types'
import type { DB } from '../db/schema'
import type { CalendarYearRow } from '../db/tables/calendar'
import type { CalendarYear } from '../deadlines'

function parseList(json: string): string[] {
  const v: unknown = JSON.parse(json)
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
}

function parseNames(json: string): Record<string, string> {
  const v: unknown = JSON.parse(json)
  if (!v || typeof v !== 'object' || Array.isArray(v)) return {}
  return Object.fromEntries(
    Object.entries(v as Record<string, unknown>).filter(
      (e): e is [string, string] => typeof e[1] === 'string',
    ),
  )
}

/** A stored row as the screens and the CLI see it. */
export function toYearView(row: CalendarYearRow): CalendarYearView {
  return {
    year: row.year,
    holidays: parseList(row.holidays_json),
    workdays: parseList(row.workdays_json),
    names: parseNames(row.names_json),
    source: row.source,
    note: row.note,
    updatedAt: row.updated_at,
    updatedByName: row.updated_by_name,
  }
}

/** A stored row as the deadline engine takes it. */
export function toCalendarYear(view: CalendarYearView): CalendarYear {
  return {
    year: view.year,
    holidays: view.holidays,
    workdays: view.workdays,
    source: view.source,
    note: view.note,
    names: view.names,
  }
}

/** Every stored year, ascending. */
export async function listCalendarYears(db: Kysely<DB>): Promise<CalendarYearView[]> {
  const rows = await db.selectFrom('calendar_years').selectAll().orderBy('year').execute()
  return rows.map(toYearView)
}

export async function findCalendarYear(
  db: Kysely<DB>,
  year: number,
): Promise<CalendarYearView | null> {
  const row = await db
    .selectFrom('calendar_years')
    .selectAll()
    .where('year', '=', year)
    .executeTakeFirst()
  return row ? toYearView(row) : null
}

export interface CalendarYearWrite {
  year: number
  holidays: string[]
  workdays: string[]
  names: Record<string, string>
  source: CalendarYearRow['source']
  note: string | null
  updatedAt: string
  updatedBy: string | null
  updatedByName: string | null
}

/** Inserts or replaces the row of `w.year`. */
export async function upsertCalendarYear(db: Kysely<DB>, w: CalendarYearWrite): Promise<void> {
  const values = {
    holidays_json: JSON.stringify(w.holidays),
    workdays_json: JSON.stringify(w.workdays),
    names_json: JSON.stringify(w.names),
    source: w.source,
    note: w.note,
    updated_at: w.updatedAt,
    updated_by: w.updatedBy,
    updated_by_name: w.updatedByName,
  }
  await db
    .insertInto('calendar_years')
    .values({ year: w.year, ...values })
    .onConflict((oc) => oc.column('year').doUpdateSet(values))
    .execute()
}
