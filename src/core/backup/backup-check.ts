import { statSync } from 'node:fs'
import { referenceTables } from '../db/database'
import type { FileInspection } from '../db/file-check'
import { MIGRATIONS } from '../db/migrations'
import { AppError } from '../errors'
import Database from 'better-sqlite3'

/**
 * A backup is untrusted input (issue 8 point 1): it may come from a USB disk someone else handled.
 * Before a restore touches the live database these checks confirm the file is a plain file of a
 * sane size, that its migrations are a prefix of this build's (a newer one is refused by
 * inspectDatabaseFile), and that it has every table those migrations create.
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

/**
 * The staged copy, already inspected: its applied migrations are this build's first N, and it has
 * every table a database at that migration has. `shownAs` is the file name used in messages.
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
  const expected = await referenceTables(applied[applied.length - 1] as string)
  const sqlite = new Database(staged, { readonly: true, fileMustExist: true })
  let present: Set<string>
  try {
    present = new Set(
      (
        sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
          name: string
        }[]
      ).map((r) => r.name),
    )
  } finally {
    sqlite.close()
  }
  const missing = [...expected].filter((t) => !present.has(t))
  if (missing.length > 0) throw refused(shownAs, `缺少数据表 ${missing.slice(0, 3).join('、')}`)
}
