import { sql, type Kysely } from 'kysely'
import type { DB } from '../db/schema'
import { calendarFromYears, type WorkCalendar } from '../deadlines'
import { listCalendarYears, toCalendarYear } from './repository'

interface Cached {
  fingerprint: string
  calendar: WorkCalendar
}

/** One cache entry per store connection (a restore opens a new one, so it starts afresh). */
const cache = new WeakMap<object, Cached>()

/** Changes whenever any row changes, also when another process (the CLI) wrote it. */
async function fingerprintOf(db: Kysely<DB>): Promise<string> {
  const r = await sql<{ f: string }>`
    SELECT count(*) || ':' || coalesce(max(updated_at), '') || ':' ||
      coalesce(sum(length(holidays_json) + length(workdays_json) + year), 0) AS f
    FROM calendar_years
  `.execute(db)
  return r.rows[0]?.f ?? ''
}

/** Builds the calendar from the stored rows, bypassing the cache. */
export async function readWorkCalendar(db: Kysely<DB>): Promise<WorkCalendar> {
  return calendarFromYears((await listCalendarYears(db)).map(toCalendarYear))
}

/**
 * The stored working-day calendar (table calendar_years). Cached per store and checked against a
 * cheap fingerprint on each call, so a year added here or by the CLI is seen at once. Inside a
 * transaction it reads afresh (the transaction may have just changed it). Load it once and pass
 * it on when computing many deadlines.
 */
export async function loadWorkCalendar(db: Kysely<DB>): Promise<WorkCalendar> {
  if (db.isTransaction) return readWorkCalendar(db)
  const fingerprint = await fingerprintOf(db)
  const hit = cache.get(db)
  if (hit && hit.fingerprint === fingerprint) return hit.calendar
  const calendar = await readWorkCalendar(db)
  cache.set(db, { fingerprint, calendar })
  return calendar
}

/** Drops the cached calendar of `db` (after a change made through it). */
export function invalidateWorkCalendar(db: Kysely<DB>): void {
  cache.delete(db)
}
