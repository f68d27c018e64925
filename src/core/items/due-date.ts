import type { Kysely } from 'kysely'
import type { MovedDeadline } from '../../shared/calendar/types'
import type { DeadlineRule } from '../../shared/catalogue/types'
import { parseTimeLimit, STATUTORY_RULE } from '../catalogue/time-limit'
import { loadWorkCalendar } from '../calendar/load'
import type { DB } from '../db/schema'
import { addCalendarDays, addWorkingDays, type WorkCalendar } from '../deadlines'

/**
 * The due date for `rule` counted from 成文日期 (the day the information was formed; day 0, counting
 * from the next day), in working days of the stored holiday calendar (第二十六条: 20 个工作日).
 */
export function dueDateFor(cal: WorkCalendar, rule: DeadlineRule, signedDate: string): string {
  return rule.unit === 'workday'
    ? addWorkingDays(cal, signedDate, rule.count).date
    : addCalendarDays(signedDate, rule.count)
}

/** True when counting `rule` from `signedDate` passes through a year the calendar does not know. */
export function dueDateProvisional(
  cal: WorkCalendar,
  rule: DeadlineRule | null,
  signedDate: string | null,
): boolean {
  if (!rule || !signedDate || rule.unit !== 'workday') return false
  return addWorkingDays(cal, signedDate, rule.count).provisional
}

/**
 * The rule an item is due by: its catalogue entry's 时限 when filed under one (null when that 时限
 * cannot be read — no due date, with a warning); the statutory 20 working days of 第二十六条 when
 * the entry has no 时限 or the item is under no entry.
 */
export async function ruleForEntry(
  db: Kysely<DB>,
  catalogueEntryId: string | null,
): Promise<DeadlineRule | null> {
  if (catalogueEntryId === null) return STATUTORY_RULE
  const entry = await db
    .selectFrom('catalogue_entries')
    .select(['time_limit', 'rule_unit', 'rule_count'])
    .where('id', '=', catalogueEntryId)
    .executeTakeFirst()
  if (!entry) return STATUTORY_RULE
  if (entry.rule_unit && entry.rule_count) return { unit: entry.rule_unit, count: entry.rule_count }
  return entry.time_limit.trim() === '' ? STATUTORY_RULE : parseTimeLimit(entry.time_limit)
}

/**
 * The due date of an item, or null without 成文日期 or a readable rule. Pass `cal` when computing
 * many; otherwise the stored calendar is loaded (cached per store).
 */
export async function computeDueDate(
  db: Kysely<DB>,
  item: { catalogueEntryId: string | null; signedDate: string | null },
  cal?: WorkCalendar,
): Promise<string | null> {
  if (!item.signedDate) return null
  const rule = await ruleForEntry(db, item.catalogueEntryId)
  return rule ? dueDateFor(cal ?? (await loadWorkCalendar(db)), rule, item.signedDate) : null
}

/** Late: past due and not published, or published after the due date. `today` is YYYY-MM-DD. */
export function isLate(
  dueDate: string | null,
  publishedDate: string | null,
  today: string,
): boolean {
  if (!dueDate) return false
  return publishedDate ? publishedDate > dueDate : today > dueDate
}

/**
 * Listener of 'calendar.changed' (registered in core/events/listeners.ts): recomputes the stored due
 * dates of items whose count may pass through a changed year (成文日期 from the year before on) and
 * reports those that moved, 「from → to」.
 */
export async function recomputeItemDueDates(payload: {
  db: Kysely<DB>
  calendar: WorkCalendar
  previous: WorkCalendar
  years: number[]
}): Promise<MovedDeadline[]> {
  const { db, calendar, previous } = payload
  if (payload.years.length === 0) return []
  const since = `${Math.min(...payload.years) - 1}-01-01`
  const items = await db
    .selectFrom('items')
    .select(['id', 'title', 'signed_date', 'catalogue_entry_id', 'due_date'])
    .where('signed_date', 'is not', null)
    .where('signed_date', '>=', since)
    .execute()
  const rules = new Map<string | null, DeadlineRule | null>()
  const moved: MovedDeadline[] = []
  for (const item of items) {
    if (!item.signed_date) continue
    if (!rules.has(item.catalogue_entry_id)) {
      rules.set(item.catalogue_entry_id, await ruleForEntry(db, item.catalogue_entry_id))
    }
    const rule = rules.get(item.catalogue_entry_id) ?? null
    if (!rule) continue
    const due = dueDateFor(calendar, rule, item.signed_date)
    if (due === item.due_date) continue
    await db.updateTable('items').set({ due_date: due }).where('id', '=', item.id).execute()
    moved.push({
      kind: 'item',
      id: item.id,
      label: item.title.trim() === '' ? '（无标题条目）' : item.title,
      from: item.due_date,
      to: due,
      provisionalBefore: dueDateProvisional(previous, rule, item.signed_date),
      provisionalAfter: dueDateProvisional(calendar, rule, item.signed_date),
    })
  }
  return moved
}
