import { copyFileSync, existsSync, linkSync, mkdirSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Kysely } from 'kysely'
import { blobPath } from '../attachments/blob-store'
import type { DB } from '../db/schema'

/**
 * Attachment files live outside the database (content-addressed under `<dataDir>/attachments`),
 * so a backup that copied only the SQLite file would restore items whose attachments are gone
 * once the data folder is lost. Every backup therefore carries the blobs its database references
 * in a sibling folder `<backup file>.attachments/`, laid out like the live store.
 */
export const backupBlobsDir = (backupFile: string): string => `${backupFile}.attachments`

async function referencedBlobs(db: Kysely<DB>): Promise<string[]> {
  const rows = await db.selectFrom('attachment_blobs').select('sha256').execute()
  return rows.map((r) => r.sha256)
}

/** Where blob `sha256` sits inside a backup's sibling folder. */
const blobInBackup = (backupFile: string, sha256: string): string =>
  join(backupBlobsDir(backupFile), sha256.slice(0, 2), sha256)

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
  for (const sha of await referencedBlobs(db)) {
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

/**
 * After a restore: puts back every blob the restored database references that the live store
 * lacks, from the backup's sibling folder. Returns how many were put back and how many could not
 * be found anywhere (the restore still succeeds; the officer is told).
 */
export async function restoreBlobs(
  db: Kysely<DB>,
  dataDir: string,
  backupFile: string,
): Promise<{ restored: number; missing: number }> {
  let restored = 0
  let missing = 0
  for (const sha of await referencedBlobs(db)) {
    const live = blobPath(dataDir, sha)
    if (existsSync(live)) continue
    const saved = blobInBackup(backupFile, sha)
    if (!existsSync(saved)) {
      missing++
      continue
    }
    mkdirSync(dirname(live), { recursive: true })
    copyFileSync(saved, live)
    restored++
  }
  return { restored, missing }
}

/** Deletes a backup's sibling attachments folder (when the backup itself is pruned). */
export function removeBackupBlobs(backupFile: string): void {
  rmSync(backupBlobsDir(backupFile), { recursive: true, force: true })
}
