import { join } from 'node:path'
import Database from 'better-sqlite3'
import { Kysely, Migrator, sql, SqliteDialect } from 'kysely'
import { expect, onTestFinished } from 'vitest'
import { SQLITE_FILE } from '../../../src/server/db/connect'
import { SERVER_MIGRATIONS } from '../../../src/server/db/migrations'
import type { ServerDB } from '../../../src/server/db/schema'
import { makeTempDir } from '../../helpers/temp-dir'
import type { TestBackend } from './backends'

/**
 * An empty database migrated only up to (not including) the migration named `before` — what an
 * older server left — for testing what a later migration does to its rows; closed after the test.
 * SQLite: a new file in a temp folder. PostgreSQL: the test file's database emptied (its next
 * `fresh()` migrates it to the latest again).
 */
export async function databaseBefore(
  backend: TestBackend,
  before: string,
): Promise<Kysely<ServerDB>> {
  let db: Kysely<ServerDB>
  if (backend.kind === 'sqlite') {
    const { dir, cleanup } = makeTempDir('dd-server-old-')
    const file = new Database(join(dir, SQLITE_FILE))
    file.pragma('foreign_keys = ON')
    db = new Kysely<ServerDB>({ dialect: new SqliteDialect({ database: file }) })
    onTestFinished(async () => {
      await db.destroy()
      cleanup()
    })
  } else {
    db = (await backend.fresh()).db
    await sql`drop schema public cascade`.execute(db)
    await sql`create schema public`.execute(db)
  }
  const older = Object.fromEntries(
    Object.entries(SERVER_MIGRATIONS).filter(([name]) => name < before),
  )
  const { error } = await new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(older) },
  }).migrateToLatest()
  expect(error).toBeUndefined()
  return db
}
