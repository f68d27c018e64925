import { sql, type Kysely } from 'kysely'

/**
 * 依申请公开 (the request register): requests with their stored, derived due date (recomputed from
 * the events on every change and whenever the holiday calendar changes), the events in order, the
 * 行政复议/行政诉讼 cases, the per-year number sequence, settings (number pattern …) and the
 * department's own letter templates (built-in texts live in core, so this stays immutable).
 * Applicant name, ID and contact are personal data: kept here only, never synced.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE requests (
      id TEXT PRIMARY KEY NOT NULL,
      no TEXT NOT NULL UNIQUE,
      year INTEGER NOT NULL,
      applicant_type TEXT NOT NULL CHECK (applicant_type IN
        ('natural', 'commercial', 'research', 'public_interest', 'legal_service', 'other')),
      applicant_name TEXT NOT NULL DEFAULT '',
      applicant_id_no TEXT NOT NULL DEFAULT '',
      applicant_contact TEXT NOT NULL DEFAULT '',
      applicant_address TEXT NOT NULL DEFAULT '',
      channel TEXT NOT NULL CHECK (channel IN
        ('in_person', 'post', 'letter', 'online', 'fax', 'other')),
      submitted_date TEXT,
      channel_date TEXT,
      received_date TEXT NOT NULL,
      receipt_reason TEXT,
      content TEXT NOT NULL,
      form TEXT NOT NULL CHECK (form IN ('paper', 'electronic', 'disc', 'other')),
      form_note TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL CHECK (status IN
        ('open', 'correction', 'consultation', 'fee', 'answered', 'closed')),
      due_date TEXT,
      provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
      due_json TEXT NOT NULL DEFAULT '[]',
      correction_limit TEXT,
      answered_date TEXT,
      answer_type TEXT,
      outcome TEXT,
      imported INTEGER NOT NULL DEFAULT 0 CHECK (imported IN (0, 1)),
      created_at TEXT NOT NULL,
      created_by TEXT,
      created_by_name TEXT,
      updated_at TEXT NOT NULL
    ) STRICT
  `.execute(db)
  // The due list: open requests by status and due date.
  await sql`CREATE INDEX requests_status_due ON requests (status, due_date)`.execute(db)
  await sql`CREATE INDEX requests_received ON requests (received_date)`.execute(db)
  await sql`
    CREATE TABLE request_events (
      id TEXT PRIMARY KEY NOT NULL,
      request_id TEXT NOT NULL REFERENCES requests (id),
      seq INTEGER NOT NULL,
      kind TEXT NOT NULL,
      date TEXT NOT NULL,
      data_json TEXT NOT NULL DEFAULT '{}',
      by_id TEXT,
      by_name TEXT,
      at TEXT NOT NULL,
      UNIQUE (request_id, seq)
    ) STRICT
  `.execute(db)
  await sql`
    CREATE TABLE request_cases (
      id TEXT PRIMARY KEY NOT NULL,
      request_id TEXT NOT NULL REFERENCES requests (id),
      kind TEXT NOT NULL CHECK (kind IN
        ('reconsideration', 'litigation_direct', 'litigation_after')),
      filed_date TEXT NOT NULL,
      organ TEXT NOT NULL DEFAULT '',
      case_no TEXT NOT NULL DEFAULT '',
      outcome TEXT NOT NULL CHECK (outcome IN ('upheld', 'corrected', 'other', 'pending')),
      decided_date TEXT,
      note TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by_name TEXT
    ) STRICT
  `.execute(db)
  await sql`CREATE INDEX request_cases_request ON request_cases (request_id)`.execute(db)
  await sql`
    CREATE TABLE request_sequences (
      year INTEGER PRIMARY KEY NOT NULL,
      last_seq INTEGER NOT NULL
    ) STRICT
  `.execute(db)
  await sql`
    CREATE TABLE request_settings (
      key TEXT PRIMARY KEY NOT NULL,
      value TEXT NOT NULL
    ) STRICT
  `.execute(db)
  await sql`
    CREATE TABLE request_letter_templates (
      key TEXT PRIMARY KEY NOT NULL,
      title TEXT NOT NULL,
      body TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by_name TEXT
    ) STRICT
  `.execute(db)
}
