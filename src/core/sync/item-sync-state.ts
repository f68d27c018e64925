import { sql, type Kysely } from 'kysely'
import type { ItemSyncState } from '../../shared/sync/types'
import type { DB } from '../db/schema'
import type { OutboxOp, OutboxState, ServerItemStatus } from '../db/tables/sync'

interface LatestEntry {
  entity_id: string
  op: OutboxOp
  state: OutboxState
  revision: number
}

const FROM_SERVER: Record<ServerItemStatus, ItemSyncState> = {
  received: 'delivered',
  published: 'published',
  returned: 'returned',
  withdrawn: 'withdrawn',
}

/**
 * The sync badge of one item from its latest (not superseded) outbox entry and the district's last
 * word: pending → 待同步, conflict → 冲突, failed → 失败; a sent upsert is 已送达 until the district
 * reports that revision published (已同步) or returned; a sent withdrawal is 已撤回.
 */
export function syncStateOf(
  entry: Pick<LatestEntry, 'op' | 'state' | 'revision'> | undefined,
  server: { server_status: ServerItemStatus; server_revision: number } | undefined,
): ItemSyncState | null {
  if (!entry) return server ? FROM_SERVER[server.server_status] : null
  if (entry.state === 'pending') return 'pending'
  if (entry.state === 'conflict') return 'conflict'
  if (entry.state === 'failed') return 'failed'
  if (entry.op === 'withdraw') return 'withdrawn'
  if (server && server.server_revision >= entry.revision) return FROM_SERVER[server.server_status]
  return 'delivered'
}

/** Each item's latest outbox entry that was not superseded. */
export async function latestEntries(
  db: Kysely<DB>,
  itemIds: readonly string[] | null,
): Promise<Map<string, LatestEntry>> {
  if (itemIds !== null && itemIds.length === 0) return new Map()
  const filter =
    itemIds === null ? sql`1` : sql`o.entity_id IN (${sql.join(itemIds.map((id) => sql`${id}`))})`
  const rows = await sql<LatestEntry>`
    SELECT o.entity_id, o.op, o.state, o.revision FROM sync_outbox o
    WHERE ${filter} AND o.entity = 'item' AND o.state <> 'superseded'
      AND o.seq = (SELECT max(o2.seq) FROM sync_outbox o2
                   WHERE o2.entity = 'item' AND o2.entity_id = o.entity_id AND o2.state <> 'superseded')
  `.execute(db)
  return new Map(rows.rows.map((r) => [r.entity_id, r]))
}

/** The sync badge of each given item (absent: never queued for sync). */
export async function itemSyncStates(
  db: Kysely<DB>,
  itemIds: readonly string[],
): Promise<Map<string, ItemSyncState>> {
  if (itemIds.length === 0) return new Map()
  const entries = await latestEntries(db, itemIds)
  const servers = await db
    .selectFrom('sync_items')
    .select(['item_id', 'server_status', 'server_revision'])
    .where('item_id', 'in', itemIds)
    .execute()
  const byItem = new Map(servers.map((s) => [s.item_id, s]))
  const states = new Map<string, ItemSyncState>()
  for (const id of itemIds) {
    const state = syncStateOf(entries.get(id), byItem.get(id))
    if (state) states.set(id, state)
  }
  return states
}
