import type { Kysely } from 'kysely'
import type {
  SyncEntryView,
  SyncedItemView,
  SyncOverview,
  SyncStatus,
} from '../../shared/sync/types'
import type { DB } from '../db/schema'
import type { SyncOutboxRow } from '../db/tables/sync'
import type { ItemStatus } from '../../shared/items/types'
import { revisionStateText } from '../../shared/items/revision-state'
import { liveRevisionOf } from '../items/working-revision'
import { latestEntries, syncStateOf } from './item-sync-state'

type Row = SyncOutboxRow & {
  title: string | null
  flagged: number | null
  item_status: ItemStatus | null
  item_revision: number | null
  live_revision: number | null
  live_status: 'approved' | 'synced' | null
}

/** 「已通过 第 3 版 · 修订中 第 4 版」 while the item has a 修订稿; null otherwise. */
function revisionStateOf(r: {
  item_status: ItemStatus | null
  item_revision: number | null
  live_revision: number | null
  live_status: 'approved' | 'synced' | null
}): string | null {
  if (r.item_status === null || r.item_revision === null) return null
  const live = liveRevisionOf({
    status: r.item_status,
    live_revision: r.live_revision,
    live_status: r.live_status,
  })
  return live ? revisionStateText(r.item_status, r.item_revision, live) : null
}

function toView(row: Row): SyncEntryView {
  return {
    seq: row.seq,
    itemId: row.entity_id,
    title: row.title ?? '（条目已不存在）',
    op: row.op,
    revision: row.revision,
    state: row.state === 'superseded' ? 'sent' : row.state,
    attempts: row.attempts,
    message: row.last_error,
    nextAttemptAt: row.state === 'pending' ? row.next_attempt_at : null,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    tampered: row.flagged !== null,
    revisionState: revisionStateOf(row),
  }
}

function entriesQuery(db: Kysely<DB>) {
  return db
    .selectFrom('sync_outbox as o')
    .leftJoin('items as i', 'i.id', 'o.entity_id')
    .leftJoin('sync_integrity_flags as f', (join) =>
      join.onRef('f.item_id', '=', 'o.entity_id').onRef('f.revision', '=', 'o.revision'),
    )
    .selectAll('o')
    .select([
      'i.title as title',
      'i.status as item_status',
      'i.revision as item_revision',
      'i.live_revision as live_revision',
      'i.live_status as live_status',
    ])
    .select('f.outbox_seq as flagged')
}

/**
 * Failed and conflicting entries still in force: an item's failure or conflict is resolved once a
 * later entry for it exists (the officer edited and re-approved it, or retried).
 */
async function openProblems(db: Kysely<DB>, state: 'failed' | 'conflict'): Promise<Row[]> {
  const latest = await latestEntries(db, null)
  const seqs: number[] = []
  const rows = await entriesQuery(db)
    .where('o.state', '=', state)
    .orderBy('o.seq', 'desc')
    .execute()
  for (const row of rows) {
    const last = latest.get(row.entity_id)
    if (last && last.state === state && last.revision === row.revision && last.op === row.op) {
      seqs.push(row.seq)
    }
  }
  return rows.filter((r) => seqs.includes(r.seq)).slice(0, 200)
}

/** Counts for the status line: pending entries, open failures and conflicts. */
export async function syncCounts(db: Kysely<DB>): Promise<SyncStatus['counts']> {
  const pending = await db
    .selectFrom('sync_outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('state', '=', 'pending')
    .executeTakeFirst()
  const latest = await latestEntries(db, null)
  let failed = 0
  let conflict = 0
  for (const entry of latest.values()) {
    if (entry.state === 'failed') failed++
    if (entry.state === 'conflict') conflict++
  }
  const flags = await db
    .selectFrom('sync_integrity_flags')
    .select(['item_id', 'revision'])
    .execute()
  // A flag counts while the flagged revision is still the item's latest failed entry.
  const tampered = flags.filter((f) => {
    const last = latest.get(f.item_id)
    return last?.state === 'failed' && last.revision === f.revision
  }).length
  return { pending: Number(pending?.n ?? 0), failed, conflict, tampered }
}

/** The 同步 page: what waits, what failed and why, conflicts, and what the district has. */
export async function syncOverview(db: Kysely<DB>, status: SyncStatus): Promise<SyncOverview> {
  const pending = await entriesQuery(db)
    .where('o.state', '=', 'pending')
    .orderBy('o.seq')
    .limit(200)
    .execute()
  const servers = await db
    .selectFrom('sync_items as s')
    .innerJoin('items as i', 'i.id', 's.item_id')
    .select([
      's.item_id',
      's.server_status',
      's.server_revision',
      's.published_url',
      's.published_at',
      's.returned_reason',
      's.status_at',
      'i.title',
      'i.published_date',
      'i.status as item_status',
      'i.revision as item_revision',
      'i.live_revision',
      'i.live_status',
    ])
    .orderBy('s.updated_at', 'desc')
    .limit(50)
    .execute()
  const latest = await latestEntries(
    db,
    servers.map((s) => s.item_id),
  )
  const recent: SyncedItemView[] = servers.map((s) => ({
    itemId: s.item_id,
    title: s.title,
    state: syncStateOf(latest.get(s.item_id), s) ?? 'delivered',
    revision: s.server_revision,
    publishedUrl: s.published_url,
    publishedDate: s.published_date,
    returnedReason: s.server_status === 'returned' ? s.returned_reason : null,
    at: s.status_at,
    revisionState: revisionStateOf(s),
  }))
  return {
    status,
    pending: pending.map(toView),
    failed: (await openProblems(db, 'failed')).map(toView),
    conflicts: (await openProblems(db, 'conflict')).map(toView),
    recent,
  }
}
