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
