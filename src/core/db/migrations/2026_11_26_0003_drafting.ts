import { sql, type Kysely } from 'kysely'
import { GENRE_SEED, TOPIC_SEED } from './seed/2026_11_26_taxonomy'

/**
 * Drafting: taxonomies (seeded), the disclosure catalogue, items with their revisions, policy ↔
 * interpretation links, content-addressed attachments, the 索引号 sequence and the trigram
 * full-text index. Immutable once released (architecture doc, principle 7).
 */
const kinds = `'policy','interpretation','notice','news','data','consultation','permit','penalty','enforcement','other'`
const statuses = `'draft','pending_review','returned','approved','synced','withdrawn'`
const validities = `'valid','expired','repealed','amended'`
const revisionKinds = `'create','save','autosave','import','restore','attachment','validity'`

const statements = [
  sql`CREATE TABLE topics (
    id TEXT PRIMARY KEY NOT NULL,
    parent_id TEXT REFERENCES topics (id),
    name TEXT NOT NULL,
    position INTEGER NOT NULL,
    builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
    created_at TEXT NOT NULL
  ) STRICT`,
  sql`CREATE UNIQUE INDEX topics_name ON topics (coalesce(parent_id, ''), name)`,
  sql`CREATE TABLE genres (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL UNIQUE,
    position INTEGER NOT NULL,
    builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
    created_at TEXT NOT NULL
  ) STRICT`,
  sql`CREATE TABLE catalogue_entries (
    id TEXT PRIMARY KEY NOT NULL,
    seq INTEGER NOT NULL,
    level1 TEXT NOT NULL,
    level2 TEXT NOT NULL DEFAULT '',
    content TEXT NOT NULL DEFAULT '',
    basis TEXT NOT NULL DEFAULT '',
    time_limit TEXT NOT NULL DEFAULT '',
    subject TEXT NOT NULL DEFAULT '',
    channels TEXT NOT NULL DEFAULT '',
    audience TEXT NOT NULL DEFAULT '',
    method TEXT NOT NULL DEFAULT '',
    level TEXT NOT NULL DEFAULT '',
    rule_unit TEXT CHECK (rule_unit IN ('workday', 'day')),
    rule_count INTEGER,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`,
  sql`CREATE UNIQUE INDEX catalogue_entries_key ON catalogue_entries (level1, level2)`,
  // rid: a stable integer key for the FTS rowid (an implicit rowid may change on VACUUM).
  sql`CREATE TABLE items (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN (${sql.raw(kinds)})),
    title TEXT NOT NULL,
    body_html TEXT NOT NULL,
    body_text TEXT NOT NULL,
    issuer TEXT NOT NULL DEFAULT '',
    doc_number TEXT NOT NULL DEFAULT '',
    signed_date TEXT,
    planned_publish_date TEXT,
    published_date TEXT,
    topic_id TEXT REFERENCES topics (id),
    genre_id TEXT REFERENCES genres (id),
    validity TEXT NOT NULL DEFAULT 'valid' CHECK (validity IN (${sql.raw(validities)})),
    validity_by_id TEXT REFERENCES items (id),
    catalogue_entry_id TEXT REFERENCES catalogue_entries (id),
    due_date TEXT,
    index_number TEXT UNIQUE,
    index_year INTEGER,
    index_seq INTEGER,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN (${sql.raw(statuses)})),
    approved_content_hash TEXT,
    content_hash TEXT NOT NULL,
    revision INTEGER NOT NULL,
    author_id TEXT NOT NULL REFERENCES users (id),
    updated_by TEXT NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (index_year, index_seq)
  ) STRICT`,
  // The list's sorts and filters; rid breaks ties so paging is stable.
  sql`CREATE INDEX items_updated ON items (updated_at, rid)`,
  sql`CREATE INDEX items_signed ON items (signed_date, rid)`,
  sql`CREATE INDEX items_title ON items (title, rid)`,
  sql`CREATE INDEX items_status ON items (status, updated_at)`,
  sql`CREATE INDEX items_kind ON items (kind, updated_at)`,
  sql`CREATE INDEX items_author ON items (author_id, updated_at)`,
  sql`CREATE INDEX items_topic ON items (topic_id)`,
  sql`CREATE INDEX items_catalogue ON items (catalogue_entry_id)`,
  sql`CREATE INDEX items_due ON items (due_date) WHERE due_date IS NOT NULL`,
  sql`CREATE INDEX items_validity_by ON items (validity_by_id) WHERE validity_by_id IS NOT NULL`,
  sql`CREATE TABLE item_revisions (
    item_id TEXT NOT NULL REFERENCES items (id),
    revision INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN (${sql.raw(revisionKinds)})),
    snapshot_json TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    author_id TEXT NOT NULL REFERENCES users (id),
    author_name TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (item_id, revision)
  ) STRICT`,
  // An interpretation explains one policy; a policy may have several interpretations.
  sql`CREATE TABLE item_links (
    policy_id TEXT NOT NULL REFERENCES items (id),
    interpretation_id TEXT NOT NULL UNIQUE REFERENCES items (id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (policy_id, interpretation_id)
  ) STRICT`,
  sql`CREATE TABLE attachment_blobs (
    sha256 TEXT PRIMARY KEY NOT NULL,
    size_bytes INTEGER NOT NULL,
    text TEXT,
    text_status TEXT NOT NULL CHECK (text_status IN ('ok', 'none', 'failed')),
    text_warning TEXT,
    created_at TEXT NOT NULL
  ) STRICT`,
  sql`CREATE TABLE item_attachments (
    id TEXT PRIMARY KEY NOT NULL,
    item_id TEXT NOT NULL REFERENCES items (id),
    sha256 TEXT NOT NULL REFERENCES attachment_blobs (sha256),
    name TEXT NOT NULL,
    ext TEXT NOT NULL,
    position INTEGER NOT NULL,
    added_by TEXT REFERENCES users (id),
    added_at TEXT NOT NULL,
    UNIQUE (item_id, sha256)
  ) STRICT`,
  sql`CREATE INDEX item_attachments_item ON item_attachments (item_id, position)`,
  sql`CREATE TABLE index_sequences (
    year INTEGER PRIMARY KEY,
    last_seq INTEGER NOT NULL
  ) STRICT`,
  // Trigram full-text index (SQLite ≥ 3.34), contentless: the text lives in items/attachment_blobs.
  sql`CREATE VIRTUAL TABLE items_fts USING fts5(
    title, body_text, attachment_text,
    tokenize = 'trigram', content = '', contentless_delete = 1
  )`,
]

/** Creates the drafting tables and seeds the national 主题分类 and the 体裁分类. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db)
  const now = '2026-12-01T00:00:00.000Z'
  for (const [i, topic] of TOPIC_SEED.entries()) {
    const id = `topic-${String(i + 1).padStart(2, '0')}`
    await sql`INSERT INTO topics (id, parent_id, name, position, builtin, created_at)
      VALUES (${id}, NULL, ${topic.name}, ${i + 1}, 1, ${now})`.execute(db)
    for (const [j, child] of topic.children.entries()) {
      const childId = `${id}-${String(j + 1).padStart(2, '0')}`
      await sql`INSERT INTO topics (id, parent_id, name, position, builtin, created_at)
        VALUES (${childId}, ${id}, ${child}, ${j + 1}, 1, ${now})`.execute(db)
    }
  }
  for (const [i, name] of GENRE_SEED.entries()) {
    const id = `genre-${String(i + 1).padStart(2, '0')}`
    await sql`INSERT INTO genres (id, name, position, builtin, created_at)
      VALUES (${id}, ${name}, ${i + 1}, 1, ${now})`.execute(db)
  }
}
