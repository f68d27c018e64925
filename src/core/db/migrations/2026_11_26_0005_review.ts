import { sql, type Kysely } from 'kysely'

/**
 * 保密审查 workflow: checklist versions, chain versions, department keywords, one row per
 * submission (审查轮次, with its findings snapshot and chain snapshot) and one row per decision.
 * Built-in defaults (the 11-question checklist, the two-step chain) are written by core on first
 * use, not here, so this migration stays immutable. Immutable once released.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE review_checklists (
      version INTEGER PRIMARY KEY,
      questions_json TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT,
      created_by_name TEXT
    )
  `.execute(db)
  await sql`
    CREATE TABLE review_chains (
      version INTEGER PRIMARY KEY,
      steps_json TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT,
      created_by_name TEXT
    )
  `.execute(db)
  await sql`
    CREATE TABLE review_keywords (
      id TEXT PRIMARY KEY,
      word TEXT NOT NULL UNIQUE,
      severity TEXT NOT NULL CHECK (severity IN ('blocker', 'high', 'warn', 'info')),
      note TEXT,
      created_at TEXT NOT NULL,
      created_by_name TEXT
    )
  `.execute(db)
  await sql`
    CREATE TABLE reviews (
      id TEXT PRIMARY KEY,
      item_id TEXT NOT NULL REFERENCES items (id),
      round INTEGER NOT NULL,
      state TEXT NOT NULL
        CHECK (state IN ('open', 'approved', 'returned', 'withheld', 'cancelled')),
      referred INTEGER NOT NULL DEFAULT 0,
      revision INTEGER NOT NULL,
      content_hash TEXT NOT NULL,
      previous_revision INTEGER,
      checklist_version INTEGER NOT NULL REFERENCES review_checklists (version),
      chain_version INTEGER NOT NULL REFERENCES review_chains (version),
      steps_json TEXT NOT NULL,
      current_step INTEGER,
      self_check_json TEXT NOT NULL,
      carrier TEXT NOT NULL,
      channels_json TEXT NOT NULL,
      channel_other TEXT,
      findings_json TEXT NOT NULL,
      counts_json TEXT NOT NULL,
      article TEXT,
      submitted_by TEXT NOT NULL,
      submitted_by_name TEXT NOT NULL,
      submitted_at TEXT NOT NULL,
      closed_at TEXT,
      UNIQUE (item_id, round)
    )
  `.execute(db)
  // At most one open review per item.
  await sql`CREATE UNIQUE INDEX reviews_one_open ON reviews (item_id) WHERE state = 'open'`.execute(
    db,
  )
  await sql`CREATE INDEX reviews_state ON reviews (state, submitted_at)`.execute(db)
  await sql`
    CREATE TABLE review_decisions (
      id TEXT PRIMARY KEY,
      review_id TEXT NOT NULL REFERENCES reviews (id),
      seq INTEGER NOT NULL,
      step_index INTEGER NOT NULL,
      step_name TEXT NOT NULL,
      decision TEXT NOT NULL CHECK (decision IN ('approve', 'return', 'withhold', 'refer')),
      decider_id TEXT NOT NULL,
      decider_name TEXT NOT NULL,
      decided_at TEXT NOT NULL,
      revision INTEGER NOT NULL,
      content_hash TEXT NOT NULL,
      checklist_json TEXT NOT NULL,
      comments_json TEXT NOT NULL,
      article TEXT,
      reason TEXT,
      high_reasons_json TEXT NOT NULL,
      superior_json TEXT,
      UNIQUE (review_id, seq)
    )
  `.execute(db)
}
