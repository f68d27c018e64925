import { lstatSync, statSync } from 'node:fs'
import { copyAndHash } from '../attachments/blob-store'
import { readSchema, referenceSchema, type SchemaEntry } from '../db/database'
import type { FileInspection } from '../db/file-check'
import { MIGRATIONS } from '../db/migrations'
import { AppError } from '../errors'
import Database from 'better-sqlite3'

/**
 * A backup is untrusted input (issue 8 point 1): it may come from a USB disk someone else handled.
 * Before a restore touches the live database these checks confirm the file is a plain file of a
 * sane size, that its migrations are a prefix of this build's (a newer one is refused by
 * inspectDatabaseFile), and that its schema is exactly the one those migrations create.
 */

/** Larger than any department's database could plausibly be; refuses a file that would fill the disk. */
export const MAX_BACKUP_BYTES = 16 * 1024 ** 3

const refused = (file: string, why: string) =>
  new AppError(
    'DB_ERROR',
    `备份文件不可用（${why}）：${file}。当前数据未做任何修改；请选择其他备份文件。`,
  )

/** The chosen file itself: a regular file (not a folder, device or pipe) of a sane size. */
export function checkBackupFileStat(file: string): void {
  const stat = statSync(file)
  if (!stat.isFile()) throw refused(file, '不是普通文件')
  if (stat.size > MAX_BACKUP_BYTES) throw refused(file, '文件过大')
}

const KIND: Record<string, string> = {
  table: '数据表',
  index: '索引',
  trigger: '触发器',
  view: '视图',
}
const kindOf = (type: string) => KIND[type] ?? '对象'

/** Whitespace-insensitive SQL text, so only a real difference counts. */
const normalised = (sql: string | null) => (sql ?? '').replace(/\s+/g, ' ').trim()

/**
 * How `actual` (an untrusted `sqlite_master`) differs from `expected` (built from the migrations):
 * extra objects (a trigger that approves items behind the review), missing ones (the audit log's
 * append-only triggers), and ones whose definition or table differs (a column added or dropped).
 */
export function schemaDifferences(expected: SchemaEntry[], actual: SchemaEntry[]): string[] {
  const key = (e: SchemaEntry) => `${e.type}\u0000${e.name}`
  const out: string[] = []
  // Tables first: a missing table takes its indexes with it, and the table is what to name.
  const order = (type: string) => ['table', 'trigger', 'view', 'index'].indexOf(type)
  const byKind = (a: SchemaEntry, b: SchemaEntry) => order(a.type) - order(b.type)
  const want = new Map([...expected].sort(byKind).map((e) => [key(e), e]))
  const have = new Map([...actual].sort(byKind).map((e) => [key(e), e]))
  for (const [k, e] of want) if (!have.has(k)) out.push(`缺少${kindOf(e.type)} ${e.name}`)
  for (const [k, e] of have) {
    const ref = want.get(k)
    if (!ref) out.push(`多出${kindOf(e.type)} ${e.name}`)
    else if (ref.tblName !== e.tblName || normalised(ref.sql) !== normalised(e.sql))
      out.push(`${kindOf(e.type)} ${e.name} 结构不符`)
  }
  return out
}

const NOT_PLAIN_WAL = '随附的 -wal 文件不是普通文件（可能是链接、管道或设备）'

/**
 * Copies the chosen backup and, when one lies beside it, its `-wal` to `staged` (review finding
 * 4). Each is opened without blocking and checked on its descriptor — a FIFO, device or folder is
 * refused before anything waits on it — and capped at MAX_BACKUP_BYTES while it streams. The
 * `-wal` is looked at with lstat and must be a plain file itself: a link is refused, never followed.
 */
export async function copyBackupFiles(file: string, staged: string): Promise<void> {
  try {
    await copyAndHash(file, staged, { maxBytes: MAX_BACKUP_BYTES })
  } catch (e) {
    throw e instanceof AppError ? refused(file, e.message.replace(/，未复制$/, '')) : e
  }
  const wal = `${file}-wal`
  let stat
  try {
    stat = lstatSync(wal)
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return
    throw e
  }
  if (!stat.isFile()) throw refused(wal, NOT_PLAIN_WAL)
  if (stat.size > MAX_BACKUP_BYTES) throw refused(wal, '随附的 -wal 文件过大')
  try {
    await copyAndHash(wal, `${staged}-wal`, { maxBytes: MAX_BACKUP_BYTES, noFollow: true })
  } catch (e) {
    if (!(e instanceof AppError)) throw e
    throw refused(wal, e.message.includes('上限') ? '随附的 -wal 文件过大' : NOT_PLAIN_WAL)
  }
}

/**
 * The staged copy, already inspected: its applied migrations are this build's first N, and its
 * whole schema — every table, index, trigger and view, with its SQL — is exactly what those
 * migrations create (review finding 3). It is read with `trusted_schema = OFF`, so nothing in
 * the untrusted schema runs while it is looked at. `shownAs` is the file name used in messages.
 */
export async function checkBackupShape(
  staged: string,
  inspection: Extract<FileInspection, { kind: 'existing' }>,
  shownAs: string,
): Promise<void> {
  const known = Object.keys(MIGRATIONS).sort()
  const applied = inspection.migrations
  if (applied.length === 0) throw refused(shownAs, '没有升级记录')
  if (applied.some((name, i) => known[i] !== name))
    throw refused(shownAs, '升级记录不完整或顺序不符')
  const expected = await referenceSchema(applied[applied.length - 1] as string)
  const sqlite = new Database(staged, { readonly: true, fileMustExist: true })
  let actual: SchemaEntry[]
  try {
    sqlite.pragma('trusted_schema = OFF')
    actual = readSchema(sqlite)
  } finally {
    sqlite.close()
  }
  const differences = schemaDifferences(expected, actual)
  if (differences.length > 0) {
    const shown = differences.slice(0, 3).join('、') + (differences.length > 3 ? ' 等' : '')
    throw refused(shownAs, `数据库结构与本程序不符：${shown}`)
  }
}
