import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely'
import pg from 'pg'
import type { BackendKind } from './dialect'
import { serverMigrationProvider } from './migrations'
import type { ServerDB } from './schema'

/** Where the server keeps its data: an embedded SQLite file in a folder, or a PostgreSQL URL. */
export type DatabaseTarget = { kind: 'sqlite'; dataDir: string } | { kind: 'postgres'; url: string }

/** An open, migrated server database. */
export interface ServerDatabase {
  kind: BackendKind
  db: Kysely<ServerDB>
  /** Releases the connection(s). */
  close(): Promise<void>
}

/** The SQLite file name inside `--data`. */
export const SQLITE_FILE = 'server.sqlite'

/**
 * Chooses the backend the way the CLI documents it: `DATABASE_URL=postgres://…` wins, otherwise
 * SQLite in `dataDir`. Throws a Chinese message when neither is given.
 */
export function resolveTarget(dataDir: string | undefined, databaseUrl: string | undefined) {
  if (databaseUrl && /^postgres(ql)?:\/\//.test(databaseUrl)) {
    return { kind: 'postgres', url: databaseUrl } satisfies DatabaseTarget
  }
  if (databaseUrl) throw new Error('DATABASE_URL 必须以 postgres:// 或 postgresql:// 开头。')
  if (!dataDir) throw new Error('请用 --data <目录> 指定数据目录，或设置 DATABASE_URL=postgres://…')
  return { kind: 'sqlite', dataDir } satisfies DatabaseTarget
}

/** Opens the database named by `target` and migrates it to the latest schema. */
export async function openServerDatabase(
  target: DatabaseTarget,
  options: PostgresOptions = {},
): Promise<ServerDatabase> {
  const db =
    target.kind === 'sqlite' ? openSqlite(target.dataDir) : openPostgres(target.url, options)
  try {
    await migrateServerDatabase(db)
  } catch (e) {
    await db.destroy()
    throw e
  }
  return { kind: target.kind, db, close: () => db.destroy() }
}

function openSqlite(dataDir: string): Kysely<ServerDB> {
  mkdirSync(dataDir, { recursive: true })
  const sqlite = new Database(join(dataDir, SQLITE_FILE))
  // WAL lets the admin CLI write while the server runs; the busy timeout makes it wait, not fail.
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('foreign_keys = ON')
  return new Kysely<ServerDB>({ dialect: new SqliteDialect({ database: sqlite }) })
}

/** Pool settings for PostgreSQL (ignored for SQLite). */
export interface PostgresOptions {
  poolSize?: number
  /** Told about connections that broke while idle (database restart, failover). */
  onIdleError?: (error: Error) => void
}

function openPostgres(url: string, options: PostgresOptions): Kysely<ServerDB> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 })
  // Without a listener, an idle connection killed by a database restart would crash the process;
  // the pool has already dropped the broken client and opens a new one for the next query.
  pool.on('error', (error) => options.onIdleError?.(error))
  return new Kysely<ServerDB>({ dialect: new PostgresDialect({ pool }) })
}

/**
 * Runs the static migrations. kysely's migrator takes a lock table, so several instances starting
 * at once against one PostgreSQL migrate exactly once. A database written by a newer server
 * version (a migration we do not know) is refused with a Chinese message.
 */
export async function migrateServerDatabase(db: Kysely<ServerDB>): Promise<void> {
  const migrator = new Migrator({ db, provider: serverMigrationProvider })
  const { error, results } = await migrator.migrateToLatest()
  if (!error) return
  const message = error instanceof Error ? error.message : String(error)
  if (/missing/i.test(message)) {
    throw new Error(`数据库由更新版本的服务端创建（${message}），请升级服务端后再启动。`)
  }
  const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '未知'
  throw new Error(`数据库升级失败（${failed}）：${message}`)
}
