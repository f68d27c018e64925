import { sql, type Kysely } from 'kysely'
import { packageCalendarYears } from '../../calendar/package-years'

/**
 * 节假日日历: one row per year — the days off and the 调休 make-up working days of the State
 * Council's notice, and where they came from ('package' = chinese-days, 'notice' = a pasted
 * 国务院办公厅通知, 'ics', 'manual'). Seeded with every year chinese-days knows at the time of
 * migrating; later years are added by officers (core/calendar). Immutable once released.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE calendar_years (
      year INTEGER PRIMARY KEY NOT NULL CHECK (year BETWEEN 1990 AND 2200),
      holidays_json TEXT NOT NULL,
      workdays_json TEXT NOT NULL,
      names_json TEXT NOT NULL DEFAULT '{}',
      source TEXT NOT NULL CHECK (source IN ('package', 'notice', 'ics', 'manual')),
      note TEXT,
      updated_at TEXT NOT NULL,
      updated_by TEXT,
      updated_by_name TEXT
    ) STRICT
  `.execute(db)
  const now = new Date().toISOString()
  // One statement for the whole seed (a kill mid-migration leaves all of it or none).
  const rows = packageCalendarYears().map(
    (y) =>
      sql`(${y.year}, ${JSON.stringify(y.holidays)}, ${JSON.stringify(y.workdays)},
        ${JSON.stringify(y.names ?? {})}, 'package', 'chinese-days', ${now})`,
  )
  if (rows.length === 0) return
  await sql`
    INSERT INTO calendar_years
      (year, holidays_json, workdays_json, names_json, source, note, updated_at)
    VALUES ${sql.join(rows)}
  `.execute(db)
}
