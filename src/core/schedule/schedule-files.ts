import { readFile, writeFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { Kysely } from 'kysely'
import type { ExportResult, ImportResult } from '../../shared/schedule/types'
import type { Actor } from '../accounts/actor'
import { appendAudit } from '../audit/append'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { AppError } from '../errors'
import type { IdSource } from '../ids'
import { exportScheduleXlsx, type ExportScope } from './export-schedule'
import { importBreakdown, type BreakdownFile, type BreakdownOptions } from './import-breakdown'
import { auditActor } from '../accounts/actor'

/** The file services take paths (the CLI, tests); the handlers get the path from a dialog. */

/** Reads a breakdown file from disk as the importer takes it. */
export async function readBreakdownFile(path: string): Promise<BreakdownFile> {
  try {
    return { bytes: await readFile(path), fileName: basename(path) }
  } catch {
    throw new AppError('NOT_FOUND', `无法读取文件「${path}」：文件不存在或没有读取权限`)
  }
}

/** Imports the breakdown at `path` (see importBreakdown). */
export async function importBreakdownFile(
  db: Kysely<DB>,
  actor: Actor | null,
  path: string,
  options: BreakdownOptions,
  clock: Clock,
  ids: IdSource,
): Promise<ImportResult> {
  return importBreakdown(db, actor, await readBreakdownFile(path), options, clock, ids)
}

/** Writes bytes to a file the user chose, with a Chinese message when it cannot. */
export async function writeExport(file: string, bytes: Buffer): Promise<void> {
  try {
    await writeFile(file, bytes)
  } catch {
    throw new AppError('VALIDATION', `无法写入「${file}」：请检查文件夹权限或文件是否正被打开`)
  }
}

/** Writes the year's 配档表 to `file` and audits it (actor null: the CLI). */
export async function exportScheduleFile(
  db: Kysely<DB>,
  actor: Actor | null,
  year: number,
  file: string,
  clock: Clock,
  scope: ExportScope = 'own',
): Promise<ExportResult> {
  const { bytes, count } = await exportScheduleXlsx(db, year, clock, scope)
  await writeExport(file, bytes)
  await appendAudit(
    db,
    {
      actor: actor ? auditActor(actor) : null,
      action: 'schedule.export',
      target: `schedule:${year}`,
      detail: { file: basename(file), year, count, mode: scope },
    },
    clock,
  )
  return { file, count }
}
