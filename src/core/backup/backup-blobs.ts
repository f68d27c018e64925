import {
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  rmSync,
  statfsSync,
} from 'node:fs'
import { dirname } from 'node:path'
import type { Kysely } from 'kysely'
import type { RefusedEntry } from '../../shared/backup/types'
import {
  blobPath,
  commitBlob,
  discardBlob,
  isBlobKey,
  keyedPath,
  stageBlob,
} from '../attachments/blob-store'
import type { DB } from '../db/schema'
import { AppError } from '../errors'

/**
 * Attachment files live outside the database (content-addressed under `<dataDir>/attachments`),
 * so a backup that copied only the SQLite file would restore items whose attachments are gone
 * once the data folder is lost. Every backup therefore carries the blobs its database references
 * in a sibling folder `<backup file>.attachments/`, laid out like the live store.
 *
 * A backup travels on USB disks, so on restore both its database and its folder are untrusted
 * input (issue 8 point 1): every key is checked to be a SHA-256 before it names a file, every path
 * is confirmed to stay inside its folder, and every file is hashed before it enters the live store.
 */
export const backupBlobsDir = (backupFile: string): string => `${backupFile}.attachments`

/** The store's hard ceiling for one attachment (设置 allows at most 1024 MB). */
export const MAX_BLOB_BYTES = 1024 * 1024 * 1024

interface BlobRow {
  sha256: string
  size_bytes: number
}

async function referencedBlobs(db: Kysely<DB>): Promise<BlobRow[]> {
  return db.selectFrom('attachment_blobs').select(['sha256', 'size_bytes']).execute()
}

/** At most a few characters of an untrusted key, control characters removed, for a message. */
export function quoteEntry(key: unknown): string {
  // eslint-disable-next-line no-control-regex
  const text = String(key).replace(/[\u0000-\u001f\u007f]/g, '?')
  return text.length > 12 ? `${text.slice(0, 12)}…` : text
}

/** Where blob `sha256` sits inside a backup's sibling folder (refuses a malformed key). */
const blobInBackup = (backupFile: string, sha256: string): string =>
  keyedPath(backupBlobsDir(backupFile), sha256)

/**
 * Copies every blob referenced by `db` next to the backup at `backupFile`. Blobs are immutable, so
 * a hard link is as good as a copy and costs nothing when the backup is on the same disk (the
 * daily automatic backups); a copy is made otherwise. Returns how many blobs were stored and how
 * many were already missing from the live store (reported, not fatal: the database is still backed up).
 */
export async function backupBlobs(
  db: Kysely<DB>,
  dataDir: string,
  backupFile: string,
): Promise<{ stored: number; missing: number }> {
  let stored = 0
  let missing = 0
  for (const { sha256: sha } of await referencedBlobs(db)) {
    // A malformed key cannot name a file in the live store either: nothing to copy.
    if (!isBlobKey(sha)) {
      missing++
      continue
    }
    const from = blobPath(dataDir, sha)
    if (!existsSync(from)) {
      missing++
      continue
    }
    const to = blobInBackup(backupFile, sha)
    if (existsSync(to)) {
      stored++
      continue
    }
    mkdirSync(dirname(to), { recursive: true })
    try {
      linkSync(from, to)
    } catch {
      copyFileSync(from, to)
    }
    stored++
  }
  return { stored, missing }
}

export interface RestoredBlobs {
  restored: number
  missing: number
  /** Entries of the backup that were refused, each with a Chinese reason. */
  refused: RefusedEntry[]
}

/** Ceiling on the attachments one restore brings back (review finding 15). */
export const MAX_RESTORE_BLOB_BYTES = 64 * 1024 ** 3

/** Left free on the data folder's disk after the attachments are back (the database needs room too). */
const FREE_SPACE_RESERVE = 256 * 1024 * 1024

const GB = 1024 ** 3
const gb = (n: number) => (n / GB).toFixed(1)

/** Free bytes on the disk holding `dir` (for an unprivileged user). */
export function freeBytesAt(dir: string): number {
  const s = statfsSync(dir)
  return Number(s.bavail) * Number(s.bsize)
}

export interface RestoreBlobsOptions {
  /** Total bytes one restore may copy (default MAX_RESTORE_BLOB_BYTES). */
  maxTotalBytes?: number
  /** Free bytes available for the blob store (default: fs.statfs of the data folder). */
  freeBytes?: (dir: string) => number
}

/**
 * After a restore: puts back every blob the restored database references that the live store
 * lacks, from the backup's sibling folder. A key that is not 64 lowercase hex, a file that is not
 * a plain file, has the wrong size, or whose SHA-256 is not its key is refused and reported; the
 * restore still succeeds and the officer is told which entries were refused.
 *
 * Before copying anything the total is checked against a cap and the disk's free space (review
 * finding 15), so a restore cannot fill the disk; each file is then stream-copied and hashed in
 * one async pass (the main process never blocks on a large file), capped at its recorded size.
 */
export async function restoreBlobs(
  db: Kysely<DB>,
  dataDir: string,
  backupFile: string,
  options: RestoreBlobsOptions = {},
): Promise<RestoredBlobs> {
  let restored = 0
  let missing = 0
  const refused: RefusedEntry[] = []
  const refuse = (key: unknown, reason: string) => refused.push({ entry: quoteEntry(key), reason })
  const wanted: { sha: string; saved: string; size: number }[] = []
  for (const { sha256: sha, size_bytes: size } of await referencedBlobs(db)) {
    if (!isBlobKey(sha)) {
      refuse(sha, '附件键无效（应为 64 位小写十六进制 SHA-256），未写入任何文件')
      continue
    }
    const live = blobPath(dataDir, sha)
    if (existsSync(live)) continue
    const saved = blobInBackup(backupFile, sha)
    let stat
    try {
      stat = lstatSync(saved)
    } catch {
      missing++
      continue
    }
    if (!stat.isFile()) {
      refuse(sha, '备份中的附件不是普通文件（可能是链接），未恢复')
      continue
    }
    if (stat.size > MAX_BLOB_BYTES || stat.size !== size) {
      refuse(sha, '备份中的附件大小与记录不符，未恢复')
      continue
    }
    wanted.push({ sha, saved, size })
  }

  const total = wanted.reduce((sum, w) => sum + w.size, 0)
  const cap = options.maxTotalBytes ?? MAX_RESTORE_BLOB_BYTES
  if (total > cap) {
    throw new AppError(
      'VALIDATION',
      `备份中的附件总大小 ${gb(total)} GB 超过一次恢复的上限 ${gb(cap)} GB，未恢复；当前数据未做任何修改。请确认备份文件夹是否被改动。`,
    )
  }
  if (wanted.length > 0) {
    // The data folder itself: the blob store inside it may not exist yet, and lives on its disk.
    const free = (options.freeBytes ?? freeBytesAt)(dataDir)
    if (free < total + FREE_SPACE_RESERVE) {
      throw new AppError(
        'VALIDATION',
        `磁盘空间不足：恢复附件需要约 ${gb(total + FREE_SPACE_RESERVE)} GB，数据文件夹所在磁盘只剩 ${gb(free)} GB；当前数据未做任何修改。请清理磁盘空间后重试。`,
      )
    }
  }

  for (const { sha, saved, size } of wanted) {
    let staged
    try {
      // Hash the copy we would keep, so what we verified is exactly what enters the store.
      staged = await stageBlob(dataDir, saved, { maxBytes: size, noFollow: true })
    } catch (e) {
      if (!(e instanceof AppError)) throw e
      refuse(sha, '备份中的附件不是普通文件或大小与记录不符，未恢复')
      continue
    }
    if (staged.sha256 !== sha) {
      discardBlob(staged)
      refuse(sha, '备份中的附件内容与其 SHA-256 不符（文件已被改动），未恢复')
      continue
    }
    commitBlob(dataDir, staged)
    restored++
  }
  return { restored, missing, refused }
}

/** Deletes a backup's sibling attachments folder (when the backup itself is pruned). */
export function removeBackupBlobs(backupFile: string): void {
  rmSync(backupBlobsDir(backupFile), { recursive: true, force: true })
}
