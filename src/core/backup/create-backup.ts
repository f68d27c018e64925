import { existsSync, renameSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { BackupInfo } from '../../shared/backup/types'
import { requireRole, type Actor, auditActor } from '../accounts/actor'
import { appendAudit } from '../audit/append'
import type { Clock } from '../clock'
import type { Store } from '../db/database'
import { AppError } from '../errors'
import { readSettings } from '../settings/settings'
import {
  backupFileName,
  backupsDir,
  ensureDir,
  hasAutoBackupOn,
  pruneAutoBackups,
  samePath,
  scanBackups,
} from './backup-files'
import { backupBlobs } from './backup-blobs'
import { removeDatabaseFiles } from './restore-journal'

/**
 * Copies the live database to `dest` with SQLite's online backup (consistent while in use), then
 * the attachment files it references beside it (backup-blobs.ts). Writes a temporary file first
 * and renames it, so a crash never leaves a half backup in place.
 */
async function copyDatabase(store: Store, dataDir: string, dest: string): Promise<number> {
  const live = ['', '-wal', '-shm', '-journal'].map((suffix) => store.path + suffix)
  if (live.some((p) => samePath(p, dest))) {
    throw new AppError('VALIDATION', '不能把备份保存为当前数据库文件，请选择其他文件名')
  }
  ensureDir(dirname(dest))
  const partial = `${dest}.partial`
  removeDatabaseFiles(partial)
  try {
    await store.sqlite.backup(partial)
    renameSync(partial, dest)
  } catch (e) {
    removeDatabaseFiles(partial)
    throw e
  }
  await backupBlobs(store.db, dataDir, dest)
  return statSync(dest).size
}

/** A manual backup to a file the user chose; administrators only; audited. */
export async function createBackup(
  store: Store,
  dataDir: string,
  actor: Actor,
  dest: string,
  clock: Clock,
): Promise<BackupInfo> {
  requireRole(actor, 'admin')
  const sizeBytes = await copyDatabase(store, dataDir, dest)
  const createdAt = clock().toISOString()
  await appendAudit(
    store.db,
    {
      actor: auditActor(actor),
      action: 'backup.create',
      target: `backup:${basename(dest)}`,
      detail: { file: dest, sizeBytes },
    },
    clock,
  )
  return { file: dest, createdAt, sizeBytes, kind: 'manual' }
}

/**
 * A backup taken by the CLI (no logged-in user); audited with the system as actor. The data folder
 * (for attachments) is the database's own folder, as in the app.
 */
export async function createBackupUnattended(
  store: Store,
  dest: string,
  clock: Clock,
  via: string,
): Promise<BackupInfo> {
  const sizeBytes = await copyDatabase(store, dirname(store.path), dest)
  await appendAudit(
    store.db,
    {
      // No user signed in: the CLI itself is the actor (issue 8 point 10).
      actor: { id: null, name: via === 'cli' ? '命令行' : via },
      action: 'backup.create',
      target: `backup:${basename(dest)}`,
      detail: { file: dest, sizeBytes, via },
    },
    clock,
  )
  return { file: dest, createdAt: clock().toISOString(), sizeBytes, kind: 'manual' }
}

/** The backups in `<dataDir>/backups`, newest first; administrators only. */
export function listBackups(dataDir: string, actor: Actor): BackupInfo[] {
  requireRole(actor, 'admin')
  return scanBackups(dataDir)
}

/**
 * Takes today's automatic backup if enabled and none exists for today's local date, then deletes
 * automatic backups beyond the configured number to keep. Returns the new backup, or null.
 */
export async function maybeAutoBackup(
  store: Store,
  dataDir: string,
  clock: Clock,
): Promise<BackupInfo | null> {
  const settings = await readSettings(store.db)
  if (!settings.autoBackupEnabled) return null
  const now = clock()
  if (hasAutoBackupOn(scanBackups(dataDir), now)) return null
  const dest = join(backupsDir(dataDir), backupFileName('auto', now))
  if (existsSync(dest)) return null
  const sizeBytes = await copyDatabase(store, dataDir, dest)
  const pruned = pruneAutoBackups(dataDir, settings.autoBackupKeep)
  await appendAudit(
    store.db,
    {
      actor: null,
      action: 'backup.auto',
      target: `backup:${basename(dest)}`,
      detail: { file: dest, sizeBytes, pruned: pruned.map((f) => basename(f)) },
    },
    clock,
  )
  return { file: dest, createdAt: now.toISOString(), sizeBytes, kind: 'auto' }
}
