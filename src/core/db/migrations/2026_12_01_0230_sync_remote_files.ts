import { sql, type Kysely } from 'kysely'

/**
 * Attachments the district server is known to hold (issue 15, 补传附件), per server (its saved
 * base URL), so a steady state asks the server nothing:
 * - `sync_remote_blobs`: a file (SHA-256) the server confirmed it has (`confirmed`: it answered
 *   `have`, or the upload completed), or refused (`refused`: size, quota, damaged local file) with
 *   when to try again;
 * - `sync_remote_item_files`: the revision of an item whose files were all confirmed on that
 *   server — a later revision (or another server) is looked at again.
 * Immutable once released. Typed `Kysely<unknown>`: a migration must not depend on today's types.
 */
const statements = [
  sql`CREATE TABLE sync_remote_blobs (
    server_url TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('confirmed', 'refused')),
    message TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    retry_at TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (server_url, sha256)
  ) STRICT, WITHOUT ROWID`,
  sql`CREATE TABLE sync_remote_item_files (
    server_url TEXT NOT NULL,
    item_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    files INTEGER NOT NULL,
    checked_at TEXT NOT NULL,
    PRIMARY KEY (server_url, item_id)
  ) STRICT, WITHOUT ROWID`,
]

/** Adds the tables above. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db)
}

/** Drops them. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE sync_remote_item_files`.execute(db)
  await sql`DROP TABLE sync_remote_blobs`.execute(db)
}
