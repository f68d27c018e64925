import { existsSync, statSync } from 'node:fs'
import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { RestoreCounts, SetAsideDecision } from '../../shared/backup/types'
import { openDatabase, type Store } from '../db/database'
import { inspectDatabaseFile, invalidDatabaseFile } from '../db/file-check'
import type { DB } from '../db/schema'
import { AppError } from '../errors'
import { checkBackupFileStat, checkBackupShape, copyBackupFiles } from './backup-check'
import { auditSinceBackup, type CarriedRow } from './carried-audit'
import { removeDatabaseFiles } from './restore-journal'

/**
 * The first half of a restore, shared with the preview: copies the (untrusted) backup beside the
 * live database, validates the copy — never the file itself — and opens it, migrating it to this
 * build's schema. Nothing about the live database changes here.
 */
export async function stageBackup(
  file: string,
  staged: string,
  appVersion: string,
): Promise<Store> {
  if (!existsSync(file)) throw new AppError('NOT_FOUND', `找不到备份文件：${file}，请重新选择。`)
  checkBackupFileStat(file)
  removeDatabaseFiles(staged)
  try {
    await copyBackupFiles(file, staged)
    const inspection = inspectDatabaseFile(staged, appVersion)
    if (inspection.kind !== 'existing') throw invalidDatabaseFile(file, '文件为空')
    await checkBackupShape(staged, inspection, file)
    // The read-only check may leave a shared-memory index behind; SQLite rebuilds it on open.
    removeDatabaseFiles(`${staged}-shm`)
    return await openDatabase(staged, { appVersion })
  } catch (e) {
    removeDatabaseFiles(staged)
    if (e instanceof AppError) {
      throw new AppError(e.code, e.message.replaceAll(staged, file), e.details)
    }
    throw e
  }
}

/** How many items, users, attachments and audit entries a database holds. */
export async function countsOf(db: Kysely<DB>): Promise<RestoreCounts> {
  const count = async (table: 'items' | 'users' | 'attachment_blobs' | 'audit_log') => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst()
    return Number(row?.n ?? 0)
  }
  return {
    items: await count('items'),
    users: await count('users'),
    attachments: await count('attachment_blobs'),
    auditEntries: await count('audit_log'),
  }
}

/** The newest change recorded in a database (an audit entry or an item edit). */
export async function dataAsOf(db: Kysely<DB>): Promise<string | null> {
  const row = await sql<{ at: string | null }>`
    SELECT max(at) AS at FROM (
      SELECT max(at) AS at FROM audit_log UNION ALL SELECT max(updated_at) FROM items
    )`.execute(db)
  return row.rows[0]?.at ?? null
}

/** What restoring `backup` over `live` sets aside: decisions, changed items, later audit entries. */
export interface SetAside {
  decisions: SetAsideDecision[]
  decisionsTotal: number
  itemsChanged: number
  carried: CarriedRow[]
}

export async function setAsideBy(live: Kysely<DB>, backup: Kysely<DB>): Promise<SetAside> {
  const backupDecisions = new Set(
    (await backup.selectFrom('review_decisions').select('id').execute()).map((r) => r.id),
  )
  const liveDecisions = await live
    .selectFrom('review_decisions as d')
    .innerJoin('reviews as r', 'r.id', 'd.review_id')
    .innerJoin('items as i', 'i.id', 'r.item_id')
    .select(['d.id', 'i.title', 'd.step_name', 'd.decision', 'd.decider_name', 'd.decided_at'])
    .orderBy('d.decided_at', 'desc')
    .execute()
  const lost = liveDecisions.filter((d) => !backupDecisions.has(d.id))

  const backupItems = new Map(
    (await backup.selectFrom('items').select(['id', 'revision']).execute()).map((r) => [
      r.id,
      r.revision,
    ]),
  )
  const liveItems = await live.selectFrom('items').select(['id', 'revision']).execute()
  const itemsChanged = liveItems.filter((i) => backupItems.get(i.id) !== i.revision).length

  return {
    decisions: lost.slice(0, 50).map((d) => ({
      itemTitle: d.title || '（无标题）',
      stepName: d.step_name,
      decision: d.decision,
      deciderName: d.decider_name,
      decidedAt: d.decided_at,
    })),
    decisionsTotal: lost.length,
    itemsChanged,
    carried: await auditSinceBackup(live, backup),
  }
}

/** The backup file's modification time. */
export const fileTime = (file: string): string => statSync(file).mtime.toISOString()
