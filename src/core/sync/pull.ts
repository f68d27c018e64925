import type { Kysely } from 'kysely'
import { appendAudit } from '../audit/append'
import { localDateKey, type Clock } from '../clock'
import type { DB } from '../db/schema'
import type { EventBus } from '../events/bus'
import { emitStatusChange, itemStatusOf } from '../items/item-events'
import type { Logger } from '../logger'
import type { ChangeEvent, ChangesPage, SyncHttpClient } from './http-client'
import { recordServerStatus } from './outbox-queue'
import type { PhaseOutcome } from './push'
import { readSyncValue, SYNC_KEYS, writeSyncValue } from './state-store'

/** Events per /changes page. */
export const CHANGES_PAGE = 500

export interface PullDeps {
  db: () => Kysely<DB>
  client: SyncHttpClient
  clock: Clock
  logger: Logger
  /** 'item.changed' (change 'status') is emitted for every district event applied to an item. */
  events: EventBus
}

const TYPES = new Set(['received', 'published', 'returned', 'withdrawn'])

function isPage(body: unknown): body is ChangesPage {
  const page = body as Partial<ChangesPage> | null
  return (
    !!page &&
    Array.isArray(page.changes) &&
    typeof page.nextCursor === 'string' &&
    typeof page.hasMore === 'boolean' &&
    page.changes.every(
      (c) =>
        typeof c?.itemId === 'string' &&
        TYPES.has(c.type) &&
        Number.isInteger(c.revision) &&
        typeof c.at === 'string',
    )
  )
}

/**
 * Reads the changes feed from the saved cursor and applies each page in one transaction together
 * with the page's `nextCursor` (docs/sync-protocol.md §2: save the cursor after processing), so a
 * crash only replays a page, never skips one. Events for items this desk does not have are skipped.
 */
export async function pullChanges(d: PullDeps): Promise<PhaseOutcome> {
  let resetOnce = false
  for (let pages = 0; pages < 10_000; pages++) {
    const cursor = await readSyncValue(d.db(), SYNC_KEYS.cursor)
    const res = await d.client.changes(cursor, CHANGES_PAGE)
    if (res.kind === 'unauthorized') return { kind: 'unauthorized' }
    if (res.kind === 'transient') return { kind: 'transient', message: res.message }
    if (res.kind === 'rejected') {
      if (res.code === 'INVALID_CURSOR' && !resetOnce) {
        // The server no longer knows our cursor (e.g. its database was rebuilt): read from the
        // start again; applying events twice changes nothing.
        resetOnce = true
        d.logger.warn('同步游标无效，从头读取变更', {})
        await writeSyncValue(d.db(), SYNC_KEYS.cursor, null, d.clock().toISOString())
        continue
      }
      return { kind: 'transient', message: `读取区级变更失败：${res.message}` }
    }
    if (!isPage(res.body)) {
      return { kind: 'transient', message: '区级服务器的变更列表无法识别，将自动重试' }
    }
    const page = res.body
    await d
      .db()
      .transaction()
      .execute(async (trx) => {
        for (const change of page.changes) {
          const itemId = change.itemId.toLowerCase()
          const before = await itemStatusOf(trx, itemId)
          await applyChange(trx, change, d.clock)
          // Acknowledged, published, returned or withdrawn by the district: listeners (schedule
          // evidence, report counts) follow in this transaction.
          if (before !== null) {
            await emitStatusChange(d.events, trx, { itemId, before, actor: null, clock: d.clock })
          }
        }
        await writeSyncValue(trx, SYNC_KEYS.cursor, page.nextCursor, d.clock().toISOString())
      })
    if (!page.hasMore || page.changes.length === 0) return { kind: 'done' }
  }
  return { kind: 'done' }
}

/**
 * One district event: `received` marks the item 已送达 (status stays 已通过); `published` makes an
 * item whose current approved revision was published 已同步 with its URL and `published_date`;
 * `returned` sends that revision back to 退回修改 with the district's reason (it must be reviewed
 * again); `withdrawn` acknowledges our withdrawal. Status changes apply only when the event is
 * about the item's current revision — an item edited since keeps its status — or about the approved
 * revision that stays in force beside a 修订稿 (`live_revision`): published, it becomes 已同步 there;
 * returned or withdrawn by the district, it is no longer in force and the 修订稿 carries on alone.
 */
export async function applyChange(
  db: Kysely<DB>,
  change: ChangeEvent,
  clock: Clock,
): Promise<void> {
  const itemId = change.itemId.toLowerCase()
  const item = await db
    .selectFrom('items')
    .select(['id', 'status', 'revision', 'published_date', 'live_revision'])
    .where('id', '=', itemId)
    .executeTakeFirst()
  if (!item) return
  const now = clock().toISOString()
  const recorded = await recordServerStatus(
    db,
    {
      itemId,
      status: change.type,
      revision: change.revision,
      at: change.at,
      url: change.url ?? null,
      reason: change.reason ?? null,
    },
    now,
    false,
  )
  if (!recorded) return
  const current =
    item.revision === change.revision && (item.status === 'approved' || item.status === 'synced')
  const target = `item:${itemId}`
  if (item.live_revision !== null && item.live_revision === change.revision) {
    await applyToLiveRevision(db, item, change, clock)
    return
  }
  if (change.type === 'published') {
    const publishedDate = item.published_date ?? localDateKey(new Date(change.at))
    const status = current ? 'synced' : item.status
    if (status !== item.status || publishedDate !== item.published_date) {
      await db
        .updateTable('items')
        .set({ status, published_date: publishedDate })
        .where('id', '=', itemId)
        .execute()
      await appendAudit(
        db,
        {
          actor: null,
          action: 'sync.published',
          target,
          detail: {
            revision: change.revision,
            url: change.url ?? null,
            from: item.status,
            to: status,
          },
        },
        clock,
      )
    }
  } else if (change.type === 'returned' && current) {
    await db
      .updateTable('items')
      .set({ status: 'returned', approved_content_hash: null })
      .where('id', '=', itemId)
      .execute()
    await appendAudit(
      db,
      {
        actor: null,
        action: 'sync.returned',
        target,
        detail: { revision: change.revision, reason: change.reason ?? '', from: item.status },
      },
      clock,
    )
  } else if (change.type === 'withdrawn' && current) {
    // Withdrawn at the district on this department's request from another desk: mirror it.
    await db.updateTable('items').set({ status: 'withdrawn' }).where('id', '=', itemId).execute()
  }
}

/**
 * A district event about the approved revision that stays in force while the item's current
 * revision is a 修订稿: the item's own status (the working revision's) is left alone.
 */
async function applyToLiveRevision(
  db: Kysely<DB>,
  item: { id: string; status: string; published_date: string | null },
  change: ChangeEvent,
  clock: Clock,
): Promise<void> {
  const target = `item:${item.id}`
  if (change.type === 'published') {
    const publishedDate = item.published_date ?? localDateKey(new Date(change.at))
    await db
      .updateTable('items')
      .set({ live_status: 'synced', published_date: publishedDate })
      .where('id', '=', item.id)
      .execute()
    await appendAudit(
      db,
      {
        actor: null,
        action: 'sync.published',
        target,
        detail: {
          revision: change.revision,
          url: change.url ?? null,
          from: 'approved',
          to: 'synced',
        },
      },
      clock,
    )
  } else if (change.type === 'returned' || change.type === 'withdrawn') {
    await db
      .updateTable('items')
      .set({ live_revision: null, live_status: null, live_content_hash: null })
      .where('id', '=', item.id)
      .execute()
    if (change.type === 'returned') {
      await appendAudit(
        db,
        {
          actor: null,
          action: 'sync.returned',
          target,
          detail: { revision: change.revision, reason: change.reason ?? '', from: 'approved' },
        },
        clock,
      )
    }
  }
}
