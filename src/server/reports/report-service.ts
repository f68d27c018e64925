import type { Kysely } from 'kysely'
import {
  REPORT_TABLE_KEYS,
  tableShape,
  type NarrativeSectionKey,
  type ReportTables,
} from '../../shared/report/format'
import type { PutReportBody, ReportReceipt } from '../../shared/report/wire'
import { wireContentHash } from '../../shared/sync/wire'
import type { DepartmentReportCellsTable, ServerDB } from '../db/schema'
import { putDepartmentYear } from '../db/department-year-put'
import { ApiError } from '../errors'

/** What `PUT /reports/{year}` did, with its HTTP status. */
export interface ReportOutcome {
  status: 200 | 201
  receipt: ReportReceipt
}

/**
 * Stores `departmentId`'s annual report of `year` as sent (idempotent PUT): the same body again
 * changes nothing (200 `unchanged`); a different one replaces the report and its cells in one
 * transaction (200 `updated`); the first is 201 `created`. The tables are kept as data — one row
 * per cell, blank cells as NULL — beside the JSON. A department addresses only its own report.
 */
export async function putReport(
  db: Kysely<ServerDB>,
  departmentId: string,
  year: number,
  body: PutReportBody,
  now: string,
): Promise<ReportOutcome> {
  return putDepartmentYear(db, {
    table: 'department_reports',
    childTable: 'department_report_cells',
    departmentId,
    year,
    contentHash: await wireContentHash(body),
    now,
    row: {
      format: body.tables.format,
      title: body.title,
      tables_json: JSON.stringify(body.tables),
      narrative_json: JSON.stringify(body.narrative),
      item_id: body.itemId,
    },
    childRows: () => {
      const cells: DepartmentReportCellsTable[] = []
      for (const table of REPORT_TABLE_KEYS) {
        const shape = tableShape(body.tables.format, table)
        for (const r of shape.rows) {
          for (const c of shape.columnsOf(r.key)) {
            cells.push({
              department_id: departmentId,
              year,
              table_key: table,
              row_key: r.key,
              column_key: c.key,
              value: body.tables[table][r.key]?.[c.key] ?? null,
            })
          }
        }
      }
      return cells
    },
  })
}

/** The tables as the district keeps them: rebuilt from the cell rows (the data, not the JSON). */
async function tablesFromCells(
  db: Kysely<ServerDB>,
  departmentId: string,
  year: number,
  format: ReportTables['format'],
): Promise<ReportTables> {
  const rows = await db
    .selectFrom('department_report_cells')
    .select(['table_key', 'row_key', 'column_key', 'value'])
    .where('department_id', '=', departmentId)
    .where('year', '=', year)
    .execute()
  const tables: ReportTables = { format, table2: {}, table3: {}, table4: {} }
  for (const r of rows) {
    const table = tables[r.table_key as 'table2' | 'table3' | 'table4']
    if (!table) continue
    ;(table[r.row_key] ??= {})[r.column_key] = r.value === null ? null : Number(r.value)
  }
  return tables
}

/** The department's own stored report of `year`, or NOT_FOUND. */
export async function getReport(db: Kysely<ServerDB>, departmentId: string, year: number) {
  const row = await db
    .selectFrom('department_reports')
    .selectAll()
    .where('department_id', '=', departmentId)
    .where('year', '=', year)
    .executeTakeFirst()
  if (!row)
    throw new ApiError('NOT_FOUND', `区级尚未收到本部门 ${year} 年度的政府信息公开工作年度报告。`)
  return {
    year,
    title: row.title,
    contentHash: row.content_hash,
    receivedAt: row.received_at,
    tables: await tablesFromCells(db, departmentId, year, row.format as ReportTables['format']),
  }
}

/**
 * Every department's stored report of `year` (and of other years when asked), for the district's
 * consolidated report (server:admin consolidate-report, issue 15).
 */
export async function listDepartmentReports(db: Kysely<ServerDB>, year: number) {
  const rows = await db
    .selectFrom('department_reports as r')
    .innerJoin('departments as d', 'd.id', 'r.department_id')
    .select([
      'r.department_id',
      'r.year',
      'r.format',
      'r.narrative_json',
      'r.received_at',
      'd.code',
      'd.name',
    ])
    .where('r.year', '=', year)
    .orderBy('d.code')
    .execute()
  const out = []
  for (const r of rows) {
    out.push({
      departmentCode: r.code,
      departmentName: r.name,
      year: r.year,
      tables: await tablesFromCells(
        db,
        r.department_id,
        r.year,
        r.format as ReportTables['format'],
      ),
      narrative: JSON.parse(r.narrative_json) as Partial<Record<NarrativeSectionKey, string>>,
      receivedAt: r.received_at,
    })
  }
  return out
}
