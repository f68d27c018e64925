import { sql, type Kysely } from 'kysely'

/**
 * The sync outbox: what must reach the district's server, written in the same transaction as the
 * decision that causes it (an approval, a withdrawal), so nothing approved is ever forgotten and
 * nothing is sent that was not committed. Immutable once released.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE sync_outbox (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      entity TEXT NOT NULL CHECK (entity IN ('item')),
      entity_id TEXT NOT NULL,
      op TEXT NOT NULL CHECK (op IN ('upsert', 'withdraw')),
      revision INTEGER NOT NULL,
      content_hash TEXT NOT NULL,
      detail_json TEXT,
      state TEXT NOT NULL DEFAULT 'pending'
        CHECK (state IN ('pending', 'sent', 'conflict', 'failed', 'superseded')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT,
      last_error TEXT,
      created_at TEXT NOT NULL,
      sent_at TEXT,
      UNIQUE (entity, entity_id, op, revision)
    )
  `.execute(db)
  await sql`CREATE INDEX sync_outbox_pending ON sync_outbox (state, next_attempt_at, seq)`.execute(
    db,
  )
  await sql`CREATE INDEX sync_outbox_entity ON sync_outbox (entity, entity_id, seq)`.execute(db)
}
