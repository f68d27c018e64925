import { sql, type Kysely } from 'kysely'

/**
 * Sync state: the worker's own facts (server URL, changes cursor, last success) and what the
 * district has told us about each item (received / published with its URL / returned with the
 * reason / withdrawn). The token is NOT here: it lives in the OS key store (Platform.secrets).
 * Immutable once released.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE sync_state (
      key TEXT PRIMARY KEY NOT NULL,
      value TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT
  `.execute(db)
  await sql`
    CREATE TABLE sync_items (
      item_id TEXT PRIMARY KEY NOT NULL REFERENCES items (id),
      server_status TEXT NOT NULL
        CHECK (server_status IN ('received', 'published', 'returned', 'withdrawn')),
      server_revision INTEGER NOT NULL,
      published_url TEXT,
      published_at TEXT,
      returned_reason TEXT,
      status_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT
  `.execute(db)
}
