import { existsSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { RestorePreview, RestoreResult } from '../../shared/backup/types'
import { requireRole, type Actor, auditActor } from '../accounts/actor'
import { appendAudit, type AuditActor } from '../audit/append'
import { fileStamp, type Clock } from '../clock'
import { closeDatabase, openDatabase } from '../db/database'
import type { StoreHolder } from '../db/store-holder'
import { META_KEYS } from '../db/tables/meta'
import { AppError } from '../errors'
import { ensureDir, replacedDir, samePath } from './backup-files'
import { restoreBlobs, type RestoredBlobs } from './backup-blobs'
import { carriedSection } from './carried-audit'
import {
  moveDatabaseFiles,
  recoverInterruptedRestore,
  removeDatabaseFiles,
  removeMarker,
  syncFile,
  writeMarker,
  type RestoreMarker,
  type RestoreState,
} from './restore-journal'
import { countsOf, dataAsOf, fileTime, setAsideBy, stageBackup } from './restore-stage'

/** The points between the steps of a restore, where a test's fault hook may "crash" it. */
export const RESTORE_FAULT_POINTS = [
  'marker-written',
  'live-closed',
  'live-moved',
  'live-moved-marked',
  'swapped',
  'swapped-marked',
  'reopened',
  'audited-marked',
] as const
export type RestoreFaultPoint = (typeof RESTORE_FAULT_POINTS)[number]

export interface RestoreOptions {
  dataDir: string
  appVersion: string
  clock: Clock
  /**
   * Tests only: called at each point between steps; a throw there stands for the process dying
   * at that moment (nothing after it runs, no clean-up), and the next start must recover.
   */
  fault?: (point: RestoreFaultPoint) => void
  /** The actor as the audit records it; defaults to the user (the CLI passes 「命令行」). */
  auditActor?: AuditActor
}

/** Thrown by a test's fault hook: a simulated crash, passed through untouched. */
export class SimulatedCrash extends Error {
  override readonly name = 'SimulatedCrash'
}

const stagedPathFor = (livePath: string, stamp: string) => `${livePath}.restoring-${stamp}`

function refuseLive(file: string, livePath: string): void {
  if (!existsSync(file)) throw new AppError('NOT_FOUND', `找不到备份文件：${file}，请重新选择。`)
  if (samePath(file, livePath)) {
    throw new AppError('VALIDATION', '所选文件就是当前数据库，请选择一个备份文件')
  }
}

/**
 * What restoring `file` would do, without doing it: the backup's date and contents, and what in
 * the live database it would set aside (review decisions, changed items, later audit entries).
 * Works on a throw-away validated copy; administrators only.
 */
export async function previewRestore(
  holder: StoreHolder,
  actor: Actor,
  file: string,
  options: Pick<RestoreOptions, 'dataDir' | 'appVersion' | 'clock'>,
  token: string,
): Promise<RestorePreview> {
  requireRole(actor, 'admin')
  const livePath = holder.store.path
  refuseLive(file, livePath)
  const probe = `${stagedPathFor(livePath, fileStamp(options.clock()))}-preview`
  const staged = await stageBackup(file, probe, options.appVersion)
  try {
    const aside = await setAsideBy(holder.store.db, staged.db)
    return {
      token,
      file,
      fileTime: fileTime(file),
      dataAsOf: await dataAsOf(staged.db),
      appVersion:
        (
          await staged.db
            .selectFrom('meta')
            .select('value')
            .where('key', '=', META_KEYS.appVersion)
            .executeTakeFirst()
        )?.value ?? null,
      backup: await countsOf(staged.db),
      live: await countsOf(holder.store.db),
      setAside: {
        decisions: aside.decisions,
        decisionsTotal: aside.decisionsTotal,
        itemsChanged: aside.itemsChanged,
        auditEntries: aside.carried.length,
      },
      keptIn: replacedDir(options.dataDir),
    }
  } finally {
    await closeDatabase(staged)
    removeDatabaseFiles(probe)
  }
}

/**
 * Replaces the live database with a validated copy of `file`, as a recoverable state machine
 * (restore-journal.ts). Before any rename, the copy is migrated and already holds the restore's
 * audit entries — the replaced database's entries since the backup, carried as one sealed
 * 「恢复前记录」 entry, and the `backup.restore` entry — so whenever the new database is in place,
 * the restore is recorded. The live database is kept in `<dataDir>/replaced/`. Administrators only.
 */
export async function restoreBackup(
  holder: StoreHolder,
  actor: Actor,
  file: string,
  options: RestoreOptions,
): Promise<RestoreResult> {
  requireRole(actor, 'admin')
  const livePath = holder.store.path
  refuseLive(file, livePath)
  const fault = options.fault ?? (() => {})
  const stamp = fileStamp(options.clock())
  const staged = stagedPathFor(livePath, stamp)
  const keptAt = join(replacedDir(options.dataDir), `${stamp}.sqlite`)
  const who = options.auditActor ?? auditActor(actor)

  // 1. Stage: validate, migrate, restore attachments, write the audit — all into the copy.
  const copy = await stageBackup(file, staged, options.appVersion)
  let blobs: RestoredBlobs
  let carriedCount: number
  try {
    const aside = await setAsideBy(holder.store.db, copy.db)
    // Attachments go into the live store (content-addressed: harmless if the restore is undone).
    blobs = await restoreBlobs(copy.db, options.dataDir, file)
    carriedCount = aside.carried.length
    await copy.db.transaction().execute(async (trx) => {
      if (aside.carried.length > 0) {
        await appendAudit(
          trx,
          {
            actor: who,
            action: 'backup.restore.carried',
            target: `backup:${basename(keptAt)}`,
            detail: { ...carriedSection(aside.carried, basename(keptAt)) },
          },
          options.clock,
        )
      }
      await appendAudit(
        trx,
        {
          actor: who,
          action: 'backup.restore',
          target: `backup:${basename(file)}`,
          detail: {
            from: file,
            previousKeptAt: keptAt,
            attachmentsRestored: blobs.restored,
            attachmentsMissing: blobs.missing,
            attachmentsRefused: blobs.refused.length,
            refused: blobs.refused.slice(0, 20),
            carriedEntries: aside.carried.length,
            decisionsSetAside: aside.decisionsTotal,
            itemsSetAside: aside.itemsChanged,
          },
        },
        options.clock,
      )
    })
    await closeDatabase(copy)
    syncFile(staged)
  } catch (e) {
    await closeDatabase(copy)
    removeDatabaseFiles(staged)
    throw e
  }

  // 2. Swap, with the marker written before the first rename and after every step.
  const marker: RestoreMarker = {
    state: 'staged',
    live: livePath,
    staged,
    keptAt,
    from: file,
    startedAt: options.clock().toISOString(),
  }
  const mark = (state: RestoreState) => writeMarker({ ...marker, state })
  let liveClosed = false
  try {
    ensureDir(replacedDir(options.dataDir))
    mark('staged')
    fault('marker-written')
    await closeDatabase(holder.store)
    liveClosed = true
    fault('live-closed')
    moveDatabaseFiles(livePath, keptAt)
    fault('live-moved')
    mark('live-moved')
    fault('live-moved-marked')
    moveDatabaseFiles(staged, livePath)
    fault('swapped')
    mark('swapped')
    fault('swapped-marked')
    holder.store = await openDatabase(livePath, { appVersion: options.appVersion })
    fault('reopened')
    mark('audited')
    fault('audited-marked')
    removeMarker(livePath)
  } catch (e) {
    if (e instanceof SimulatedCrash) throw e
    if (!liveClosed) {
      // Nothing was renamed and the live store is still open: just drop the copy.
      removeDatabaseFiles(staged)
      removeMarker(livePath)
      throw e
    }
    // A real failure (a rename refused, the copy not opening): settle the files as a restart
    // would, put a working database back in the holder, and say what happened.
    await settleAfterFailure(holder, livePath, keptAt, options.appVersion)
    throw e instanceof AppError
      ? e
      : new AppError('DB_ERROR', '恢复未能完成，已保留原数据库不变，请检查备份文件后重试。')
  }

  return {
    restoredFrom: file,
    previousKeptAt: keptAt,
    attachmentsRestored: blobs.restored,
    attachmentsMissing: blobs.missing,
    refused: blobs.refused,
    notice: restoreNotice(keptAt, blobs, carriedCount),
  }
}

/** After a failed swap: the old database back in place if the new one cannot be opened. */
async function settleAfterFailure(
  holder: StoreHolder,
  livePath: string,
  keptAt: string,
  appVersion: string,
): Promise<void> {
  recoverInterruptedRestore(livePath)
  try {
    holder.store = await openDatabase(livePath, { appVersion })
  } catch {
    if (existsSync(keptAt)) {
      removeDatabaseFiles(livePath)
      moveDatabaseFiles(keptAt, livePath)
    }
    holder.store = await openDatabase(livePath, { appVersion })
  }
}

/** The one Chinese sentence the officer reads after a restore. */
export function restoreNotice(
  keptAt: string,
  blobs: { restored: number; missing: number; refused: { entry: string; reason: string }[] },
  carried = 0,
): string {
  const parts = [`已从备份恢复。原数据库已另存到 ${keptAt}`]
  if (carried > 0) parts.push(`原数据库在备份之后的 ${carried} 条审计记录已作为「恢复前记录」保留`)
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
