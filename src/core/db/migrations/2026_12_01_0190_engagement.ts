import { sql, type Kysely } from 'kysely'

/**
 * 政民互动 (issue 14): consultations on drafts (意见征集) with the comments they receive and the
 * decisions on them, 政务公开监督员 and 列席 records, training records and the policy Q&A base.
 * Rows carry UUIDv7 ids and `updated_at`; records are removed softly. Immutable once released.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE consultations (
      id TEXT PRIMARY KEY NOT NULL,
      title TEXT NOT NULL,
      decision_type TEXT NOT NULL CHECK (decision_type IN ('major', 'normative', 'other')),
      start_date TEXT NOT NULL,
      end_date TEXT NOT NULL,
      short_reason TEXT NOT NULL DEFAULT '',
      questions TEXT NOT NULL,
      contact TEXT NOT NULL,
      channels_json TEXT NOT NULL,
      paragraphs_json TEXT NOT NULL,
      draft_item_id TEXT NOT NULL REFERENCES items (id),
      draft_revision INTEGER NOT NULL,
      notice_item_id TEXT REFERENCES items (id),
      result_item_id TEXT REFERENCES items (id),
      final_item_id TEXT REFERENCES items (id),
      pushed_hash TEXT,
      pushed_at TEXT,
      created_at TEXT NOT NULL,
      created_by_name TEXT,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    ) STRICT
  `.execute(db)
  await sql`CREATE INDEX consultations_draft ON consultations (draft_item_id)`.execute(db)
  await sql`
    CREATE TABLE consultation_comments (
      id TEXT PRIMARY KEY NOT NULL,
      consultation_id TEXT NOT NULL REFERENCES consultations (id),
      receipt_no TEXT NOT NULL UNIQUE,
      paragraph_no INTEGER,
      body TEXT NOT NULL,
      commenter_name TEXT NOT NULL DEFAULT '',
      contact_masked TEXT NOT NULL DEFAULT '',
      commenter_type TEXT NOT NULL DEFAULT 'public'
        CHECK (commenter_type IN ('public', 'company', 'association', 'expert', 'other')),
      channel TEXT NOT NULL CHECK (channel IN ('online', 'email', 'letter', 'fax')),
      received_at TEXT NOT NULL,
      group_id TEXT,
      group_manual INTEGER NOT NULL DEFAULT 0 CHECK (group_manual IN (0, 1)),
      decision TEXT CHECK (decision IN ('adopted', 'partly', 'rejected', 'out_of_scope')),
      reason TEXT NOT NULL DEFAULT '',
      decision_paragraph_no INTEGER,
      changed_revision INTEGER,
      decided_at TEXT,
      decided_by_name TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT
  `.execute(db)
  await sql`
    CREATE INDEX consultation_comments_consultation
      ON consultation_comments (consultation_id, received_at)
  `.execute(db)
  await sql`
    CREATE TABLE engagement_supervisors (
      id TEXT PRIMARY KEY NOT NULL,
      name TEXT NOT NULL,
      organisation TEXT NOT NULL DEFAULT '',
      appointed_on TEXT,
      note TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    ) STRICT
  `.execute(db)
  await sql`
    CREATE TABLE engagement_attendance (
      id TEXT PRIMARY KEY NOT NULL,
      meeting TEXT NOT NULL,
      held_on TEXT NOT NULL,
      attendees_json TEXT NOT NULL,
      opinions TEXT NOT NULL DEFAULT '',
      handling TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      created_by_name TEXT,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    ) STRICT
  `.execute(db)
  await sql`
    CREATE TABLE engagement_trainings (
      id TEXT PRIMARY KEY NOT NULL,
      held_on TEXT NOT NULL,
      topic TEXT NOT NULL,
      organiser TEXT NOT NULL DEFAULT '',
      participant_count INTEGER NOT NULL,
      participant_roles TEXT NOT NULL DEFAULT '',
      hours REAL NOT NULL,
      materials TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    ) STRICT
  `.execute(db)
  await sql`
    CREATE TABLE qa_entries (
      id TEXT PRIMARY KEY NOT NULL,
      question TEXT NOT NULL,
      answer TEXT NOT NULL,
      policy_item_id TEXT NOT NULL REFERENCES items (id),
      interpretation_item_id TEXT REFERENCES items (id),
      keywords TEXT NOT NULL DEFAULT '',
      valid_from TEXT,
      valid_to TEXT,
      state TEXT NOT NULL CHECK (state IN ('draft', 'pending', 'approved', 'returned')),
      author_id TEXT NOT NULL,
      author_name TEXT,
      reviewed_by_name TEXT,
      reviewed_at TEXT,
      review_note TEXT NOT NULL DEFAULT '',
      pushed_hash TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    ) STRICT
  `.execute(db)
  await sql`CREATE INDEX qa_entries_policy ON qa_entries (policy_item_id)`.execute(db)
  // The comments feed cursor and other small sync facts of this domain.
  await sql`
    CREATE TABLE engagement_sync (
      key TEXT PRIMARY KEY NOT NULL,
      value TEXT NOT NULL
    ) STRICT
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'engagement_sync',
    'qa_entries',
    'engagement_trainings',
    'engagement_attendance',
    'engagement_supervisors',
    'consultation_comments',
    'consultations',
  ]) {
    await sql.raw(`DROP TABLE ${t}`).execute(db)
  }
}
