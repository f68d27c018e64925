import type { Kysely } from 'kysely'
import type { CalendarAddResult, CalendarSourceCode } from '../../shared/calendar/types'
import type { Actor } from '../accounts/actor'
import { appendAudit } from '../audit/append'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { isIsoDate, weekdayOf } from '../deadlines'
import { AppError } from '../errors'
import type { EventBus } from '../events/bus'
import { invalidateWorkCalendar, readWorkCalendar } from './load'
import { findCalendarYear, upsertCalendarYear } from './repository'
import { auditActor } from '../accounts/actor'

/**
 * Who may change the holiday calendar (decision): officers (起草人 — the staff who count the
 * deadlines and receive next year's notice) and administrators. Everyone signed in may read it.
 */
export function requireCalendarEditor(actor: Actor): void {
  if (!actor.roles.includes('officer') && !actor.roles.includes('admin')) {
    throw new AppError('FORBIDDEN', '只有起草人或管理员可以修改节假日日历')
  }
}

export interface CalendarYearInput {
  year: number
  holidays: string[]
  workdays: string[]
  names?: Record<string, string>
  source: Exclude<CalendarSourceCode, 'package'> | 'package'
  note?: string | null
}

/**
 * Checks a year before it is stored: real dates, inside the year (a notice may name the last days
 * of December before, or the first of January after — 元旦 ranges cross the year), no day both off
 * and working, at least one day off. Returns the cleaned (sorted, de-duplicated) lists and the
 * non-blocking warnings (a make-up working day that is not a weekend). Throws VALIDATION in Chinese.
 */
export function checkCalendarYear(input: CalendarYearInput): {
  holidays: string[]
  workdays: string[]
  names: Record<string, string>
  warnings: string[]
} {
  const { year } = input
  const lo = `${year - 1}-12-01`
  const hi = `${year + 1}-01-31`
  for (const d of [...input.holidays, ...input.workdays]) {
    if (!isIsoDate(d)) throw new AppError('VALIDATION', `日期 ${d} 无效`)
    if (d < lo || d > hi) {
      throw new AppError('VALIDATION', `日期 ${d} 不属于 ${year} 年的节假日安排`)
    }
  }
  const holidays = [...new Set(input.holidays)].sort()
  const workdays = [...new Set(input.workdays)].sort()
  if (holidays.length === 0) throw new AppError('VALIDATION', `${year} 年的安排中没有放假日`)
  const both = holidays.filter((d) => workdays.includes(d))
  if (both.length > 0) {
    throw new AppError('VALIDATION', `${both.join('、')} 既被列为放假日又被列为上班日，请核对`)
  }
  const warnings = workdays
    .filter((d) => weekdayOf(d) % 6 !== 0)
    .map((d) => `${d} 不是周末，却被列为调休上班日，请核对`)
  const names: Record<string, string> = {}
  for (const [d, n] of Object.entries(input.names ?? {})) {
    if (holidays.includes(d) || workdays.includes(d)) names[d] = n
  }
  return { holidays, workdays, names, warnings }
}

export interface CalendarDeps {
  db: Kysely<DB>
  clock: Clock
  events: EventBus
}

/**
 * Stores (adds or replaces) one year of the holiday calendar — officers and administrators —
 * audited, in one transaction with the 'calendar.changed' listeners (the request register
 * recomputes open requests' due dates there), and returns the stored row and the due dates that
 * moved. `actor` null: the CLI (audited as the system).
 */
export async function addCalendarYear(
  deps: CalendarDeps,
  input: CalendarYearInput,
  actor: Actor | null,
): Promise<CalendarAddResult> {
  if (actor) requireCalendarEditor(actor)
  const clean = checkCalendarYear(input)
  const result = await deps.db.transaction().execute(async (trx) => {
    const previous = await readWorkCalendar(trx)
    const replaced = await findCalendarYear(trx, input.year)
    await upsertCalendarYear(trx, {
      year: input.year,
      holidays: clean.holidays,
      workdays: clean.workdays,
      names: clean.names,
      source: input.source,
      note: input.note?.trim() || null,
      updatedAt: deps.clock().toISOString(),
      updatedBy: actor?.id ?? null,
      updatedByName: actor?.displayName ?? null,
    })
    const stored = await findCalendarYear(trx, input.year)
    if (!stored) throw new AppError('DB_ERROR', '保存节假日安排失败，请重试')
    await appendAudit(
      trx,
      {
        actor: actor ? auditActor(actor) : null,
        action: replaced ? 'calendar.replace' : 'calendar.add',
        target: `calendar:${input.year}`,
        before: replaced ?? undefined,
        after: stored,
        detail: {
          year: input.year,
          source: input.source,
          holidays: clean.holidays.length,
          workdays: clean.workdays.length,
          ...(replaced ? { from: replaced.source } : {}),
        },
      },
      deps.clock,
    )
    const calendar = await readWorkCalendar(trx)
    const results = await deps.events.emit('calendar.changed', {
      db: trx,
      calendar,
      previous,
      years: [input.year],
      actor,
      clock: deps.clock,
    })
    return { stored, replaced, moved: results.flat() }
  })
  invalidateWorkCalendar(deps.db)
  return result
}

/**
 * Adds the years the bundled chinese-days knows but the store does not (after an app update that
 * brings next year's notice), as source 'package' — never replacing a stored year, whatever its
 * source. Each is stored like any other year (audited as the system, listeners recompute). Returns
 * the years added. Called once at start-up.
 */
export async function addMissingPackageYears(
  deps: CalendarDeps,
  packageYears: CalendarYearInput[],
): Promise<number[]> {
  const stored = new Set(
    (await deps.db.selectFrom('calendar_years').select('year').execute()).map((r) => r.year),
  )
  const added: number[] = []
  for (const y of packageYears) {
    if (stored.has(y.year)) continue
    await addCalendarYear(deps, { ...y, source: 'package', note: 'chinese-days' }, null)
    added.push(y.year)
  }
  return added
}
