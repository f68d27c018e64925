import type { Kysely } from 'kysely'
import type { ItemStatus } from '../../shared/items/types'
import type { Actor } from '../accounts/actor'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import type { EventBus } from '../events/bus'

/** The item's status now, read in the caller's transaction (null: no such item). */
export async function itemStatusOf(db: Kysely<DB>, itemId: string): Promise<ItemStatus | null> {
  const row = await db
    .selectFrom('items')
    .select('status')
    .where('id', '=', itemId)
    .executeTakeFirst()
  return row?.status ?? null
}

/**
 * Emits 'item.changed' (change 'status') after a transition that wrote the item's status (submit,
 * a decision, a withdrawal, a district event), in the transition's transaction: `before` is the
 * status the transition started from, `after` and the revision are read now. With `onlyIfMoved`
 * nothing is emitted when the status stayed (e.g. an approval at a middle step).
 */
export async function emitStatusChange(
  events: EventBus,
  db: Kysely<DB>,
  change: {
    itemId: string
    before: ItemStatus | null
    actor: Actor | null
    clock: Clock
    onlyIfMoved?: boolean
  },
): Promise<void> {
  const row = await db
    .selectFrom('items')
    .select(['status', 'revision'])
    .where('id', '=', change.itemId)
    .executeTakeFirst()
  if (!row) return
  if (change.onlyIfMoved && row.status === change.before) return
  await events.emit('item.changed', {
    db,
    itemId: change.itemId,
    change: 'status',
    before: change.before,
    after: row.status,
    revision: row.revision,
    contentChanged: false,
    actor: change.actor,
    clock: change.clock,
  })
}
