import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { Kysely } from 'kysely'
import {
  CATALOGUE_COLUMNS,
  type CatalogueColumn,
  type CatalogueExportResult,
  type CatalogueImportResult,
} from '../../shared/catalogue/types'
import { CATALOGUE_COLUMN_LABELS } from '../../shared/catalogue/labels'
import type { Actor } from '../accounts/actor'
import { appendAudit } from '../audit/append'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { AppError } from '../errors'
import type { IdSource } from '../ids'
import { requireCatalogueEditor } from '../items/permissions'
import { writeSpreadsheetInWorker } from '../workers'
import { entryColumns, listCatalogue, refreshDueDates } from './catalogue-service'
import { readCatalogueSheet } from './catalogue-xlsx-read'
import { auditActor } from '../accounts/actor'

/**
 * Imports a catalogue spreadsheet, all or nothing: the sheet is read and checked completely
 * first, then every row is written in one transaction. Rows whose 一级事项 + 二级事项 already exist
 * replace that entry's columns; the others are added. Audited with the file's hash.
 */
export async function importCatalogueXlsx(
  db: Kysely<DB>,
  actor: Actor,
  file: string,
  clock: Clock,
  ids: IdSource,
): Promise<CatalogueImportResult> {
  requireCatalogueEditor(actor)
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch {
    throw new AppError('NOT_FOUND', `找不到或无法读取文件「${basename(file)}」，请检查后重试`)
  }
  const rows = await readCatalogueSheet(bytes, basename(file))
  return db.transaction().execute(async (trx) => {
    const now = clock().toISOString()
    let added = 0
    let updated = 0
    const unparsed: number[] = []
    const max = await trx
      .selectFrom('catalogue_entries')
      .select((eb) => eb.fn.max('seq').as('m'))
      .executeTakeFirst()
    let nextSeq = (max?.m ?? 0) + 1
    for (const { rowNumber, fields } of rows) {
      const columns = entryColumns(fields)
      if (fields.timeLimit !== '' && columns.rule_unit === null) unparsed.push(rowNumber)
      const existing = await trx
        .selectFrom('catalogue_entries')
        .select(['id', 'time_limit', 'seq'])
        .where('level1', '=', fields.level1)
        .where('level2', '=', fields.level2)
        .executeTakeFirst()
      if (existing) {
        await trx
          .updateTable('catalogue_entries')
          .set({ ...columns, seq: fields.seq ?? existing.seq, updated_at: now })
          .where('id', '=', existing.id)
          .execute()
        if (existing.time_limit !== fields.timeLimit) await refreshDueDates(trx, existing.id)
        updated++
      } else {
        await trx
          .insertInto('catalogue_entries')
          .values({
            ...columns,
            id: ids(),
            seq: fields.seq ?? nextSeq++,
            created_at: now,
            updated_at: now,
          })
          .execute()
        added++
      }
    }
    await appendAudit(
      trx,
      {
        actor: auditActor(actor),
        action: 'catalogue.import',
        target: 'catalogue',
        after: { fileSha256: createHash('sha256').update(bytes).digest('hex') },
        detail: { file: basename(file), added, updated, unparsedTimeLimitRows: unparsed },
      },
      clock,
    )
    return { file, added, updated, unparsedTimeLimitRows: unparsed }
  })
}

/** Column widths (characters) of the export: the whole table fits an A4 landscape page at about 75 %. */
const EXPORT_WIDTHS: Record<CatalogueColumn, number> = {
  seq: 6,
  level1: 14,
  level2: 14,
  content: 34,
  basis: 26,
  timeLimit: 18,
  subject: 12,
  channels: 16,
  audience: 10,
  method: 10,
  level: 10,
}

/** Exports the catalogue as .xlsx (a title row, the standard header, one row per entry); audited. */
export async function exportCatalogueXlsx(
  db: Kysely<DB>,
  actor: Actor | null,
  file: string,
  clock: Clock,
  departmentName = '',
): Promise<CatalogueExportResult> {
  const entries = await listCatalogue(db)
  // Print-ready: A4 landscape fitted to the width, the header repeated on every page.
  const bytes = await writeSpreadsheetInWorker({
    sheets: [
      {
        name: '主动公开事项目录',
        title: `${departmentName}主动公开事项目录`,
        columns: CATALOGUE_COLUMNS.map((c) => ({
          header: CATALOGUE_COLUMN_LABELS[c],
          width: EXPORT_WIDTHS[c],
        })),
        rows: entries.map((e) => CATALOGUE_COLUMNS.map((c) => (c === 'seq' ? e.seq : e[c]))),
      },
    ],
  })
  try {
    await writeFile(file, bytes)
  } catch {
    throw new AppError('VALIDATION', `无法写入「${file}」：请检查文件夹权限或文件是否正被打开`)
  }
  await appendAudit(
    db,
    {
      actor: actor ? auditActor(actor) : null,
      action: 'catalogue.export',
      target: 'catalogue',
      after: { entries: entries.map((e) => e.id) },
      detail: { file, count: entries.length },
    },
    clock,
  )
  return { file, count: entries.length }
}
