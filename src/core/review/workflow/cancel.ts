import type { Kysely } from 'kysely'
import { appendAudit } from '../../audit/append'
import type { Clock } from '../../clock'
import type { DB } from '../../db/schema'
import { auditActor } from '../../accounts/actor'
import type { EventPayload } from '../../events/bus'

/**
 * Listener of 'item.changed' (registered in core/events/listeners.ts): when an existing item's
 * content changed, its open review is void — in the same transaction as the edit.
 */
export async function cancelReviewsOnContentChange(e: EventPayload<'item.changed'>): Promise<void> {
  if (e.change !== 'content' || !e.contentChanged || e.before === null || e.actor === null) return
  await cancelOpenReviews(e.db, e.itemId, e.actor, e.clock)
}

/**
 * Cancels the item's open review because its content changed (from the 'item.changed' listener
 * above, in the same transaction as the edit). The approval bound the exact content, so a
 * changed item must be submitted again and the chain starts over. Returns how many were cancelled.
 */
export async function cancelOpenReviews(
  trx: Kysely<DB>,
  itemId: string,
  actor: { id: string; displayName: string },
  clock: Clock,
): Promise<number> {
  const open = await trx
    .selectFrom('reviews')
    .select(['id', 'round', 'current_step'])
    .where('item_id', '=', itemId)
    .where('state', '=', 'open')
    .execute()
  const at = clock().toISOString()
  for (const r of open) {
    await trx
      .updateTable('reviews')
      .set({ state: 'cancelled', closed_at: at, referred: 0 })
      .where('id', '=', r.id)
      .execute()
    await appendAudit(
      trx,
      {
        actor: auditActor(actor),
        action: 'review.cancelled',
        target: `item:${itemId}`,
        detail: { round: r.round, step: r.current_step, reason: 'content_changed' },
      },
      clock,
    )
  }
  return open.length
}
