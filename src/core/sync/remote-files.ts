import type { Kysely } from 'kysely'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { readSyncValue, SYNC_KEYS, writeSyncValue } from './state-store'

/**
 * What this desk knows about the district server's attachment files (补传附件, issue 15), per
 * server (the saved base URL) in `sync_remote_blobs` / `sync_remote_item_files` (migration 0230):
 * a file the server confirmed (it answered `have`, or our upload completed) is never asked about
 * again, so a steady state costs no request; a file it refused (size, quota, a damaged local file)
 * waits before it is tried again, longer after each refusal (立即同步 tries at once).
 */

/** One file's end in a run: on the server now, or refused (with the Chinese reason). */
export interface SettledFile {
  sha256: string
  state: 'confirmed' | 'refused'
  message: string | null
}

export interface RemoteFileLedger {
  /** The server this ledger is about (the saved base URL). */
  readonly server: string
  /** Of `hashes`, those the server confirmed before. */
  confirmedAmong(hashes: readonly string[]): Promise<Set<string>>
  /** Of `hashes`, those refused whose retry time has not come: hash → reason. */
  refusedWaiting(hashes: readonly string[]): Promise<Map<string, string>>
  /** Remembers how the files of a run ended. */
  record(files: readonly SettledFile[]): Promise<void>
  /**
   * The server answered within the hour that it has no blob endpoints (protocol v1): it is not
   * asked again before then (立即同步 asks at once).
   */
  unsupportedRecently(): Promise<boolean>
  /** Remembers whether the server has blob endpoints (a 404 to the query, or an answer). */
  noteSupport(supported: boolean): Promise<void>
}

/** A server without blob endpoints (protocol v1) is asked again after this long. */
export const UNSUPPORTED_RECHECK_MS = 60 * 60_000

/** A refused file is tried again after 1 h, 2 h, 4 h … at most a day. */
export function refusalDelayMs(attempts: number): number {
  return Math.min(24 * 3_600_000, 3_600_000 * 2 ** Math.max(0, Math.min(attempts, 10) - 1))
}

/** SQLite's bound-parameter limit is far above this; it keeps each statement small. */
const SLICE = 500

async function inSlices<T>(
  hashes: readonly string[],
  query: (slice: string[]) => Promise<T[]>,
): Promise<T[]> {
  const out: T[] = []
  const unique = [...new Set(hashes)]
  for (let i = 0; i < unique.length; i += SLICE)
    out.push(...(await query(unique.slice(i, i + SLICE))))
  return out
}

/**
 * The ledger of `server` in the desk's database. `force` (立即同步): refused files and a server
 * that lacked blob endpoints are tried again at once.
 */
export function remoteFileLedger(
  db: () => Kysely<DB>,
  server: string,
  clock: Clock,
  options: { force?: boolean } = {},
): RemoteFileLedger {
  const force = options.force ?? false
  const unsupportedAt = async (): Promise<string | null> => {
    const text = await readSyncValue(db(), SYNC_KEYS.blobsUnsupportedAt)
    try {
      const memo = text ? (JSON.parse(text) as { server?: unknown; at?: unknown }) : null
      return memo && memo.server === server && typeof memo.at === 'string' ? memo.at : null
    } catch {
      return null
    }
  }
  return {
    server,
    async unsupportedRecently() {
      if (force) return false
      const at = await unsupportedAt()
      return at !== null && clock().getTime() - Date.parse(at) < UNSUPPORTED_RECHECK_MS
    },
    async noteSupport(supported) {
      const at = clock().toISOString()
      if (!supported) {
        await writeSyncValue(db(), SYNC_KEYS.blobsUnsupportedAt, JSON.stringify({ server, at }), at)
      } else if ((await readSyncValue(db(), SYNC_KEYS.blobsUnsupportedAt)) !== null) {
        await writeSyncValue(db(), SYNC_KEYS.blobsUnsupportedAt, null, at)
      }
    },
    async confirmedAmong(hashes) {
      const rows = await inSlices(hashes, (slice) =>
        db()
          .selectFrom('sync_remote_blobs')
          .select('sha256')
          .where('server_url', '=', server)
          .where('state', '=', 'confirmed')
          .where('sha256', 'in', slice)
          .execute(),
      )
      return new Set(rows.map((r) => r.sha256))
    },
    async refusedWaiting(hashes) {
      if (force) return new Map()
      const now = clock().toISOString()
      const rows = await inSlices(hashes, (slice) =>
        db()
          .selectFrom('sync_remote_blobs')
          .select(['sha256', 'message'])
          .where('server_url', '=', server)
          .where('state', '=', 'refused')
          .where('retry_at', '>', now)
          .where('sha256', 'in', slice)
          .execute(),
      )
      return new Map(rows.map((r) => [r.sha256, r.message ?? '']))
    },
    async record(files) {
      if (files.length === 0) return
      const now = clock()
      await db()
        .transaction()
        .execute(async (trx) => {
          for (const f of files) {
            if (f.state === 'confirmed') {
              await trx
                .insertInto('sync_remote_blobs')
                .values({
                  server_url: server,
                  sha256: f.sha256,
                  state: 'confirmed',
                  message: null,
                  attempts: 0,
                  retry_at: null,
                  updated_at: now.toISOString(),
                })
                .onConflict((oc) =>
                  oc.columns(['server_url', 'sha256']).doUpdateSet({
                    state: 'confirmed',
                    message: null,
                    attempts: 0,
                    retry_at: null,
                    updated_at: now.toISOString(),
                  }),
                )
                .execute()
              continue
            }
            const before = await trx
              .selectFrom('sync_remote_blobs')
              .select(['state', 'attempts'])
              .where('server_url', '=', server)
              .where('sha256', '=', f.sha256)
              .executeTakeFirst()
            // A file once confirmed stays confirmed: a later refusal is about this desk's copy.
            if (before?.state === 'confirmed') continue
            const attempts = (before?.attempts ?? 0) + 1
            const values = {
              state: 'refused' as const,
              message: f.message,
              attempts,
              retry_at: new Date(now.getTime() + refusalDelayMs(attempts)).toISOString(),
              updated_at: now.toISOString(),
            }
            await trx
              .insertInto('sync_remote_blobs')
              .values({ server_url: server, sha256: f.sha256, ...values })
              .onConflict((oc) => oc.columns(['server_url', 'sha256']).doUpdateSet(values))
              .execute()
          }
        })
    },
  }
}
