/**
 * Reconciliation with the app's records: row （六）2 of table 三 (2021 format) = requests closed
 * because the fee was not paid (《政府信息公开信息处理费管理办法》, 国办函〔2020〕109号; 条例第四十二条).
 * Section 六's fee amounts are compared with the ledger in ./narrative.ts.
 */
import { cellName, type ReportTables } from '../../../shared/report/format'
import { formatNumber as fmt } from './numbers'
import type { ReportRecords, RuleFailure } from './types'

export function reconcileRules(
  tables: ReportTables,
  records: ReportRecords | undefined,
): RuleFailure[] {
  if (records?.feeLapsed === undefined) return []
  const lapsed = records.feeLapsed
  if (tables.format === '2021') {
    const v = tables.table3['6.2']?.total ?? null
    if (v !== null && v === lapsed) return []
    return [
      {
        rule: 'R-FEE-LAPSED',
        severity: 'error',
        message: `${cellName(tables.format, 'table3', '6.2', 'total')}为 ${v === null ? '空白' : fmt(v)}，但登记簿中因逾期未缴纳信息处理费而终止处理的申请为 ${fmt(lapsed)} 件`,
        table: 'table3',
        row: '6.2',
        column: 'total',
        cells: [{ table: 'table3', row: '6.2', column: 'total' }],
        numbers: { table: v ?? 0, records: lapsed },
      },
    ]
  }
  // 2019: a single （六）其他处理 row holds the lapsed requests among others.
  const v = tables.table3['6']?.total ?? null
  if (v !== null && v >= lapsed) return []
  return [
    {
      rule: 'R-FEE-LAPSED',
      severity: 'error',
      message: `${cellName(tables.format, 'table3', '6', 'total')}为 ${v === null ? '空白' : fmt(v)}，少于登记簿中因逾期未缴纳信息处理费而终止处理的 ${fmt(lapsed)} 件`,
      table: 'table3',
      row: '6',
      column: 'total',
      cells: [{ table: 'table3', row: '6', column: 'total' }],
      numbers: { table: v ?? 0, records: lapsed },
    },
  ]
}
