import type { Kysely } from 'kysely'
import type { DeadlineRule } from '../../shared/catalogue'
import { parseTimeLimit, STATUTORY_RULE } from '../catalogue/time-limit'
import type { DB } from '../db/schema'
import { addCalendarDays, addWorkdays } from '../workdays'

/** The due date for `rule` counted from 成文日期 (the day the information was formed). */
export function dueDateFor(rule: DeadlineRule, signedDate: string): string {
  return rule.unit === 'workday'
    ? addWorkdays(signedDate, rule.count)
    : addCalendarDays(signedDate, rule.count)
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

/** The due date of an item, or null without 成文日期 or a readable rule. */
export async function computeDueDate(
  db: Kysely<DB>,
  item: { catalogueEntryId: string | null; signedDate: string | null },
): Promise<string | null> {
  if (!item.signedDate) return null
  const rule = await ruleForEntry(db, item.catalogueEntryId)
  return rule ? dueDateFor(rule, item.signedDate) : null
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
