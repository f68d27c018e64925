import type { Kysely } from 'kysely'
import { packageCalendarYears } from '../../core/calendar/package-years'
import { checkCalendarYear } from '../../core/calendar/service'
import { calendarFromYears, type WorkCalendar } from '../../core/deadlines'
import { parseHolidayNotice } from '../../core/calendar/notice-parser'
import { AppError } from '../../core/errors'
import type { DistrictCalendarYear } from '../../shared/calendar/wire'
import type { ServerDB } from '../db/schema'
import { AdminError } from '../departments/departments-service'
import { districtAudit, type DistrictActor } from '../district/accounts'

/** What publishing a year did. */
export interface CalendarPublishOutcome {
  year: number
  version: number
  holidays: number
  workdays: number
  /** false: the same arrangement was already published. */
  changed: boolean
}

/**
 * Publishes the State Council's notice for a year as the district's holiday calendar: read by the
 * app's one notice parser (src/core/calendar: every festival exactly once, the statutory total of
 * days off) and checked as the desk checks a year it stores. The same arrangement again changes
 * nothing; a different one gets the next version. Departments receive it on their next sync.
 */
export async function publishCalendarNotice(
  db: Kysely<ServerDB>,
  text: string,
  year: number | undefined,
  actor: DistrictActor,
  now: string,
): Promise<CalendarPublishOutcome> {
  let parsed
  let clean
  try {
    parsed = parseHolidayNotice(text, year)
    clean = checkCalendarYear({
      year: parsed.year,
      holidays: parsed.holidays,
      workdays: parsed.workdays,
      names: parsed.names,
      source: 'notice',
    })
  } catch (e) {
    if (e instanceof AppError) throw new AdminError(`未发布：${e.message}`)
    throw e
  }
  const row = {
    year: parsed.year,
    title: parsed.title ?? `${parsed.year}年部分节假日安排`,
    holidays_json: JSON.stringify(clean.holidays),
    workdays_json: JSON.stringify(clean.workdays),
    names_json: JSON.stringify(clean.names),
    notice_text: text.slice(0, 20_000),
    published_at: now,
    published_by: actor.name,
  }
  return db.transaction().execute(async (trx) => {
    const audit = (done: CalendarPublishOutcome) =>
      districtAudit(
        trx,
        {
          actor,
          action: 'calendar.publish',
          target: `calendar:${done.year}`,
          detail: { version: done.version, holidays: done.holidays, changed: done.changed },
        },
        now,
      )
    const current = await trx
      .selectFrom('district_calendar')
      .select(['version', 'holidays_json', 'workdays_json'])
      .where('year', '=', row.year)
      .executeTakeFirst()
    const outcome = {
      year: row.year,
      holidays: clean.holidays.length,
      workdays: clean.workdays.length,
    }
    if (
      current &&
      current.holidays_json === row.holidays_json &&
      current.workdays_json === row.workdays_json
    ) {
      const same = { ...outcome, version: Number(current.version), changed: false }
      await audit(same)
      return same
    }
    const version = current ? Number(current.version) + 1 : 1
    await trx
      .insertInto('district_calendar')
      .values({ ...row, version })
      .onConflict((oc) => oc.column('year').doUpdateSet({ ...row, version }))
      .execute()
    const done = { ...outcome, version, changed: true }
    await audit(done)
    return done
  })
}

/** Every published year, oldest first, as the desks receive it. */
export async function listDistrictCalendar(db: Kysely<ServerDB>): Promise<DistrictCalendarYear[]> {
  const rows = await db.selectFrom('district_calendar').selectAll().orderBy('year').execute()
  return rows.map((r) => ({
    year: Number(r.year),
    version: Number(r.version),
    title: r.title,
    holidays: JSON.parse(r.holidays_json) as string[],
    workdays: JSON.parse(r.workdays_json) as string[],
    names: JSON.parse(r.names_json) as Record<string, string>,
    publishedAt: r.published_at,
  }))
}

/**
 * The district's working-day calendar for its own deadlines (the overview's 逾期条目): the years
 * chinese-days ships, each replaced by the district's published notice for that year when there is
 * one — the same data a desk counts with after its calendar sync. Years in neither count
 * Monday–Friday (暂定), as on the desk.
 */
export async function districtWorkCalendar(db: Kysely<ServerDB>): Promise<WorkCalendar> {
  const published = await listDistrictCalendar(db)
  const years = new Set(published.map((y) => y.year))
  return calendarFromYears([
    ...packageCalendarYears().filter((y) => !years.has(y.year)),
    ...published.map((y) => ({
      year: y.year,
      holidays: y.holidays,
      workdays: y.workdays,
      names: y.names,
      source: 'notice' as const,
    })),
  ])
}
