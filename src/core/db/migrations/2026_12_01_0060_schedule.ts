import { sql, type Kysely } from 'kysely'

/**
 * 工作配档表 (the department's work schedule, built from the district's 重点工作分解表) and
 * 政府开放活动 (open-government activities). Every row has a UUIDv7 id and `updated_at`, and rows
 * are removed by setting `deleted_at`, so a later sync can carry changes and deletions as they are.
 * Immutable once released.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per year's table: the title read from the district's file and the last import.
  await sql`
    CREATE TABLE schedule_years (
      year INTEGER PRIMARY KEY NOT NULL,
      title TEXT NOT NULL,
      source_file TEXT,
      source_sha256 TEXT,
      imported_at TEXT,
      imported_by_name TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT
  `.execute(db)
  await sql`
    CREATE TABLE schedule_tasks (
      id TEXT PRIMARY KEY NOT NULL,
      year INTEGER NOT NULL,
      seq INTEGER NOT NULL,
      section TEXT NOT NULL DEFAULT '',
      number TEXT NOT NULL DEFAULT '',
      category TEXT NOT NULL DEFAULT '',
      requirement TEXT NOT NULL DEFAULT '',
      lead_unit TEXT NOT NULL DEFAULT '',
      lead_leader TEXT NOT NULL DEFAULT '',
      district_deadline TEXT NOT NULL DEFAULT '',
      own_auto INTEGER NOT NULL DEFAULT 0 CHECK (own_auto IN (0, 1)),
      own_manual INTEGER CHECK (own_manual IN (0, 1)),
      source TEXT NOT NULL CHECK (source IN ('import', 'manual', 'district')),
      disclosure_content TEXT NOT NULL DEFAULT '',
      section_office TEXT NOT NULL DEFAULT '',
      owner TEXT NOT NULL DEFAULT '',
      deadline_text TEXT,
      completion TEXT NOT NULL DEFAULT '',
      completed_on TEXT,
      note TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by_name TEXT,
      deleted_at TEXT
    ) STRICT
  `.execute(db)
  await sql`CREATE INDEX schedule_tasks_year ON schedule_tasks (year, seq)`.execute(db)
  await sql`
    CREATE TABLE schedule_measures (
      id TEXT PRIMARY KEY NOT NULL,
      task_id TEXT NOT NULL REFERENCES schedule_tasks (id),
      seq INTEGER NOT NULL,
      text TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    ) STRICT
  `.execute(db)
  await sql`CREATE INDEX schedule_measures_task ON schedule_measures (task_id, seq)`.execute(db)
  // 进展情况: append-only history, each entry dated by the officer.
  await sql`
    CREATE TABLE schedule_progress (
      id TEXT PRIMARY KEY NOT NULL,
      task_id TEXT NOT NULL REFERENCES schedule_tasks (id),
      date TEXT NOT NULL,
      text TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT,
      created_by_name TEXT,
      updated_at TEXT NOT NULL
    ) STRICT
  `.execute(db)
  await sql`CREATE INDEX schedule_progress_task ON schedule_progress (task_id, date)`.execute(db)
  // 佐证材料: links to disclosure items; whether each is published is read from the item itself.
  await sql`
    CREATE TABLE schedule_evidence (
      id TEXT PRIMARY KEY NOT NULL,
      task_id TEXT NOT NULL REFERENCES schedule_tasks (id),
      item_id TEXT NOT NULL REFERENCES items (id),
      created_at TEXT NOT NULL,
      created_by_name TEXT,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    ) STRICT
  `.execute(db)
  await sql`
    CREATE UNIQUE INDEX schedule_evidence_one ON schedule_evidence (task_id, item_id)
      WHERE deleted_at IS NULL
  `.execute(db)
  await sql`CREATE INDEX schedule_evidence_item ON schedule_evidence (item_id)`.execute(db)

  await sql`
    CREATE TABLE open_activities (
      id TEXT PRIMARY KEY NOT NULL,
      year INTEGER NOT NULL,
      unit_name TEXT NOT NULL,
      title TEXT NOT NULL,
      planned_date TEXT,
      planned_time_text TEXT NOT NULL DEFAULT '',
      location TEXT NOT NULL DEFAULT '',
      form TEXT NOT NULL,
      channel TEXT NOT NULL CHECK (channel IN ('offline', 'online', 'both')),
      content TEXT NOT NULL DEFAULT '',
      invitees TEXT NOT NULL DEFAULT '',
      invitee_count INTEGER,
      signup TEXT NOT NULL DEFAULT '',
      contact TEXT NOT NULL DEFAULT '',
      phone TEXT NOT NULL DEFAULT '',
      note TEXT NOT NULL DEFAULT '',
      held_on TEXT,
      summary TEXT NOT NULL DEFAULT '',
      participants TEXT NOT NULL DEFAULT '',
      participant_count INTEGER,
      item_id TEXT REFERENCES items (id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by_name TEXT,
      deleted_at TEXT
    ) STRICT
  `.execute(db)
  await sql`CREATE INDEX open_activities_year ON open_activities (year, planned_date)`.execute(db)
  // 意见及采纳情况: one row per opinion received at an activity and how it was answered.
  await sql`
    CREATE TABLE activity_opinions (
      id TEXT PRIMARY KEY NOT NULL,
      activity_id TEXT NOT NULL REFERENCES open_activities (id),
      seq INTEGER NOT NULL,
      opinion TEXT NOT NULL,
      adoption TEXT NOT NULL CHECK (adoption IN ('adopted', 'partly', 'not_adopted', 'pending')),
      response TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    ) STRICT
  `.execute(db)
  await sql`CREATE INDEX activity_opinions_activity ON activity_opinions (activity_id, seq)`.execute(
    db,
  )
}
