import { sql, type Kysely } from 'kysely'
import type { DB } from '../db/schema'
import type { ServerItemStatus, SyncOutboxRow } from '../db/tables/sync'

/**
 * The worker's side of the outbox (outbox.ts is the writers' side): picking what to send next,
 * claiming it, and recording each entry's outcome. Every state change is `WHERE state = 'pending'`,
 * so an entry superseded while its request was in flight stays superseded.
 */

/** Upserts go to the server in batches (POST /items/batch); a withdrawal goes alone. */
export type SendStep =
  { op: 'upsert'; rows: SyncOutboxRow[] } | { op: 'withdraw'; row: SyncOutboxRow }

/**
 * The next thing to send: the oldest due pending entries, in queue order per item — an item whose
 * earlier entry is not due yet (backing off) is skipped entirely, so its withdrawal never overtakes
 * its upsert. Entries in `skip` (already handled in this run) are left out. `force` treats every
 * pending entry as due (立即同步).
 */
export async function nextStep(
  db: Kysely<DB>,
  options: { now: string; force: boolean; limit: number; skip: ReadonlySet<number> },
): Promise<SendStep | null> {
  const rows = await db
    .selectFrom('sync_outbox')
    .selectAll()
    .where('state', '=', 'pending')
    .orderBy('seq')
    .limit(5000)
    .execute()
  const blocked = new Set<string>()
  const upserts: SyncOutboxRow[] = []
  for (const row of rows) {
    if (blocked.has(row.entity_id)) continue
    blocked.add(row.entity_id)
    if (options.skip.has(row.seq)) continue
    const due = options.force || row.next_attempt_at === null || row.next_attempt_at <= options.now
    if (!due) continue
    if (row.op === 'withdraw') {
      if (upserts.length === 0) return { op: 'withdraw', row }
      break
    }
    upserts.push(row)
    if (upserts.length >= options.limit) break
  }
  return upserts.length > 0 ? { op: 'upsert', rows: upserts } : null
}

/** How many pending entries are due now (the progress bar's total). */
export async function countDue(db: Kysely<DB>, now: string, force: boolean): Promise<number> {
  let query = db
    .selectFrom('sync_outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('state', '=', 'pending')
  if (!force) {
    query = query.where((eb) =>
      eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]),
    )
  }
  const row = await query.executeTakeFirst()
  return Number(row?.n ?? 0)
}

/**
 * Counts a try on each entry before its request leaves (so `attempts > 0` means "may have reached
 * the server") and returns those still pending — an entry superseded meanwhile is not sent.
 */
export async function claim(db: Kysely<DB>, seqs: number[]): Promise<SyncOutboxRow[]> {
  if (seqs.length === 0) return []
  const rows = await db
    .updateTable('sync_outbox')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('seq', 'in', seqs)
    .where('state', '=', 'pending')
    .returningAll()
    .execute()
  return rows.sort((a, b) => a.seq - b.seq)
}

/** The server accepted the entry (`note`: e.g. "nothing to withdraw"). */
export async function markSent(
  db: Kysely<DB>,
  seq: number,
  at: string,
  note: string | null = null,
): Promise<void> {
  await db
    .updateTable('sync_outbox')
    .set({ state: 'sent', sent_at: at, last_error: note, next_attempt_at: null })
    .where('seq', '=', seq)
    .where('state', '=', 'pending')
    .execute()
}

/** Conflict (409) or failure (400, 404, unusable payload): kept for the officer with the reason. */
export async function markFinal(
  db: Kysely<DB>,
  seq: number,
  state: 'conflict' | 'failed',
  message: string,
): Promise<boolean> {
  const result = await db
    .updateTable('sync_outbox')
    .set({ state, last_error: message, next_attempt_at: null })
    .where('seq', '=', seq)
    .where('state', '=', 'pending')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** A transient failure: the entry stays pending and is tried again at `nextAt`. */
export async function defer(
  db: Kysely<DB>,
  seq: number,
  nextAt: string,
  message: string,
): Promise<void> {
  await db
    .updateTable('sync_outbox')
    .set({ next_attempt_at: nextAt, last_error: message })
    .where('seq', '=', seq)
    .where('state', '=', 'pending')
    .execute()
}

/** The earliest time a pending entry wants to be tried, or null when nothing is pending. */
export async function nextDueAt(db: Kysely<DB>): Promise<string | null | undefined> {
  const row = await db
    .selectFrom('sync_outbox')
    .select((eb) => [
      eb.fn.min('next_attempt_at').as('at'),
      eb.fn.countAll<number>().as('n'),
      sql<number>`sum(next_attempt_at IS NULL)`.as('unset'),
    ])
    .where('state', '=', 'pending')
    .executeTakeFirst()
  if (!row || Number(row.n) === 0) return undefined
  if (Number(row.unset) > 0) return null
  return (row.at as string | null) ?? null
}

/**
 * Records what the district holds for an item. Ignored when we already know of a later revision,
 * or of a later word on the same revision (`onlyIfNewer`: a send result, which says "received",
 * must not undo a publication the changes feed already reported).
 */
export async function recordServerStatus(
  db: Kysely<DB>,
  change: {
    itemId: string
    status: ServerItemStatus
    revision: number
    at: string
    url?: string | null
    reason?: string | null
  },
  now: string,
  onlyIfNewer: boolean,
): Promise<boolean> {
  const current = await db
    .selectFrom('sync_items')
    .selectAll()
    .where('item_id', '=', change.itemId)
    .executeTakeFirst()
  if (current) {
    if (change.revision < current.server_revision) return false
    if (onlyIfNewer && change.revision === current.server_revision) return false
  }
  const values = {
    server_status: change.status,
    server_revision: change.revision,
    published_url:
      change.status === 'published' ? (change.url ?? null) : (current?.published_url ?? null),
    published_at: change.status === 'published' ? change.at : (current?.published_at ?? null),
    returned_reason: change.status === 'returned' ? (change.reason ?? null) : null,
    status_at: change.at,
    updated_at: now,
  }
  await db
    .insertInto('sync_items')
    .values({ item_id: change.itemId, ...values })
    .onConflict((oc) => oc.column('item_id').doUpdateSet(values))
    .execute()
  return true
}
