import type { Kysely } from 'kysely'
import type {
  AuditAnchor,
  AuditAnchorBody,
  AuditAnchorEpoch,
  AuditAnchorRebase,
} from '../../shared/sync/wire'
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
 * is never replaced. A declared restore (`body.rebase`) goes through `rebase` instead.
 */
export async function putAnchor(
  db: Kysely<ServerDB>,
  departmentId: string,
  body: AuditAnchorBody,
  now: string,
): Promise<AnchorOutcome> {
  return db.transaction().execute(async (trx) => {
    await lockDepartmentForWrite(trx, departmentId)
    if (body.rebase) {
      const latest = await latestEpoch(trx, departmentId)
      const again =
        latest !== undefined &&
        Number(latest.restore_seq) === body.rebase.restore.seq &&
        latest.restore_hash === body.rebase.restore.hash
      // The same restore declared again (the first answer was lost): an ordinary anchor now.
      if (!again) return rebase(trx, departmentId, body, body.rebase, latest?.epoch ?? 0, now)
    }
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

type Trx = Kysely<ServerDB>

const latestEpoch = (trx: Trx, departmentId: string) =>
  trx
    .selectFrom('audit_anchor_epochs')
    .select(['epoch', 'restore_seq', 'restore_hash'])
    .where('department_id', '=', departmentId)
    .orderBy('epoch', 'desc')
    .limit(1)
    .executeTakeFirst()

/**
 * A restore declared by the desk (`rebase`). The restored chain shares the replaced one up to the
 * backup, then carries the replaced entries as one sealed entry and records the restore. The
 * district accepts it only when the replaced chain is accounted for up to what it acknowledged:
 * every anchor at or after the first carried seq — the latest one included — must be among the
 * carried (seq, hash) pairs; anchors before it lie in the shared part and must precede the
 * restore entry. Then the anchors the carried pairs account for move to
 * `audit_anchors_superseded` (kept), a new epoch is recorded (「已从备份恢复」 in the overview and
 * list-anchors), and the restore entry and the head become anchors. Anything else is
 * 409 ANCHOR_CONFLICT, as for an undeclared rewind. The rebase is a declaration, not a proof: its
 * point is that a rewound chain is never accepted silently.
 */
async function rebase(
  trx: Trx,
  departmentId: string,
  body: AuditAnchorBody,
  r: AuditAnchorRebase,
  previousEpoch: number,
  now: string,
): Promise<AnchorOutcome> {
  const refuse = (message: string, details: Record<string, unknown>): never => {
    throw new ApiError('ANCHOR_CONFLICT', message, details)
  }
  if (r.restore.seq > body.seq || (r.restore.seq === body.seq && r.restore.hash !== body.hash)) {
    refuse(`恢复声明不成立：恢复记录（第 ${r.restore.seq} 条）不在本次报送的审计链末端之前。`, {
      seq: body.seq,
      restoreSeq: r.restore.seq,
    })
  }
  const pairs = new Set(r.carried.map(([seq, hash]) => `${seq}:${hash}`))
  const firstCarried = r.carried.reduce((min, [seq]) => Math.min(min, seq), Infinity)
  const anchors = (
    await trx
      .selectFrom('audit_anchors')
      .select(['seq', 'hash', 'received_at'])
      .where('department_id', '=', departmentId)
      .orderBy('seq', 'desc')
      .execute()
  ).map((a) => ({ ...a, seq: Number(a.seq) }))
  const top = anchors[0]
  for (const a of anchors) {
    if (a.seq >= firstCarried && !pairs.has(`${a.seq}:${a.hash}`)) {
      refuse(
        `恢复声明与区级锚点不符：区级已于 ${a.received_at} 确认第 ${a.seq} 条，恢复前记录中却没有这一条；审计链可能被改写，请区级管理员与部门核查。`,
        { seq: a.seq, anchoredAt: a.received_at },
      )
    }
    if (a.seq < firstCarried && a.seq >= r.restore.seq) {
      refuse(
        `恢复声明不成立：区级已确认到第 ${a.seq} 条，恢复记录（第 ${r.restore.seq} 条）却在它之前，而恢复前记录未包含它。`,
        { seq: a.seq, restoreSeq: r.restore.seq },
      )
    }
  }
  const epoch = previousEpoch + 1
  const superseded = anchors.filter((a) => a.seq >= firstCarried)
  if (superseded.length > 0) {
    await trx
      .insertInto('audit_anchors_superseded')
      .values(
        superseded.map((a) => ({
          department_id: departmentId,
          epoch,
          seq: a.seq,
          hash: a.hash,
          received_at: a.received_at,
        })),
      )
      .execute()
    await trx
      .deleteFrom('audit_anchors')
      .where('department_id', '=', departmentId)
      .where('seq', '>=', firstCarried)
      .execute()
  }
  await trx
    .insertInto('audit_anchor_epochs')
    .values({
      department_id: departmentId,
      epoch,
      rebased_at: now,
      restore_seq: r.restore.seq,
      restore_hash: r.restore.hash,
      replaced_seq: top?.seq ?? null,
      replaced_hash: top?.hash ?? null,
      carried: r.carried.length,
    })
    .execute()
  const restoreRow = {
    department_id: departmentId,
    seq: r.restore.seq,
    hash: r.restore.hash,
    received_at: now,
  }
  const row = { department_id: departmentId, seq: body.seq, hash: body.hash, received_at: now }
  await trx
    .insertInto('audit_anchors')
    .values(r.restore.seq === body.seq ? [row] : [restoreRow, row])
    .execute()
  return { status: 201, anchor: toAnchor(row) }
}

/** The restores the district accepted for `departmentId`, oldest first. */
export async function listEpochs(
  db: Kysely<ServerDB>,
  departmentId: string,
): Promise<AuditAnchorEpoch[]> {
  const rows = await db
    .selectFrom('audit_anchor_epochs')
    .selectAll()
    .where('department_id', '=', departmentId)
    .orderBy('epoch')
    .execute()
  return rows.map((e) => ({
    epoch: Number(e.epoch),
    rebasedAt: e.rebased_at,
    restoreSeq: Number(e.restore_seq),
    restoreHash: e.restore_hash,
    replacedSeq: e.replaced_seq === null ? null : Number(e.replaced_seq),
    carried: Number(e.carried),
  }))
}

/**
 * The department's anchors the current chain must still match, after `after`, in seq order
 * (`hasMore` when the page is full), and the restores recorded. Superseded anchors are not listed.
 */
export async function listAnchors(
  db: Kysely<ServerDB>,
  departmentId: string,
  after = 0,
  limit = 1000,
): Promise<{ anchors: AuditAnchor[]; hasMore: boolean; epochs: AuditAnchorEpoch[] }> {
  const rows = await db
    .selectFrom('audit_anchors')
    .select(['seq', 'hash', 'received_at'])
    .where('department_id', '=', departmentId)
    .where('seq', '>', after)
    .orderBy('seq')
    .limit(limit + 1)
    .execute()
  return {
    anchors: rows.slice(0, limit).map(toAnchor),
    hasMore: rows.length > limit,
    epochs: await listEpochs(db, departmentId),
  }
}
