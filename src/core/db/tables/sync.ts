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
