import { sql, type Kysely } from 'kysely'

/**
 * Issue 8 (separation of duties, the approved hash, the audit anchors):
 * - `users`: who created the account, when and by whom its password was last reset by an
 *   administrator, and when its owner acknowledged that notice (a reset account cannot decide on
 *   an item submitted before the reset; the owner is told on the home page);
 * - `sync_integrity_flags`: an approved revision whose stored content no longer matches the hash
 *   the approval bound — refused by sync and shown on the 同步 page;
 * - `audit_anchors`: audit-chain heads (seq + hash) the district server acknowledged, so a chain
 *   rewritten inside the file is found by `verify-audit`.
 * Immutable once released. Typed `Kysely<unknown>`: a migration must not depend on today's types.
 */
const statements = [
  sql`ALTER TABLE users ADD COLUMN created_by TEXT`,
  sql`ALTER TABLE users ADD COLUMN password_reset_at TEXT`,
  sql`ALTER TABLE users ADD COLUMN password_reset_by TEXT`,
  sql`ALTER TABLE users ADD COLUMN password_reset_by_name TEXT`,
  sql`ALTER TABLE users ADD COLUMN reset_notice_ack_at TEXT`,
  sql`CREATE TABLE sync_integrity_flags (
    item_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    outbox_seq INTEGER NOT NULL,
    expected_hash TEXT NOT NULL,
    actual_hash TEXT NOT NULL,
    detected_at TEXT NOT NULL,
    PRIMARY KEY (item_id, revision)
  ) STRICT`,
  sql`CREATE TABLE audit_anchors (
    seq INTEGER PRIMARY KEY,
    hash TEXT NOT NULL,
    server_url TEXT NOT NULL,
    server_received_at TEXT NOT NULL,
    acknowledged_at TEXT NOT NULL
  ) STRICT`,
]

/** Adds the columns and tables above. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db)
}
