import { sql, type Kysely } from 'kysely'

/**
 * Foundation: meta, department, users and roles, the hash-chained audit log, settings.
 * Immutable once released (architecture doc, principle 7): change the schema in a new migration.
 * Typed `Kysely<unknown>` on purpose: a migration must not depend on today's table types.
 */
const statements = [
  sql`CREATE TABLE meta (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
  ) STRICT`,
  // Marks the file as ours in the same transaction that creates the schema.
  sql`INSERT INTO meta (key, value) VALUES ('app_id', 'disclosure-desk')`,
  sql`CREATE TABLE department (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    org_code TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`,
  sql`CREATE TABLE users (
    id TEXT PRIMARY KEY NOT NULL,
    username TEXT NOT NULL COLLATE NOCASE UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    last_login_at TEXT
  ) STRICT`,
  sql`CREATE TABLE user_roles (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('officer', 'reviewer', 'leader', 'admin')),
    PRIMARY KEY (user_id, role)
  ) STRICT`,
  sql`CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor_id TEXT,
    actor_name TEXT,
    action TEXT NOT NULL,
    target TEXT,
    before_hash TEXT,
    after_hash TEXT,
    detail_json TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
  ) STRICT`,
  // Defence in depth: the hash chain detects tampering, these triggers make it take deliberate work.
  sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, '审计日志只能追加，不能修改'); END`,
  sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, '审计日志只能追加，不能删除'); END`,
  sql`CREATE TABLE settings (
    key TEXT PRIMARY KEY NOT NULL,
    value_json TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`,
]

/** Creates the foundation tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db)
}
