import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { Kysely, Migrator, SqliteAdapter, SqliteDialect, type DialectAdapter } from 'kysely'
import { recoverInterruptedRestore } from '../backup/restore-journal'
import { AppError } from '../errors'
import { storageError } from '../errors-storage'
import { inspectDatabaseFile } from './file-check'
import { staticMigrationProvider } from './migrations'
import type { DB } from './schema'
import { META_KEYS } from './tables/meta'

/** An open local store: the raw connection (for backup and pragmas) and the typed query builder. */
export interface Store {
  path: string
  sqlite: Database.Database
  db: Kysely<DB>
}

export interface OpenDatabaseOptions {
  /** This build's version; stored in `meta` and named in the "newer version" error. */
  appVersion: string
  /** Open without migrating or writing anything (the CLI's verify). */
  readonly?: boolean
  /** Migrate only up to this migration (builds "old version" fixtures in tests). */
  migrateTo?: string
  /** Called with every SQL statement just before SQLite runs it (diagnostics; the kill test). */
  trace?: (sql: unknown) => void
}

/** Wraps a raw connection in kysely. */
function toKysely(sqlite: Database.Database): Kysely<DB> {
  return new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) })
}

/**
 * Opens (creating if needed) the SQLite store at `path`: settles an interrupted restore
 * (backup/restore-journal.ts), checks the file before touching it, sets
 * WAL, foreign keys and a busy timeout, runs the migrations, and records the app version.
 * Throws AppError('DB_ERROR') with a Chinese message for a damaged, foreign or newer database.
 */
export async function openDatabase(path: string, options: OpenDatabaseOptions): Promise<Store> {
  // A restore interrupted by a crash is finished or rolled back before anything opens the file.
  if (!options.readonly) recoverInterruptedRestore(path)
  const inspection = inspectDatabaseFile(path, options.appVersion)
  if (options.readonly) {
    if (inspection.kind !== 'existing') {
      throw new AppError('DB_ERROR', `数据库文件不存在或为空：${path}，请检查路径。`)
    }
    const sqlite = new Database(path, { readonly: true, fileMustExist: true })
    sqlite.pragma('busy_timeout = 5000')
    return { path, sqlite, db: toKysely(sqlite) }
  }

  let sqlite: Database.Database
  try {
    mkdirSync(dirname(path), { recursive: true })
    sqlite = new Database(path, options.trace ? { verbose: options.trace } : {})
  } catch (e) {
    throw storageError(e) ?? e
  }
  const db = toKysely(sqlite)
  try {
    sqlite.pragma('busy_timeout = 5000')
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = NORMAL')
    sqlite.pragma('foreign_keys = ON')
    await migrate(sqlite, options.migrateTo)
    await db
      .insertInto('meta')
      .values([
        { key: META_KEYS.createdByVersion, value: options.appVersion },
        { key: META_KEYS.appVersion, value: options.appVersion },
      ])
      .onConflict((oc) => oc.column('key').doNothing())
      .execute()
    await db
      .updateTable('meta')
      .set({ value: options.appVersion })
      .where('key', '=', META_KEYS.appVersion)
      .execute()
    return { path, sqlite, db }
  } catch (e) {
    await db.destroy()
    // A full or read-only disk (pragmas, migrations): said as such, never "damaged".
    throw storageError(e) ?? e
  }
}

/**
 * SQLite's DDL *is* transactional, but kysely's SqliteAdapter says it is not, so its Migrator ran
 * each statement in its own implicit transaction and a kill mid-migration left a half-built schema
 * that no later start could migrate (issue 8 point 2). This adapter tells the Migrator the truth,
 * so it runs the pending migrations and its own bookkeeping (`kysely_migration` rows) inside one
 * SQLite transaction: a kill at any statement leaves the database as it was before, or migrated.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true
  }
}

/** A kysely instance on `sqlite` whose Migrator runs the migrations in one transaction. */
function migratingKysely(sqlite: Database.Database): Kysely<DB> {
  const dialect = new (class extends SqliteDialect {
    override createAdapter(): DialectAdapter {
      return new TransactionalDdlSqliteAdapter()
    }
  })({ database: sqlite })
  return new Kysely<DB>({ dialect })
}

/**
 * Runs the static migrations up to `target` (default: latest), all pending ones plus the
 * migrator's bookkeeping in ONE SQLite transaction; a failure rolls back and becomes DB_ERROR.
 */
async function migrate(sqlite: Database.Database, target?: string): Promise<void> {
  // Not destroyed afterwards: destroying would close the connection, which the store keeps using.
  const db = migratingKysely(sqlite)
  const migrator = new Migrator({ db, provider: staticMigrationProvider })
  const { error, results } = target
    ? await migrator.migrateTo(target)
    : await migrator.migrateToLatest()
  if (error) {
    const storage = storageError(error)
    if (storage) throw storage
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '未知'
    throw new AppError('DB_ERROR', `数据库升级失败（${failed}），请联系管理员并保留数据库文件。`, {
      cause: error instanceof Error ? error.message : String(error),
    })
  }
}

/** One schema object of a database: what `sqlite_master` says about it. */
export interface SchemaEntry {
  type: string
  name: string
  tblName: string
  sql: string | null
}

/**
 * Every schema object (tables, indexes, triggers, views) a database migrated exactly up to `upTo`
 * has, built in memory from the migrations themselves. A restore refuses an untrusted backup whose
 * `sqlite_master` differs from it in any way (review finding 3).
 */
export async function referenceSchema(upTo: string): Promise<SchemaEntry[]> {
  const sqlite = new Database(':memory:')
  try {
    await migrate(sqlite, upTo)
    return readSchema(sqlite)
  } finally {
    sqlite.close()
  }
}

/** `sqlite_master` of an open connection, in a stable order. */
export function readSchema(sqlite: Database.Database): SchemaEntry[] {
  return sqlite
    .prepare(
      'SELECT type, name, tbl_name AS tblName, sql FROM sqlite_master ORDER BY type, name, tbl_name',
    )
    .all() as SchemaEntry[]
}

/** Closes the store (kysely destroys the connection; WAL is checkpointed by SQLite on close). */
export async function closeDatabase(store: Store): Promise<void> {
  await store.db.destroy()
}
