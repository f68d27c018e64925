import { sql, type Kysely } from 'kysely'
import type { SyncBackfillView, SyncUploadView } from '../../shared/sync/types'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import type { SyncOutboxRow } from '../db/tables/sync'
import type { Logger } from '../logger'
import type { SyncHttpClient } from './http-client'
import { approvedSnapshot, PayloadError } from './payload'
import type { RemoteFileLedger } from './remote-files'
import { readSyncValue, SYNC_KEYS, writeSyncValue } from './state-store'
import { uploadFiles, type UploadFile } from './uploads'

/**
 * 补传附件 (issue 15): items that reached the district before their files could — under protocol
 * v1, or while a file was refused — stay 附件未到齐 there for good, because the outbox has nothing
 * left to send for them. After each run's push, this looks at the items the district holds (the
 * latest outbox entry is a sent upsert: the revision in force there) whose files are not all
 * confirmed on this server (remote-files.ts), asks the server about those files only
 * (`POST /blobs/query`, batched), and uploads what it lacks — the items themselves are not sent
 * again: the server already lists the files each item needs and counts the item complete when
 * they arrive. An item whose files are all confirmed is remembered at its revision, so a steady
 * state reads one local query and sends nothing.
 */

export interface BackfillDeps {
  db: () => Kysely<DB>
  client: SyncHttpClient
  clock: Clock
  logger: Logger
  dataDir: string
  /** This server's files; made with `force` for 立即同步 (refusals and a v1 server asked again). */
  ledger: RemoteFileLedger
  /** Each file's progress (flagged `backfill`), for the 同步 page. */
  onFile: (progress: SyncUploadView) => void
  /** The run's 补传 figures as they change, for the 同步 page while the run lasts. */
  onSummary?: (summary: SyncBackfillView) => void
}

export type BackfillOutcome =
  | { kind: 'done'; summary: SyncBackfillView | null }
  | { kind: 'unauthorized' }
  | { kind: 'transient'; message: string }

/** Items looked at per run at most (the rest next run); each is one snapshot read. */
export const BACKFILL_ITEMS_PER_RUN = 2000

/** Items the district holds whose files this desk has not seen confirmed on `server`. */
async function unchecked(db: Kysely<DB>, server: string): Promise<SyncOutboxRow[]> {
  const rows = await sql<SyncOutboxRow>`
    SELECT o.* FROM sync_outbox o
    LEFT JOIN sync_remote_item_files f
      ON f.server_url = ${server} AND f.item_id = o.entity_id AND f.revision = o.revision
    WHERE o.entity = 'item' AND o.op = 'upsert' AND o.state = 'sent' AND f.item_id IS NULL
      AND o.seq = (SELECT max(o2.seq) FROM sync_outbox o2
                   WHERE o2.entity = 'item' AND o2.entity_id = o.entity_id
                     AND o2.state <> 'superseded')
    ORDER BY o.seq
    LIMIT ${BACKFILL_ITEMS_PER_RUN}
  `.execute(db)
  return rows.rows
}

async function markChecked(
  db: Kysely<DB>,
  server: string,
  items: readonly { row: SyncOutboxRow; files: readonly UploadFile[] }[],
  at: string,
): Promise<void> {
  if (items.length === 0) return
  await db.transaction().execute(async (trx) => {
    for (const { row, files } of items) {
      const values = { revision: row.revision, files: files.length, checked_at: at }
      await trx
        .insertInto('sync_remote_item_files')
        .values({ server_url: server, item_id: row.entity_id, ...values })
        .onConflict((oc) => oc.columns(['server_url', 'item_id']).doUpdateSet(values))
        .execute()
    }
  })
}

function parseSummary(text: string | null): SyncBackfillView | null {
  if (!text) return null
  try {
    return JSON.parse(text) as SyncBackfillView
  } catch {
    return null
  }
}

/** How long the 同步 page keeps telling of a 补传 that left nothing missing. */
export const BACKFILL_NOTICE_DAYS = 7

/** The last run's 补传 figures (kept in `sync_state` for the 同步 page), or null. */
export async function lastBackfill(db: Kysely<DB>): Promise<SyncBackfillView | null> {
  return parseSummary(await readSyncValue(db, SYNC_KEYS.attachmentsBackfill))
}

/**
 * What the 同步 page shows of the last 补传: while files are still missing, or for
 * BACKFILL_NOTICE_DAYS after it; then nothing (the figures stay stored).
 */
export async function backfillNotice(db: Kysely<DB>, now: Date): Promise<SyncBackfillView | null> {
  const last = await lastBackfill(db)
  if (!last) return null
  const age = now.getTime() - Date.parse(last.at)
  return last.remaining > 0 || age < BACKFILL_NOTICE_DAYS * 86_400_000 ? last : null
}

/** See the module comment. */
export async function backfillAttachments(d: BackfillDeps): Promise<BackfillOutcome> {
  const db = d.db()
  const server = d.ledger.server
  const now = d.clock()
  const at = now.toISOString()
  const rows = await unchecked(db, server)
  if (rows.length === 0) return { kind: 'done', summary: null }

  const items: { row: SyncOutboxRow; files: UploadFile[] }[] = []
  for (const row of rows) {
    try {
      const snapshot = await approvedSnapshot(db, row)
      items.push({
        row,
        files: snapshot.attachments.map((a) => ({
          sha256: a.sha256,
          size: a.sizeBytes,
          name: a.name,
        })),
      })
    } catch (e) {
      // The revision sent can no longer be read (rewritten since): nothing to compare it with.
      if (!(e instanceof PayloadError)) throw e
    }
  }
  const allHashes = [...new Set(items.flatMap((i) => i.files.map((f) => f.sha256)))]
  const complete = async (confirmed: ReadonlySet<string>) =>
    items.filter((i) => i.files.every((f) => confirmed.has(f.sha256)))
  const before = await d.ledger.confirmedAmong(allHashes)
  await markChecked(db, server, await complete(before), at)
  const missing = new Map<string, UploadFile>()
  for (const i of items) {
    for (const f of i.files)
      if (!before.has(f.sha256) && !missing.has(f.sha256)) missing.set(f.sha256, f)
  }
  if (missing.size === 0) return { kind: 'done', summary: null }

  // Refused files wait for their retry time (the ledger knows 立即同步 from a plain run).
  const waiting = await d.ledger.refusedWaiting([...missing.keys()])
  const toCheck = [...missing.values()].filter((f) => !waiting.has(f.sha256))
  if (toCheck.length === 0) return { kind: 'done', summary: null }

  // A file the server lacks is one whose first word in this run is not 「已有」.
  const first = new Map<string, SyncUploadView['state']>()
  const lastState = new Map<string, SyncUploadView['state']>()
  const figures = (): SyncBackfillView => {
    const lacking = [...first].filter(([, s]) => s !== 'done').map(([h]) => h)
    const lackingSet = new Set(lacking)
    return {
      at,
      items: items.filter((i) => i.files.some((f) => lackingSet.has(f.sha256))).length,
      files: lacking.length,
      uploaded: lacking.filter((h) => lastState.get(h) === 'done').length,
      failed: lacking.filter((h) => lastState.get(h) === 'failed').length,
      remaining: 0,
    }
  }
  const outcome = await uploadFiles(
    {
      client: d.client,
      dataDir: d.dataDir,
      logger: d.logger,
      ledger: d.ledger,
      onFile: (progress) => {
        if (!first.has(progress.sha256)) first.set(progress.sha256, progress.state)
        lastState.set(progress.sha256, progress.state)
        if (first.get(progress.sha256) === 'done') return
        d.onFile({ ...progress, backfill: true })
        d.onSummary?.(figures())
      },
    },
    toCheck,
  )
  // A v1 server (asked within the hour, or answering 404 now): nothing to upload to yet.
  if (outcome.kind === 'unsupported') return { kind: 'done', summary: null }
  if (outcome.kind === 'unauthorized') return outcome

  const after = await d.ledger.confirmedAmong(allHashes)
  await markChecked(db, server, await complete(after), at)
  const remaining = allHashes.filter((h) => !after.has(h)).length
  let summary: SyncBackfillView | null = { ...figures(), remaining }
  if (summary.files > 0) {
    await writeSyncValue(db, SYNC_KEYS.attachmentsBackfill, JSON.stringify(summary), at)
    d.logger.info('补传附件', {
      files: summary.files,
      uploaded: summary.uploaded,
      failed: summary.failed,
      remaining,
    })
  } else {
    // Nothing lacking this run: the last 补传's count of files still missing is brought up to date.
    const stored = await lastBackfill(db)
    summary = null
    if (stored && stored.remaining !== remaining) {
      await writeSyncValue(
        db,
        SYNC_KEYS.attachmentsBackfill,
        JSON.stringify({ ...stored, remaining }),
        at,
      )
    }
  }
  if (outcome.kind === 'transient') return { kind: 'transient', message: outcome.message }
  return { kind: 'done', summary }
}
