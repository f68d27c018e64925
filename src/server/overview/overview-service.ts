import type { Kysely } from 'kysely'
import type { ItemStatus, ServerDB } from '../db/schema'

/** When an item counts as late (see docs/sync-protocol.md, 「逾期」). */
export interface LateRule {
  /** A received item not published this many days after its approval is late. */
  unpublishedDays: number
  /** A returned item not re-sent this many days after the return is late. */
  returnedDays: number
}

/**
 * Defaults. 20 days follows the 20-working-day disclosure limit of 《政府信息公开条例》第二十六条,
 * counted in calendar days so the page warns early rather than late (there is no working-day
 * calendar on the server yet); 5 days gives a department a working week to fix a returned item.
 */
export const DEFAULT_LATE_RULE: LateRule = { unpublishedDays: 20, returnedDays: 5 }

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
}

export interface Overview {
  departments: DepartmentOverview[]
  late: LateItem[]
}

const DAY_MS = 86_400_000

/** Everything the district page shows, computed at `now` under `rule`. */
export async function getOverview(
  db: Kysely<ServerDB>,
  now: Date,
  rule: LateRule = DEFAULT_LATE_RULE,
  lateLimit = 200,
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

  const unpublishedBefore = new Date(now.getTime() - rule.unpublishedDays * DAY_MS).toISOString()
  const returnedBefore = new Date(now.getTime() - rule.returnedDays * DAY_MS).toISOString()
  const late = await db
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
    ])
    .where((eb) =>
      eb.or([
        eb.and([
          eb('items.status', '=', 'received'),
          eb('items.approved_at', '<', unpublishedBefore),
        ]),
        eb.and([eb('items.status', '=', 'returned'), eb('items.status_at', '<', returnedBefore)]),
      ]),
    )
    .orderBy('items.approved_at')
    .limit(lateLimit)
    .execute()

  return {
    departments: [...byDepartment.values()],
    late: late.map((r) => ({ ...r, why: r.status === 'returned' ? 'returned' : 'unpublished' })),
  }
}
