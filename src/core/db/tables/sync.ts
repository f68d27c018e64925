import type { Generated, Selectable } from 'kysely'

export type OutboxEntity = 'item'
export type OutboxOp = 'upsert' | 'withdraw'
export type OutboxState = 'pending' | 'sent' | 'conflict' | 'failed' | 'superseded'

/** `sync_outbox`: one row per thing to push to the central server (see migration 0004). */
export interface SyncOutboxTable {
  seq: Generated<number>
  entity: OutboxEntity
  entity_id: string
  op: OutboxOp
  revision: number
  content_hash: string
  /** e.g. `{ "reason": "…" }` for a withdrawal. */
  detail_json: string | null
  state: Generated<OutboxState>
  attempts: Generated<number>
  next_attempt_at: string | null
  last_error: string | null
  created_at: string
  sent_at: string | null
}
export type SyncOutboxRow = Selectable<SyncOutboxTable>

/** `sync_state`: the worker's key/value facts (server URL, cursor, last success…), migration 0006. */
export interface SyncStateTable {
  key: string
  value: string
  updated_at: string
}

/** What the district reported for an item (`received`, `published`, `returned`, `withdrawn`). */
export type ServerItemStatus = 'received' | 'published' | 'returned' | 'withdrawn'

/** `sync_items`: the district's latest word on each item we sent (migration 0006). */
export interface SyncItemsTable {
  item_id: string
  server_status: ServerItemStatus
  /** The revision the status refers to. */
  server_revision: number
  published_url: string | null
  published_at: string | null
  returned_reason: string | null
  /** When the district recorded the status (server time). */
  status_at: string
  updated_at: string
}
export type SyncItemRow = Selectable<SyncItemsTable>

/**
 * `sync_integrity_flags` (migration 0020): an approved revision whose stored content no longer
 * hashes to what the approval bound; sync refused it and the 同步 page shows it.
 */
export interface SyncIntegrityFlagsTable {
  item_id: string
  revision: number
  outbox_seq: number
  expected_hash: string
  actual_hash: string
  detected_at: string
}
export type SyncIntegrityFlagRow = Selectable<SyncIntegrityFlagsTable>

/**
 * `sync_remote_blobs` (migration 0230): a file the district server (`server_url`, the saved base
 * URL) confirmed it holds, or refused — with when to try again (补传附件, issue 15).
 */
export interface SyncRemoteBlobsTable {
  server_url: string
  sha256: string
  state: 'confirmed' | 'refused'
  /** Why it was refused (Chinese); null when confirmed. */
  message: string | null
  /** Refusals in a row (the retry interval grows with it). */
  attempts: Generated<number>
  /** A refused file is tried again from then on (立即同步 tries at once). */
  retry_at: string | null
  updated_at: string
}
export type SyncRemoteBlobRow = Selectable<SyncRemoteBlobsTable>

/**
 * `sync_remote_item_files` (migration 0230): the revision of an item whose files are all
 * confirmed on `server_url`; a later revision is looked at again.
 */
export interface SyncRemoteItemFilesTable {
  server_url: string
  item_id: string
  revision: number
  files: number
  checked_at: string
}
