import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { BackupInfo } from '../../shared/backup/types'
import { fileStamp, localDateKey } from '../clock'
import { removeBackupBlobs } from './backup-blobs'

/** The database file inside the data folder. */
export const DB_FILE_NAME = 'disclosure-desk.sqlite'

/** `<dataDir>/backups`: automatic backups, and the default place for manual ones. */
export const backupsDir = (dataDir: string): string => join(dataDir, 'backups')

/** `<dataDir>/replaced`: databases set aside by a restore (never deleted by the app). */
export const replacedDir = (dataDir: string): string => join(dataDir, 'replaced')

const AUTO_PREFIX = 'auto-'
// A name the officer reads in 文档 (issue 10); automatic ones keep their prefix (they are pruned by it).
const MANUAL_PREFIX = '数据库备份-'

/** A file name for a new backup taken at `at` (local time), e.g. `auto-20261126-093000-000.sqlite` or `数据库备份-20261126-093000-000.sqlite`. */
export function backupFileName(kind: BackupInfo['kind'], at: Date): string {
  return `${kind === 'auto' ? AUTO_PREFIX : MANUAL_PREFIX}${fileStamp(at)}.sqlite`
}

/** True when an automatic backup of `at`'s local day is among `backups`. */
export function hasAutoBackupOn(backups: BackupInfo[], at: Date): boolean {
  const day = `${AUTO_PREFIX}${localDateKey(at).replaceAll('-', '')}-`
  return backups.some((b) => b.kind === 'auto' && b.file.split(/[\\/]/).pop()?.startsWith(day))
}

/** The backups in `<dataDir>/backups`, newest first (by the stamp in the name, then mtime). */
export function scanBackups(dataDir: string): BackupInfo[] {
  const dir = backupsDir(dataDir)
  if (!existsSync(dir)) return []
  const infos: (BackupInfo & { name: string })[] = []
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.sqlite')) continue
    const file = join(dir, name)
    const stat = statSync(file)
    if (!stat.isFile()) continue
    infos.push({
      name,
      file,
      createdAt: stat.mtime.toISOString(),
      sizeBytes: stat.size,
      kind: name.startsWith(AUTO_PREFIX) ? 'auto' : 'manual',
    })
  }
  infos.sort((a, b) =>
    a.kind === b.kind && a.name !== b.name
      ? b.name.localeCompare(a.name)
      : b.createdAt.localeCompare(a.createdAt),
  )
  return infos.map(({ name: _name, ...info }) => info)
}

/** Deletes automatic backups beyond the newest `keep`; manual backups are never deleted. */
export function pruneAutoBackups(dataDir: string, keep: number): string[] {
  const autos = scanBackups(dataDir).filter((b) => b.kind === 'auto')
  const doomed = autos.slice(Math.max(keep, 1))
  for (const b of doomed) {
    rmSync(b.file, { force: true })
    removeBackupBlobs(b.file)
  }
  return doomed.map((b) => b.file)
}

/** The same file? Compares resolved paths (case-insensitively on Windows and macOS). */
export function samePath(a: string, b: string): boolean {
  const norm = (p: string) => (process.platform === 'linux' ? resolve(p) : resolve(p).toLowerCase())
  return norm(a) === norm(b)
}

/** Creates `dir` if needed and returns it. */
export function ensureDir(dir: string): string {
  mkdirSync(dir, { recursive: true })
  return dir
}
