import { copyFileSync, existsSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { RestoreResult } from '../../shared/types'
import { requireRole, type Actor } from '../accounts/actor'
import { appendAudit } from '../audit/append'
import { fileStamp, type Clock } from '../clock'
import { closeDatabase, openDatabase, type Store } from '../db/database'
import { inspectDatabaseFile, invalidDatabaseFile } from '../db/file-check'
import { AppError } from '../errors'
import {
  ensureDir,
  moveDatabaseFiles,
  removeDatabaseFiles,
  replacedDir,
  samePath,
} from './backup-files'
import { restoreBlobs } from './backup-blobs'
import { checkBackupFileStat, checkBackupShape } from './backup-check'

/** The AppCore's handle on its store, swapped in place by a restore. */
export interface StoreHolder {
  store: Store
}

export interface RestoreOptions {
  dataDir: string
  appVersion: string
  clock: Clock
}

/**
 * Validates a copy of `file` (never the file itself), and only then replaces the live database:
 * closes it, keeps it in `<dataDir>/replaced/<timestamp>.sqlite`, moves the copy in, reopens and
 * migrates. If reopening fails the kept database is put back. Administrators only; audited in the
 * restored database.
 */
export async function restoreBackup(
  holder: StoreHolder,
  actor: Actor,
  file: string,
  options: RestoreOptions,
): Promise<RestoreResult> {
  requireRole(actor, 'admin')
  const livePath = holder.store.path
  if (!existsSync(file)) throw new AppError('NOT_FOUND', `找不到备份文件：${file}，请重新选择。`)
  if (samePath(file, livePath)) {
    throw new AppError('VALIDATION', '所选文件就是当前数据库，请选择一个备份文件')
  }

  const stamp = fileStamp(options.clock())
  const staged = `${livePath}.restoring-${stamp}`
  removeDatabaseFiles(staged)
  checkBackupFileStat(file)
  try {
    copyFileSync(file, staged)
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${staged}-wal`)
    const inspection = inspectDatabaseFile(staged, options.appVersion)
    if (inspection.kind !== 'existing') throw invalidDatabaseFile(file, '文件为空')
    await checkBackupShape(staged, inspection, file)
    // The read-only check may leave a shared-memory index behind; SQLite rebuilds it on open.
    removeDatabaseFiles(`${staged}-shm`)
  } catch (e) {
    removeDatabaseFiles(staged)
    if (e instanceof AppError) {
      throw new AppError(e.code, e.message.replaceAll(staged, file), e.details)
    }
    throw e
  }

  await closeDatabase(holder.store)
  const keptAt = join(ensureDir(replacedDir(options.dataDir)), `${stamp}.sqlite`)
  moveDatabaseFiles(livePath, keptAt)
  moveDatabaseFiles(staged, livePath)
  try {
    holder.store = await openDatabase(livePath, { appVersion: options.appVersion })
  } catch (e) {
    // Put the previous database back so the app keeps working, then report the failure.
    removeDatabaseFiles(livePath)
    moveDatabaseFiles(keptAt, livePath)
    holder.store = await openDatabase(livePath, { appVersion: options.appVersion })
    throw e instanceof AppError
      ? e
      : new AppError('DB_ERROR', '恢复失败，已保留原数据库不变，请检查备份文件后重试。')
  }

  // Attachments are files beside the database: bring back those the restored items reference.
  const blobs = await restoreBlobs(holder.store.db, options.dataDir, file)
  await appendAudit(
    holder.store.db,
    {
      actor: { id: actor.id, name: actor.displayName },
      action: 'backup.restore',
      target: `backup:${basename(file)}`,
      detail: {
        from: file,
        previousKeptAt: keptAt,
        attachmentsRestored: blobs.restored,
        attachmentsMissing: blobs.missing,
        attachmentsRefused: blobs.refused.length,
        refused: blobs.refused.slice(0, 20),
      },
    },
    options.clock,
  )
  return {
    restoredFrom: file,
    previousKeptAt: keptAt,
    attachmentsRestored: blobs.restored,
    attachmentsMissing: blobs.missing,
    refused: blobs.refused,
    notice: restoreNotice(keptAt, blobs),
  }
}

/** The one Chinese sentence the officer reads after a restore. */
export function restoreNotice(
  keptAt: string,
  blobs: { restored: number; missing: number; refused: { entry: string; reason: string }[] },
): string {
  const parts = [`已从备份恢复。原数据库已另存到 ${keptAt}`]
  if (blobs.restored > 0) parts.push(`已放回 ${blobs.restored} 个附件文件`)
  if (blobs.missing > 0) parts.push(`注意：有 ${blobs.missing} 个附件文件在备份中找不到`)
  if (blobs.refused.length > 0) {
    const shown = blobs.refused
      .slice(0, 3)
      .map((r) => `「${r.entry}」${r.reason}`)
      .join('；')
    parts.push(
      `已拒绝 ${blobs.refused.length} 个不安全或已损坏的备份条目，未写入任何文件：${shown}` +
        (blobs.refused.length > 3 ? ' 等' : ''),
    )
  }
  return `${parts.join('。')}。`
}
