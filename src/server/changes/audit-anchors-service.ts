import type { Kysely } from 'kysely'
import type { AuditAnchor, AuditAnchorBody } from '../../shared/sync-wire'
import type { ServerDB } from '../db/schema'
import { lockDepartmentForWrite } from '../departments/departments-repo'
import { ApiError } from '../errors'

/** What `PUT /audit-anchors` did. */
export interface AnchorOutcome {
  status: 200 | 201
  anchor: AuditAnchor
}

const toAnchor = (row: { seq: number; hash: string; received_at: string }): AuditAnchor => ({
  seq: Number(row.seq),
  hash: row.hash,
  receivedAt: row.received_at,
})

/**
 * Keeps one audit-chain head of `departmentId`'s desk (issue 8 point 9). The same seq and hash
 * again → 200 with the first receipt; a new seq above every earlier one → 201. A different hash
 * for a seq already anchored, or a seq below the highest anchor (the chain got shorter), →
 * 409 ANCHOR_CONFLICT: the desk's chain no longer matches what was acknowledged. The first anchor
 * is never replaced.
 */
export async function putAnchor(
  db: Kysely<ServerDB>,
  departmentId: string,
  body: AuditAnchorBody,
  now: string,
): Promise<AnchorOutcome> {
  return db.transaction().execute(async (trx) => {
    await lockDepartmentForWrite(trx, departmentId)
    const same = await trx
      .selectFrom('audit_anchors')
      .select(['seq', 'hash', 'received_at'])
      .where('department_id', '=', departmentId)
      .where('seq', '=', body.seq)
      .executeTakeFirst()
    if (same) {
      if (same.hash === body.hash) return { status: 200, anchor: toAnchor(same) }
      throw new ApiError(
        'ANCHOR_CONFLICT',
        `第 ${body.seq} 条审计记录已于 ${same.received_at} 确认为另一哈希：本部门的审计链可能被改写，请区级管理员与部门核查。`,
        { seq: body.seq, anchoredAt: same.received_at },
      )
    }
    const top = await trx
      .selectFrom('audit_anchors')
      .select(['seq', 'received_at'])
      .where('department_id', '=', departmentId)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst()
    if (top && Number(top.seq) > body.seq) {
      throw new ApiError(
        'ANCHOR_CONFLICT',
        `审计链变短了：区级已于 ${top.received_at} 确认到第 ${Number(top.seq)} 条，本次只报到第 ${body.seq} 条；审计记录可能被删除，请区级管理员与部门核查。`,
        { seq: body.seq, highestSeq: Number(top.seq) },
      )
    }
    const row = { department_id: departmentId, seq: body.seq, hash: body.hash, received_at: now }
    await trx.insertInto('audit_anchors').values(row).execute()
    return { status: 201, anchor: toAnchor(row) }
  })
}

/** The department's anchors after `after`, in seq order; `hasMore` when the page is full. */
export async function listAnchors(
  db: Kysely<ServerDB>,
  departmentId: string,
  after = 0,
  limit = 1000,
): Promise<{ anchors: AuditAnchor[]; hasMore: boolean }> {
  const rows = await db
    .selectFrom('audit_anchors')
    .select(['seq', 'hash', 'received_at'])
    .where('department_id', '=', departmentId)
    .where('seq', '>', after)
    .orderBy('seq')
    .limit(limit + 1)
    .execute()
  return { anchors: rows.slice(0, limit).map(toAnchor), hasMore: rows.length > limit }
}
