import { sql, type Kysely } from 'kysely'
import { addWorkingDays, isIsoDate, type WorkCalendar } from '../../core/deadlines'
import { districtWorkCalendar } from '../calendar/calendar-service'
import type { ItemStatus, ServerDB } from '../db/schema'
import { isPostgres } from '../db/dialect'

/** When an item counts as late (see docs/sync-protocol.md §5, 「逾期条目」). */
export interface LateRule {
  /**
   * 时限 of an item that carries no 拟发布日期: this many WORKING days (the district's holiday
   * calendar) from its 成文日期, or from the day of its approval when it has none.
   */
  unpublishedDays: number
  /** A returned item not re-sent this many working days after the return is late. */
  returnedDays: number
}

/**
 * Defaults. 20 working days is the limit of 《政府信息公开条例》第二十六条 (「自该政府信息形成或者变更之日起
 * 20个工作日内」), counted as the desk counts an item's due date (src/core/items/due-date.ts: from
 * 成文日期, the day itself not counted); 5 working days give a department a working week to fix a
 * returned item.
 */
export const DEFAULT_LATE_RULE: LateRule = { unpublishedDays: 20, returnedDays: 5 }

/** What an item's 时限 was counted from. */
export type DueBasis = 'planned' | 'signed' | 'approved' | 'returned'

/**
 * The day an item is due by on the district (`YYYY-MM-DD`, Beijing): a received item by its own
 * 拟发布日期 when the desk sent one, else `rule.unpublishedDays` working days from its 成文日期
 * (条例第二十六条), else from the (Beijing) day of its approval; a returned item `rule.returnedDays`
 * working days after the return. Counted in the one working-day module (src/core/deadlines).
 */
export function itemDueDate(
  cal: WorkCalendar,
  rule: LateRule,
  item: {
    status: ItemStatus
    approvedAt: string
    statusAt: string
    signedDate: string | null
    plannedPublishDate: string | null
  },
): { dueDate: string; basis: DueBasis } | null {
  if (item.status === 'returned') {
    return {
      dueDate: addWorkingDays(cal, beijingDay(new Date(item.statusAt)), rule.returnedDays).date,
      basis: 'returned',
    }
  }
  if (item.status !== 'received') return null
  if (item.plannedPublishDate && isIsoDate(item.plannedPublishDate)) {
    return { dueDate: item.plannedPublishDate, basis: 'planned' }
  }
  const signed = item.signedDate && isIsoDate(item.signedDate) ? item.signedDate : null
  return {
    dueDate: addWorkingDays(
      cal,
      signed ?? beijingDay(new Date(item.approvedAt)),
      rule.unpublishedDays,
    ).date,
    basis: signed ? 'signed' : 'approved',
  }
}

/** The Beijing calendar day of `now` (the district works in China time). */
export function beijingDay(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
}

/** One department's line on the district page. */
export interface DepartmentOverview {
  code: string
  name: string
  total: number
  byStatus: Record<ItemStatus, number>
  lastPushAt: string | null
  /** When the department's desk last declared a restore of its audit chain (「已从备份恢复」). */
  rebasedAt: string | null
}

/** One late item on the district page. */
export interface LateItem {
  departmentCode: string
  id: string
  title: string
  status: ItemStatus
  approvedAt: string
  statusAt: string
  reason: string | null
  why: 'unpublished' | 'returned'
  /** The day it was due by (Beijing) and what that was counted from. */
  dueDate: string
  basis: DueBasis
}

export interface Overview {
  departments: DepartmentOverview[]
  late: LateItem[]
}

/** Everything the district page shows, computed at `now` under `rule`. */
export async function getOverview(
  db: Kysely<ServerDB>,
  now: Date,
  rule: LateRule = DEFAULT_LATE_RULE,
  lateLimit = 200,
  calendar?: WorkCalendar,
): Promise<Overview> {
  const departments = await db
    .selectFrom('departments')
    .select(['id', 'code', 'name'])
    .orderBy('code')
    .execute()
  const counts = await db
    .selectFrom('items')
    .select((eb) => [
      'department_id',
      'status',
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.max('last_received_at').as('last'),
    ])
    .groupBy(['department_id', 'status'])
    .execute()

  const byDepartment = new Map<string, DepartmentOverview>()
  for (const d of departments) {
    byDepartment.set(d.id, {
      code: d.code,
      name: d.name,
      total: 0,
      byStatus: { received: 0, published: 0, returned: 0, withdrawn: 0 },
      lastPushAt: null,
      rebasedAt: null,
    })
  }
  const rebases = await db
    .selectFrom('audit_anchor_epochs')
    .select((eb) => ['department_id', eb.fn.max('rebased_at').as('at')])
    .groupBy('department_id')
    .execute()
  for (const r of rebases) {
    const entry = byDepartment.get(r.department_id)
    if (entry) entry.rebasedAt = r.at
  }
  for (const c of counts) {
    const entry = byDepartment.get(c.department_id)
    if (!entry) continue
    const n = Number(c.n) // pg returns count(*) as a string
    entry.total += n
    entry.byStatus[c.status] += n
    if (c.last && (!entry.lastPushAt || c.last > entry.lastPushAt)) entry.lastPushAt = c.last
  }

  // Every received or returned item is a candidate: its 时限 depends on its own dates and on the
  // working days between, so the rule is applied here, not in SQL. Only the two dates are read
  // out of the stored item (not the whole body).
  const field = (name: 'signedDate' | 'plannedPublishDate') =>
    isPostgres(db)
      ? sql<string | null>`(items.item_json::jsonb ->> ${name})`
      : sql<string | null>`json_extract(items.item_json, ${'$.' + name})`
  const candidates = await db
    .selectFrom('items')
    .innerJoin('departments', 'departments.id', 'items.department_id')
    .select([
      'departments.code as departmentCode',
      'items.id',
      'items.title',
      'items.status',
      'items.approved_at as approvedAt',
      'items.status_at as statusAt',
      'items.status_reason as reason',
      field('signedDate').as('signedDate'),
      field('plannedPublishDate').as('plannedPublishDate'),
    ])
    .where('items.status', 'in', ['received', 'returned'])
    .orderBy('items.approved_at')
    .orderBy('items.id')
    .execute()
  const cal = calendar ?? (await districtWorkCalendar(db))
  const today = beijingDay(now)
  const late: LateItem[] = []
  for (const c of candidates) {
    const due = itemDueDate(cal, rule, c)
    if (!due || due.dueDate >= today) continue
    late.push({
      departmentCode: c.departmentCode,
      id: c.id,
      title: c.title,
      status: c.status,
      approvedAt: c.approvedAt,
      statusAt: c.statusAt,
      reason: c.reason,
      why: c.status === 'returned' ? 'returned' : 'unpublished',
      dueDate: due.dueDate,
      basis: due.basis,
    })
    if (late.length >= lateLimit) break
  }

  return {
    departments: [...byDepartment.values()],
    late,
  }
}
