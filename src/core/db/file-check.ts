import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs'
import Database from 'better-sqlite3'
import { AppError } from '../errors'
import { storageError } from '../errors-storage'
import { MIGRATIONS } from './migrations'
import { APP_ID, META_KEYS } from './tables/meta'

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1')
const HEADER_SIZE = 100

/** What a database file turned out to be, before anything opens it for writing. */
export type FileInspection =
  | { kind: 'missing' | 'empty' }
  | { kind: 'existing'; appVersion: string | null; migrations: string[] }

/** The Chinese error for a file that is not (or no longer) a usable database. */
export function invalidDatabaseFile(path: string, why: string): AppError {
  return new AppError(
    'DB_ERROR',
    `文件不是有效的政务公开工作台数据库（${why}）：${path}。原文件未做任何修改；请从备份恢复，或选择其他文件。`,
  )
}

/** The Chinese error for a database written by a newer build. */
export function newerVersionError(dbVersion: string, appVersion: string): AppError {
  return new AppError(
    'DB_ERROR',
    `此数据库由更新版本的政务公开工作台创建（数据库版本 ${dbVersion}，本程序版本 ${appVersion}），请升级本程序后再打开。`,
  )
}

/**
 * Checks the 100-byte SQLite header without SQLite: magic string, page size, and — when no WAL
 * could hold the missing pages — that the file is as long as the header says (catches truncation).
 */
function checkHeader(path: string, size: number): void {
  if (size < HEADER_SIZE) throw invalidDatabaseFile(path, '文件过短')
  const header = Buffer.alloc(HEADER_SIZE)
  const fd = openSync(path, 'r')
  try {
    readSync(fd, header, 0, HEADER_SIZE, 0)
  } finally {
    closeSync(fd)
  }
  if (!header.subarray(0, 16).equals(SQLITE_MAGIC))
    throw invalidDatabaseFile(path, '不是 SQLite 文件')
  const raw = header.readUInt16BE(16)
  const pageSize = raw === 1 ? 65536 : raw
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) {
    throw invalidDatabaseFile(path, '文件头已损坏')
  }
  const walPath = `${path}-wal`
  const walHasFrames = existsSync(walPath) && statSync(walPath).size > 0
  if (walHasFrames) return
  const changeCounter = header.readUInt32BE(24)
  const pageCount = header.readUInt32BE(28)
  const validFor = header.readUInt32BE(92)
  if (size % pageSize !== 0) throw invalidDatabaseFile(path, '文件已被截断')
  if (pageCount > 0 && validFor === changeCounter && size < pageCount * pageSize) {
    throw invalidDatabaseFile(path, '文件已被截断')
  }
}

/** The tables kysely's Migrator creates for itself. */
const MIGRATOR_TABLES = new Set(['kysely_migration', 'kysely_migration_lock'])

/** How many migrations the file records as applied (0 without the table). */
function migrationCount(sqlite: Database.Database, tables: Set<string>): number {
  if (!tables.has('kysely_migration')) return 0
  return (sqlite.prepare('SELECT count(*) AS n FROM kysely_migration').get() as { n: number }).n
}

/** Reads one meta value from a raw connection, or null. */
function readMeta(sqlite: Database.Database, key: string): string | null {
  const row = sqlite.prepare('SELECT value FROM meta WHERE key = ?').get(key) as
    { value: string } | undefined
  return row?.value ?? null
}

/**
 * Inspects `path` read-only and throws a Chinese AppError unless it is missing, empty, or an intact
 * disclosure-desk database this build knows every migration of. Never writes to the file.
 */
export function inspectDatabaseFile(path: string, appVersion: string): FileInspection {
  if (!existsSync(path)) return { kind: 'missing' }
  const stat = statSync(path)
  if (!stat.isFile()) throw invalidDatabaseFile(path, '不是文件')
  if (stat.size === 0) return { kind: 'empty' }
  checkHeader(path, stat.size)

  let sqlite: Database.Database | undefined
  try {
    sqlite = new Database(path, { readonly: true, fileMustExist: true })
    const check = sqlite.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw invalidDatabaseFile(path, '完整性检查未通过')
    const tables = new Set(
      (
        sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
          name: string
        }[]
      ).map((r) => r.name),
    )
    // Only the migrator's own tables (created before its first transaction; a kill right after
    // leaves them alone): nothing was migrated yet, so the file is as good as empty.
    const ours = [...tables].filter((t) => !MIGRATOR_TABLES.has(t))
    if (ours.length === 0 && migrationCount(sqlite, tables) === 0) return { kind: 'empty' }
    if (!tables.has('meta') || readMeta(sqlite, META_KEYS.appId) !== APP_ID) {
      throw invalidDatabaseFile(path, '不是本程序的数据库')
    }
    const migrations = tables.has('kysely_migration')
      ? (
          sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as {
            name: string
          }[]
        ).map((r) => r.name)
      : []
    const dbVersion = readMeta(sqlite, META_KEYS.appVersion)
    const unknown = migrations.filter((name) => !Object.hasOwn(MIGRATIONS, name))
    if (unknown.length > 0) throw newerVersionError(dbVersion ?? unknown.join('、'), appVersion)
    return { kind: 'existing', appVersion: dbVersion, migrations }
  } catch (e) {
    if (e instanceof AppError) throw e
    // A read-only disk is not a damaged file (issue 8 point 10): say so, do not send to a backup.
    const storage = storageError(e)
    if (storage) throw storage
    // SQLITE_NOTADB, SQLITE_CORRUPT and friends: the file is not a database we can trust.
    throw invalidDatabaseFile(path, '无法读取')
  } finally {
    sqlite?.close()
  }
}
