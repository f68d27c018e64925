import type { Kysely, Transaction } from 'kysely'
import type { ServerDB } from '../db/schema'
import { lockDepartmentForWrite } from '../departments/departments-repo'
import { AdminError } from '../departments/departments-service'
import { districtAudit, type DistrictActor } from '../district/accounts'
import { findItemForUpdate, insertChange, updateItem } from '../items/items-repo'
import { attachmentProgress } from '../uploads/uploads-service'

/** What a district action did; `changed` is false when it repeated the current state. */
export interface DistrictActionOutcome {
  item: string
  status: 'published' | 'returned'
  revision: number
  changed: boolean
  url?: string
  reason?: string
}

/**
 * Only http(s) links are accepted: the URL is shown to departments and on the district page, and
 * a `javascript:` link there would be a stored XSS.
 */
function checkUrl(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new AdminError(`发布链接无效：${url}，请填写以 http:// 或 https:// 开头的完整地址。`)
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new AdminError('发布链接只能以 http:// 或 https:// 开头。')
  }
  return parsed.toString()
}

/** The department owning `itemId`, read before the transaction so the lock can come first. */
async function ownerOf(db: Kysely<ServerDB>, itemId: string): Promise<string> {
  const row = await db
    .selectFrom('items')
    .select('department_id')
    .where('id', '=', itemId)
    .executeTakeFirst()
  if (!row) throw new AdminError(`没有编号为 ${itemId} 的条目，请核对。`)
  return row.department_id
}

/** Who does a district action, and what the audit row adds (e.g. the department's code). */
export interface ActionAudit {
  actor: DistrictActor
  detail?: Record<string, unknown>
}

/**
 * The action's audit row, written inside its transaction: the action and its record commit
 * together or not at all (an action is never done unaudited, nor audited undone).
 */
async function auditAction(
  trx: Transaction<ServerDB>,
  audit: ActionAudit | undefined,
  outcome: DistrictActionOutcome,
  now: string,
): Promise<DistrictActionOutcome> {
  if (!audit) return outcome
  await districtAudit(
    trx,
    {
      actor: audit.actor,
      action: outcome.status === 'published' ? 'item.publish' : 'item.return',
      target: `item:${outcome.item}`,
      detail: {
        ...audit.detail,
        revision: outcome.revision,
        ...(outcome.url ? { url: outcome.url } : {}),
        ...(outcome.reason ? { reason: outcome.reason } : {}),
        changed: outcome.changed,
      },
    },
    now,
  )
  return outcome
}

/** Locks the department, re-reads the item and refuses withdrawn items. */
async function loadForAction(
  trx: Transaction<ServerDB>,
  departmentId: string,
  itemId: string,
  verb: string,
) {
  await lockDepartmentForWrite(trx, departmentId)
  const row = await findItemForUpdate(trx, itemId)
  if (!row) throw new AdminError(`没有编号为 ${itemId} 的条目，请核对。`)
  if (row.status === 'withdrawn') {
    throw new AdminError(`条目已被部门撤回，不能${verb}；请等待部门重新报送。`)
  }
  return row
}

/**
 * Marks the item's latest revision as published at `url` and tells the department (change feed);
 * with `audit`, the district's audit row is written in the same transaction.
 */
export async function publishItem(
  db: Kysely<ServerDB>,
  itemId: string,
  url: string,
  now: string,
  audit?: ActionAudit,
): Promise<DistrictActionOutcome> {
  const href = checkUrl(url)
  const departmentId = await ownerOf(db, itemId)
  return db.transaction().execute(async (trx) => {
    const row = await loadForAction(trx, departmentId, itemId, '发布')
    // Protocol v2: an item whose files have not all arrived is not publishable (附件未到齐).
    const files = (await attachmentProgress(trx, [itemId])).get(itemId)
    if (files && files.missing > 0) {
      throw new AdminError(
        `该条目附件未到齐（已到 ${files.total - files.missing}/${files.total} 个），不能登记发布；` +
          '请等待部门同步附件，或退回并说明原因。',
      )
    }
    const outcome = {
      item: itemId,
      status: 'published' as const,
      revision: row.revision,
      url: href,
    }
    if (row.status === 'published' && row.published_url === href)
      return auditAction(trx, audit, { ...outcome, changed: false }, now)
    await updateItem(trx, itemId, {
      status: 'published',
      published_url: href,
      status_reason: null,
      status_at: now,
    })
    await insertChange(trx, {
      department_id: row.department_id,
      item_id: itemId,
      type: 'published',
      revision: row.revision,
      url: href,
      at: now,
    })
    return auditAction(trx, audit, { ...outcome, changed: true }, now)
  })
}

/**
 * Returns (退回) the item's latest revision to its department with a reason to fix; with `audit`,
 * the district's audit row is written in the same transaction.
 */
export async function returnItem(
  db: Kysely<ServerDB>,
  itemId: string,
  reason: string,
  now: string,
  audit?: ActionAudit,
): Promise<DistrictActionOutcome> {
  const text = reason.trim()
  if (!text || text.length > 1000) throw new AdminError('退回原因不能为空，且不超过 1000 个字符。')
  const departmentId = await ownerOf(db, itemId)
  return db.transaction().execute(async (trx) => {
    const row = await loadForAction(trx, departmentId, itemId, '退回')
    const outcome = {
      item: itemId,
      status: 'returned' as const,
      revision: row.revision,
      reason: text,
    }
    if (row.status === 'returned' && row.status_reason === text)
      return auditAction(trx, audit, { ...outcome, changed: false }, now)
    await updateItem(trx, itemId, { status: 'returned', status_reason: text, status_at: now })
    await insertChange(trx, {
      department_id: row.department_id,
      item_id: itemId,
      type: 'returned',
      revision: row.revision,
      reason: text,
      at: now,
    })
    return auditAction(trx, audit, { ...outcome, changed: true }, now)
  })
}
