import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'

/** Keys of `sync_state`: everything the worker must remember across restarts. */
export const SYNC_KEYS = {
  serverUrl: 'server_url',
  /** The `nextCursor` of the last fully processed /changes page. */
  cursor: 'changes_cursor',
  lastSuccessAt: 'last_success_at',
  lastRunAt: 'last_run_at',
  /** The last run's problem (Chinese); removed by a clean run. */
  lastError: 'last_error',
  /** '1' after a 401 until the token changes or the officer presses 立即同步. */
  authFailed: 'auth_failed',
  /** The origin (scheme://host:port) the saved token belongs to: it is sent nowhere else. */
  tokenOrigin: 'token_origin',
  /** The district refused this desk's audit-chain head (ANCHOR_CONFLICT); kept until looked into. */
  anchorProblem: 'anchor_problem',
  /** JSON `{ [extension name]: { ok, message, at } }`: each sync extension's last outcome. */
  extensionResults: 'extension_results',
  /** JSON SyncBackfillView: the last run that uploaded files of items sent before them (补传附件). */
  attachmentsBackfill: 'attachments_backfill',
  /** JSON `{ server, at }`: when that server last answered it has no blob endpoints (v1). */
  blobsUnsupportedAt: 'blobs_unsupported_at',
} as const
type SyncKey = (typeof SYNC_KEYS)[keyof typeof SYNC_KEYS]

/** One `sync_state` value, or null. */
export async function readSyncValue(db: Kysely<DB>, key: SyncKey): Promise<string | null> {
  const row = await db
    .selectFrom('sync_state')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst()
  return row?.value ?? null
}

/** All `sync_state` values at once. */
export async function readSyncValues(db: Kysely<DB>): Promise<Partial<Record<SyncKey, string>>> {
  const rows = await db.selectFrom('sync_state').select(['key', 'value']).execute()
  return Object.fromEntries(rows.map((r) => [r.key, r.value])) as Partial<Record<SyncKey, string>>
}

/** Sets (or, with null, removes) one `sync_state` value. */
export async function writeSyncValue(
  db: Kysely<DB>,
  key: SyncKey,
  value: string | null,
  at: string,
): Promise<void> {
  if (value === null) {
    await db.deleteFrom('sync_state').where('key', '=', key).execute()
    return
  }
  await db
    .insertInto('sync_state')
    .values({ key, value, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at }))
    .execute()
}
