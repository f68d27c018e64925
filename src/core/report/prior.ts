import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'
import {
  TABLE3_COLUMNS,
  TABLE4_ROWS,
  cellName,
  emptyReportTables,
  formatForYear,
  type ReportFormatId,
  type ReportTables,
} from '../../shared/report/format'
import { cellKey, parseCellKey, type PriorFigures } from '../../shared/report/types'
import { listPriorFigures, loadDraft } from './repository'

/**
 * Last year's published figures, which the cross-year rules compare with this year's (this year's
 * 上年结转 = last year's 结转下年度; 现行有效 continuity; 尚未审结 carried on). When last year's
 * report was published from this app its tables are used; in the first year in the app the
 * officer types them or imports them from our own .xlsx export.
 */

/** The cells of last year's report the cross-year rules read, in the layout of that year. */
export function priorCellKeys(priorFormat: ReportFormatId): string[] {
  const keys: string[] = []
  if (priorFormat === '2021') {
    keys.push(cellKey('table2', 'rules', 'in_force'), cellKey('table2', 'normative', 'in_force'))
  }
  for (const c of TABLE3_COLUMNS) keys.push(cellKey('table3', 'carried_forward', c.key))
  for (const r of TABLE4_ROWS) keys.push(cellKey('table4', r.key, 'pending'))
  return keys
}

export const priorLabel = (format: ReportFormatId, key: string): string => {
  const p = parseCellKey(key)
  return p ? cellName(format, p.table, p.row, p.column) : key
}

export interface PriorRead {
  view: PriorFigures
  tables: ReportTables | null
}

export async function readPrior(db: Kysely<DB>, year: number): Promise<PriorRead> {
  const priorYear = year - 1
  const format = (await loadDraft(db, priorYear))?.format ?? formatForYear(priorYear)
  const keys = priorCellKeys(format)
  const draft = await loadDraft(db, priorYear)
  if (draft?.tables_json) {
    const tables = JSON.parse(draft.tables_json) as ReportTables
    return {
      tables,
      view: {
        year: priorYear,
        origin: 'report',
        source: `${priorYear} 年度报告（本系统发布）`,
        cells: keys.map((key) => {
          const p = parseCellKey(key)!
          return {
            key,
            label: priorLabel(tables.format, key),
            value: tables[p.table][p.row]?.[p.column] ?? null,
          }
        }),
      },
    }
  }
  const rows = await listPriorFigures(db, priorYear)
  const byKey = new Map(rows.map((r) => [r.cell, r]))
  const tables = emptyReportTables(format)
  for (const r of rows) {
    const p = parseCellKey(r.cell)
    const line = p ? tables[p.table][p.row] : undefined
    if (p && line && p.column in line) line[p.column] = r.value
  }
  return {
    tables: rows.length > 0 ? tables : null,
    view: {
      year: priorYear,
      origin: rows.length > 0 ? 'entered' : null,
      source: rows[0]?.source ?? '',
      cells: keys.map((key) => ({
        key,
        label: priorLabel(format, key),
        value: byKey.get(key)?.value ?? null,
      })),
    },
  }
}
