import { sql, type Kysely } from 'kysely'

/**
 * 政策问答 through the 保密审查 chain (issue 14: entries are "reviewed like items"): one
 * `qa_reviews` row per submission (审核轮次) with the chain snapshot, the scanner's findings and the
 * content hash it binds; one `qa_review_decisions` row per step decided. `qa_entries.editor_ids_json`
 * lists who edited the entry since its last approval (authors never decide). Entries pending under
 * the old one-reviewer rule have no round: they go back to 草稿 to be submitted again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE qa_reviews (
      id TEXT PRIMARY KEY NOT NULL,
      qa_id TEXT NOT NULL REFERENCES qa_entries (id),
      round INTEGER NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('open', 'approved', 'returned', 'cancelled')),
      content_hash TEXT NOT NULL,
      chain_version INTEGER NOT NULL,
      steps_json TEXT NOT NULL,
      current_step INTEGER,
      findings_json TEXT NOT NULL,
      counts_json TEXT NOT NULL,
      submitted_by TEXT NOT NULL,
      submitted_by_name TEXT,
      submitted_at TEXT NOT NULL,
      closed_at TEXT,
      UNIQUE (qa_id, round)
    ) STRICT
  `.execute(db)
  await sql`CREATE INDEX qa_reviews_state ON qa_reviews (state, qa_id)`.execute(db)
  await sql`
    CREATE TABLE qa_review_decisions (
      id TEXT PRIMARY KEY NOT NULL,
      qa_review_id TEXT NOT NULL REFERENCES qa_reviews (id),
      seq INTEGER NOT NULL,
      step_index INTEGER NOT NULL,
      step_name TEXT NOT NULL,
      step_role TEXT NOT NULL,
      decision TEXT NOT NULL CHECK (decision IN ('approve', 'return')),
      decider_id TEXT NOT NULL,
      decider_name TEXT,
      decided_at TEXT NOT NULL,
      content_hash TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      high_reasons_json TEXT NOT NULL DEFAULT '[]',
      UNIQUE (qa_review_id, seq)
    ) STRICT
  `.execute(db)
  await sql`ALTER TABLE qa_entries ADD COLUMN editor_ids_json TEXT NOT NULL DEFAULT '[]'`.execute(
    db,
  )
  await sql`UPDATE qa_entries SET state = 'draft' WHERE state = 'pending'`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE qa_review_decisions`.execute(db)
  await sql`DROP TABLE qa_reviews`.execute(db)
  await sql`ALTER TABLE qa_entries DROP COLUMN editor_ids_json`.execute(db)
}
