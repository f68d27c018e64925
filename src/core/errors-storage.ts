import { AppError } from './errors'

/**
 * Storage failures an officer can act on (issue 8 point 10), told apart from damage: a full disk
 * and a read-only disk are not a damaged database and must not send anyone to restore a backup.
 * SQLite rolls back the statement's transaction on SQLITE_FULL, so nothing saved before is lost.
 */

export const DISK_FULL_MESSAGE =
  '磁盘空间已满，本次操作未能完成；未丢失任何已保存的数据。请清理磁盘空间（或把数据文件夹移到空间充足的磁盘）后重试。'

export const READ_ONLY_MESSAGE =
  '数据文件夹所在的磁盘是只读的，或没有写入权限，因此无法保存；数据库文件并未损坏。请检查磁盘是否写保护、文件夹权限，然后重新启动程序。'

const FULL_CODES = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT'])
const READ_ONLY_CODES = new Set([
  'SQLITE_READONLY',
  'SQLITE_READONLY_RECOVERY',
  'SQLITE_READONLY_CANTLOCK',
  'SQLITE_READONLY_ROLLBACK',
  'SQLITE_READONLY_CANTINIT',
  'SQLITE_READONLY_DIRECTORY',
  'SQLITE_READONLY_DBMOVED',
  'SQLITE_PERM',
  'EROFS',
  'EACCES',
  'EPERM',
])

/** The error code of a SQLite (better-sqlite3) or Node file-system error, if any. */
function codeOf(e: unknown): string | null {
  if (e === null || typeof e !== 'object') return null
  const code = (e as { code?: unknown }).code
  return typeof code === 'string' ? code : null
}

/** 'full' | 'read-only' for a storage error (also wrapped in `cause`), else null. */
export function storageProblem(e: unknown): 'full' | 'read-only' | null {
  for (let cur: unknown = e, depth = 0; cur && depth < 4; depth++) {
    const code = codeOf(cur)
    if (code && FULL_CODES.has(code)) return 'full'
    if (code && (READ_ONLY_CODES.has(code) || code.startsWith('SQLITE_READONLY'))) {
      return 'read-only'
    }
    cur = (cur as { cause?: unknown }).cause
  }
  return null
}

/** The Chinese AppError for a full or read-only disk, or null when `e` is something else. */
export function storageError(e: unknown): AppError | null {
  const problem = storageProblem(e)
  if (problem === 'full') return new AppError('DB_ERROR', DISK_FULL_MESSAGE)
  if (problem === 'read-only') return new AppError('DB_ERROR', READ_ONLY_MESSAGE)
  return null
}
