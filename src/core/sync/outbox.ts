import type { Kysely } from 'kysely'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import type { OutboxOp } from '../db/tables/sync'

export interface OutboxEntry {
  entity: 'item'
  entityId: string
  op: OutboxOp
  /** The approved revision (for `withdraw`, the revision being withdrawn). */
  revision: number
  /** `sha256:<hex>` of the approved content: what the approval bound. */
  contentHash: string
  /**
   * Upserts: optionally `{ approvedAt, approvedBy }` (ISO time with zone, the approver's name) —
   * without them sync uses the time the entry was queued and the actor of the `review.approved`
   * audit entry. Withdrawals: `{ reason }`.
   */
  detail?: Record<string, unknown>
}

/**
 * Queues `entry` for the sync worker. Call it with the transaction that commits the decision
 * (approval, withdrawal), so the queue and the decision are written together or not at all.
 * Queuing the same entity/op/revision twice is a no-op; an older pending upsert of the same item is
 * marked superseded, since the server only needs the latest approved revision.
 */
export async function enqueueSync(db: Kysely<DB>, entry: OutboxEntry, clock: Clock): Promise<void> {
  const now = clock().toISOString()
  if (entry.op === 'upsert') {
    await db
      .updateTable('sync_outbox')
      .set({ state: 'superseded' })
      .where('entity', '=', entry.entity)
      .where('entity_id', '=', entry.entityId)
      .where('op', '=', 'upsert')
      .where('state', '=', 'pending')
      .where('revision', '<', entry.revision)
      .execute()
  }
  await db
    .insertInto('sync_outbox')
    .values({
      entity: entry.entity,
      entity_id: entry.entityId,
      op: entry.op,
      revision: entry.revision,
      content_hash: entry.contentHash,
      detail_json: entry.detail ? JSON.stringify(entry.detail) : null,
      next_attempt_at: now,
      last_error: null,
      created_at: now,
      sent_at: null,
    })
    .onConflict((oc) => oc.columns(['entity', 'entity_id', 'op', 'revision']).doNothing())
    .execute()
}
