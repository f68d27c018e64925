import { sql, type Kysely } from 'kysely'

/**
 * 工作配档表 ⇄ district (issue 12): per year, the version of the district's published breakdown
 * this desk applied and the hash of the table it last sent (`schedule_sync`), so a sync pulls a
 * breakdown once and PUTs the table only when it changed. Evidence links get the time their item
 * was last published / withdrawn (set through the item-change hook) for the district's view.
 * Immutable once released.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE schedule_sync (
      year INTEGER PRIMARY KEY NOT NULL,
      breakdown_version INTEGER,
      breakdown_published_at TEXT,
      breakdown_received_at TEXT,
      sent_hash TEXT,
      sent_at TEXT,
      updated_at TEXT NOT NULL
    ) STRICT
  `.execute(db)
  await sql`ALTER TABLE schedule_evidence ADD COLUMN published_at TEXT`.execute(db)
  await sql`ALTER TABLE schedule_evidence ADD COLUMN withdrawn_at TEXT`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE schedule_sync`.execute(db)
}
