import type { Kysely } from 'kysely'
import { ITEM_STATUS_LABELS } from '../../shared/items/labels'
import type { Actor } from '../accounts/actor'
import { appendAudit } from '../audit/append'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import type { EventBus } from '../events/bus'
import { AppError } from '../errors'
import { emitStatusChange } from '../items/item-events'
import { loadItemRow } from '../items/items-repo'
import { liveRevisionOf } from '../items/working-revision'
import { enqueueSync } from './outbox'
import { auditActor } from '../accounts/actor'

/**
 * Who may withdraw (撤回) an approved or published item: officers (起草人), whose department
 * publishes it, and administrators. Reviewers and leaders decide through review instead.
 */
export function requireSyncOperator(actor: Actor): void {
  if (!actor.roles.includes('officer') && !actor.roles.includes('admin')) {
    throw new AppError('FORBIDDEN', '只有起草人或管理员可以撤回条目')
  }
}

/**
 * 撤回: 已通过/已同步 → 已撤回, in one transaction with the outbox entry for the district. Upserts
 * of the item that never left this machine (no attempt yet) are superseded instead — the district
 * never sees content withdrawn before it was sent; if nothing was ever attempted there is nothing
 * to withdraw remotely and no entry is queued. Otherwise the withdrawal is queued after any upsert
 * still pending, so the district always ends up with the item withdrawn.
 */
export async function withdrawItem(
  db: Kysely<DB>,
  actor: Actor,
  input: { id: string; reason: string },
  clock: Clock,
  events: EventBus,
): Promise<{ queued: boolean }> {
  requireSyncOperator(actor)
  return db.transaction().execute(async (trx) => {
    const row = await loadItemRow(trx, input.id)
    // 修订稿: what is withdrawn is the approved revision in force; the working revision stays.
    const live = liveRevisionOf(row)
    if (live === null && row.status !== 'approved' && row.status !== 'synced') {
      throw new AppError(
        'CONFLICT',
        `只有「已通过」或「已同步」的条目可以撤回，该条目当前为「${ITEM_STATUS_LABELS[row.status]}」，请刷新后重试`,
      )
    }
    const at = clock().toISOString()
    await trx
      .updateTable('items')
      .set(
        live === null
          ? { status: 'withdrawn', updated_by: actor.id, updated_at: at }
          : { live_revision: null, live_status: null, live_content_hash: null, updated_at: at },
      )
      .where('id', '=', row.id)
      .execute()
    await emitStatusChange(events, trx, { itemId: row.id, before: row.status, actor, clock })
    await trx
      .updateTable('sync_outbox')
      .set({ state: 'superseded' })
      .where('entity', '=', 'item')
      .where('entity_id', '=', row.id)
      .where('op', '=', 'upsert')
      .where('state', '=', 'pending')
      .where('attempts', '=', 0)
      .execute()
    const attempted = await trx
      .selectFrom('sync_outbox')
      .select('seq')
      .where('entity', '=', 'item')
      .where('entity_id', '=', row.id)
      .where('op', '=', 'upsert')
      .where('attempts', '>', 0)
      .executeTakeFirst()
    if (attempted) {
      await enqueueSync(
        trx,
        {
          entity: 'item',
          entityId: row.id,
          op: 'withdraw',
          revision: live?.revision ?? row.revision,
          contentHash:
            live !== null
              ? (row.live_content_hash ?? row.content_hash)
              : (row.approved_content_hash ?? row.content_hash),
          detail: { reason: input.reason },
        },
        clock,
      )
    }
    await appendAudit(
      trx,
      {
        actor: auditActor(actor),
        action: 'item.withdraw',
        target: `item:${row.id}`,
        detail: {
          reason: input.reason,
          revision: live?.revision ?? row.revision,
          from: live?.status ?? row.status,
          to: 'withdrawn',
          queued: Boolean(attempted),
        },
      },
      clock,
    )
    return { queued: Boolean(attempted) }
  })
}

/** Puts a failed entry back in the queue (e.g. after the district fixed its side). */
export async function retryEntry(
  db: Kysely<DB>,
  actor: Actor,
  seq: number,
  clock: Clock,
): Promise<void> {
  requireSyncOperator(actor)
  const at = clock().toISOString()
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('sync_outbox')
      .selectAll()
      .where('seq', '=', seq)
      .executeTakeFirst()
    if (!row || row.state !== 'failed') {
      throw new AppError('CONFLICT', '只有「失败」的同步记录可以重试，请刷新后再试')
    }
    await trx
      .updateTable('sync_outbox')
      .set({ state: 'pending', next_attempt_at: at, last_error: null })
      .where('seq', '=', seq)
      .execute()
    await appendAudit(
      trx,
      {
        actor: auditActor(actor),
        action: 'sync.retry',
        target: `item:${row.entity_id}`,
        detail: { revision: row.revision, op: row.op },
      },
      clock,
    )
  })
}
