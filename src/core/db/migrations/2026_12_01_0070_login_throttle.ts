import { sql, type Kysely } from 'kysely'

/**
 * Issue 10 (logins are throttled; new and reset passwords are changed by their owner):
 * - `login_failures`: wrong passwords in a row per username (login and unlock), kept by username so
 *   an unknown name is counted exactly like a real one and does not reveal that it is unknown; a
 *   success or an administrator's unlock deletes the row; `locked_until` is set after too many;
 * - `users.must_change_password`: 1 after create-user or reset-password, until the owner changes it
 *   (existing accounts: 0).
 * Immutable once released; typed `Kysely<unknown>`: a migration must not depend on today's types.
 */
const statements = [
  sql`CREATE TABLE login_failures (
    username TEXT PRIMARY KEY COLLATE NOCASE,
    failed_attempts INTEGER NOT NULL,
    last_failed_at TEXT NOT NULL,
    locked_until TEXT
  ) STRICT`,
  sql`ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0`,
]

/** Adds the table and column above. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db)
}
