import type { Insertable, Selectable } from 'kysely'

/** `audit_log`: append-only, hash-chained; UPDATE and DELETE are aborted by triggers. */
export interface AuditLogTable {
  seq: number
  at: string
  actor_id: string | null
  actor_name: string | null
  action: string
  target: string | null
  before_hash: string | null
  after_hash: string | null
  detail_json: string | null
  prev_hash: string
  hash: string
}
export type AuditRow = Selectable<AuditLogTable>
export type NewAuditRow = Insertable<AuditLogTable>

/** `audit_anchors` (migration 0020): audit-chain heads the district server acknowledged. */
export interface AuditAnchorsTable {
  seq: number
  hash: string
  server_url: string
  /** The server's time of receipt, as it answered. */
  server_received_at: string
  acknowledged_at: string
}
export type AuditAnchorRow = Selectable<AuditAnchorsTable>
