/**
 * The arithmetic every report must satisfy, from the national format's tables (国办公开办函〔2021〕30号;
 * for reports on 2019–2020 the trial format of 国办公开办函〔2019〕60号; 条例第五十条 — the uniform
 * format). Pure: tables in, failures out.
 */
import {
  cellName,
  TABLE2_SIGNED_COLUMNS,
  TABLE3_APPLICANT_COLUMNS,
  TABLE3_COLUMNS,
  TABLE4_OUTCOME_COLUMNS,
  TABLE4_ROWS,
  table3OutcomeRows,
  tableShape,
  type CellValue,
  type ReportFormatId,
  type ReportTableKey,
  type ReportTables,
} from '../../../shared/report/format'
import { formatNumber } from './numbers'
import type { CellRef, RuleFailure } from './types'

export const FORMAT_SOURCE: Record<ReportFormatId, string> = {
  '2021': '国办公开办函〔2021〕30号',
  '2019': '国办公开办函〔2019〕60号',
}

const num = (v: CellValue | undefined): number => v ?? 0
const fmt = formatNumber
/** Sums compare money-safe (table 二's 万元 amounts carry decimals). */
const equal = (a: number, b: number): boolean => Math.abs(a - b) < 1e-6

function cell(tables: ReportTables, table: ReportTableKey, row: string, column: string): CellValue {
  return tables[table][row]?.[column] ?? null
}

/** " (其中空白单元格按 0 计)" when a sum involves blank cells. */
function blankNote(tables: ReportTables, refs: CellRef[]): string {
  const blanks = refs.filter((r) => cell(tables, r.table, r.row, r.column) === null).length
  return blanks > 0 ? `（其中 ${blanks} 个空白单元格按 0 计）` : ''
}

/**
 * Blank cells, reported apart from zeros: the format asks for every cell; a blank is not a 0
 * (a reader cannot tell “none” from “not filled in”).
 */
export function blankCellRule(tables: ReportTables): RuleFailure[] {
  const out: RuleFailure[] = []
  for (const table of ['table2', 'table3', 'table4'] as const) {
    const shape = tableShape(tables.format, table)
    for (const r of shape.rows)
      for (const c of shape.columnsOf(r.key)) {
        if (cell(tables, table, r.key, c.key) !== null) continue
        out.push({
          rule: 'BLANK',
          severity: 'warning',
          message: `${cellName(tables.format, table, r.key, c.key)}为空白（未填写）；没有发生的请填 0，空白与 0 含义不同`,
          table,
          row: r.key,
          column: c.key,
          cells: [{ table, row: r.key, column: c.key }],
        })
      }
  }
  return out
}

/** No negative numbers; counts are whole numbers (only 2019's 本年增/减 may be negative). */
export function valueRules(tables: ReportTables): RuleFailure[] {
  const out: RuleFailure[] = []
  for (const table of ['table2', 'table3', 'table4'] as const) {
    const shape = tableShape(tables.format, table)
    for (const r of shape.rows)
      for (const c of shape.columnsOf(r.key)) {
        const v = cell(tables, table, r.key, c.key)
        if (v === null) continue
        const where = cellName(tables.format, table, r.key, c.key)
        const signed = table === 'table2' && TABLE2_SIGNED_COLUMNS.includes(c.key)
        if (v < 0 && !signed) {
          out.push({
            rule: 'NEGATIVE',
            severity: 'error',
            message: `${where}为负数 ${fmt(v)}；报告中的数量不能为负`,
            table,
            row: r.key,
            column: c.key,
            cells: [{ table, row: r.key, column: c.key }],
            numbers: { value: v },
          })
        }
        const money = table === 'table2' && c.key === 'amount'
        if (!money && !Number.isInteger(v)) {
          out.push({
            rule: 'NOT-INTEGER',
            severity: 'error',
            message: `${where}为 ${fmt(v)}，件数应为整数`,
            table,
            row: r.key,
            column: c.key,
            cells: [{ table, row: r.key, column: c.key }],
            numbers: { value: v },
          })
        }
      }
  }
  return out
}

/** Table 三, per row: 总计 = 自然人 + the five 法人或其他组织 columns. */
export function table3RowSums(tables: ReportTables): RuleFailure[] {
  const out: RuleFailure[] = []
  const shape = tableShape(tables.format, 'table3')
  for (const r of shape.rows) {
    const parts: CellRef[] = TABLE3_APPLICANT_COLUMNS.map((c) => ({
      table: 'table3',
      row: r.key,
      column: c,
    }))
    const totalRef: CellRef = { table: 'table3', row: r.key, column: 'total' }
    const values = parts.map((p) => cell(tables, 'table3', p.row, p.column))
    const total = cell(tables, 'table3', r.key, 'total')
    if (values.every((v) => v === null) && total === null) continue
    const sum = values.reduce<number>((s, v) => s + num(v), 0)
    if (equal(sum, num(total))) continue
    const labels = TABLE3_COLUMNS.filter((c) => c.key !== 'total')
      .map((c, i) => `${c.label} ${values[i] === null ? '空白' : fmt(num(values[i]))}`)
      .join(' + ')
    out.push({
      rule: 'T3-ROW-SUM',
      severity: 'error',
      message: `${cellName(tables.format, 'table3', r.key, 'total')}为 ${fmt(num(total))}，但 ${labels} = ${fmt(sum)}，相差 ${fmt(Math.abs(sum - num(total)))}${blankNote(tables, [...parts, totalRef])}（${FORMAT_SOURCE[tables.format]} 表三：总计 = 各类申请人之和）`,
      table: 'table3',
      row: r.key,
      column: 'total',
      cells: [totalRef, ...parts],
      numbers: { total: num(total), sum },
    })
  }
  return out
}

/** Table 三, per column: （七）总计 = （一）+（二）+ Σ（三）+ Σ（四）+ Σ（五）+ Σ（六）. */
export function table3TotalRow(tables: ReportTables): RuleFailure[] {
  const out: RuleFailure[] = []
  const outcomes = table3OutcomeRows(tables.format)
  for (const c of TABLE3_COLUMNS) {
    const parts: CellRef[] = outcomes.map((r) => ({ table: 'table3', row: r, column: c.key }))
    const totalRef: CellRef = { table: 'table3', row: 'total', column: c.key }
    const total = cell(tables, 'table3', 'total', c.key)
    const values = parts.map((p) => cell(tables, 'table3', p.row, p.column))
    if (values.every((v) => v === null) && total === null) continue
    const sum = values.reduce<number>((s, v) => s + num(v), 0)
    if (equal(sum, num(total))) continue
    out.push({
      rule: 'T3-TOTAL',
      severity: 'error',
      message: `${cellName(tables.format, 'table3', 'total', c.key)}为 ${fmt(num(total))}，但（一）至（六）各项之和为 ${fmt(sum)}，相差 ${fmt(Math.abs(sum - num(total)))}${blankNote(tables, [...parts, totalRef])}（${FORMAT_SOURCE[tables.format]} 表三：（七）总计 = （一）+（二）+（三）+（四）+（五）+（六）各小项之和）`,
      table: 'table3',
      row: 'total',
      column: c.key,
      cells: [totalRef, ...parts],
      numbers: { total: num(total), sum },
    })
  }
  return out
}

/** Table 三, per column: 一 + 二 = 三（七）总计 + 四 (the 勾稽关系 in the table's corner). */
export function table3Balance(tables: ReportTables): RuleFailure[] {
  const out: RuleFailure[] = []
  for (const c of TABLE3_COLUMNS) {
    const refs: CellRef[] = ['received', 'carried_over', 'total', 'carried_forward'].map((r) => ({
      table: 'table3',
      row: r,
      column: c.key,
    }))
    const [received, carriedOver, total, carriedForward] = refs.map((r) =>
      cell(tables, 'table3', r.row, r.column),
    )
    if ([received, carriedOver, total, carriedForward].every((v) => v === null)) continue
    const left = num(received) + num(carriedOver)
    const right = num(total) + num(carriedForward)
    if (equal(left, right)) continue
    out.push({
      rule: 'T3-BALANCE',
      severity: 'error',
      message: `表三 “${c.label}” 列：一、本年新收 ${fmt(num(received))} + 二、上年结转 ${fmt(num(carriedOver))} = ${fmt(left)}，但三（七）总计 ${fmt(num(total))} + 四、结转下年度 ${fmt(num(carriedForward))} = ${fmt(right)}，相差 ${fmt(Math.abs(left - right))}${blankNote(tables, refs)}（${FORMAT_SOURCE[tables.format]} 表三勾稽关系：第一项加第二项之和，等于第三项加第四项之和）`,
      table: 'table3',
      row: 'total',
      column: c.key,
      cells: refs,
      numbers: {
        received: num(received),
        carriedOver: num(carriedOver),
        total: num(total),
        carriedForward: num(carriedForward),
      },
    })
  }
  return out
}

/** Table 四, per block: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结. */
export function table4BlockSums(tables: ReportTables): RuleFailure[] {
  const out: RuleFailure[] = []
  for (const r of TABLE4_ROWS) {
    const parts: CellRef[] = TABLE4_OUTCOME_COLUMNS.map((c) => ({
      table: 'table4',
      row: r.key,
      column: c,
    }))
    const totalRef: CellRef = { table: 'table4', row: r.key, column: 'total' }
    const values = parts.map((p) => cell(tables, 'table4', p.row, p.column))
    const total = cell(tables, 'table4', r.key, 'total')
    if (values.every((v) => v === null) && total === null) continue
    const sum = values.reduce<number>((s, v) => s + num(v), 0)
    if (equal(sum, num(total))) continue
    out.push({
      rule: 'T4-SUM',
      severity: 'error',
      message: `表四 “${r.path.join(' › ')}” 的总计为 ${fmt(num(total))}，但结果维持 ${fmt(num(values[0]))} + 结果纠正 ${fmt(num(values[1]))} + 其他结果 ${fmt(num(values[2]))} + 尚未审结 ${fmt(num(values[3]))} = ${fmt(sum)}，相差 ${fmt(Math.abs(sum - num(total)))}${blankNote(tables, [...parts, totalRef])}（${FORMAT_SOURCE[tables.format]} 表四：总计 = 四项之和）`,
      table: 'table4',
      row: r.key,
      column: 'total',
      cells: [totalRef, ...parts],
      numbers: { total: num(total), sum },
    })
  }
  return out
}

/** Every within-year arithmetic rule. */
export function arithmeticRules(tables: ReportTables): RuleFailure[] {
  return [
    ...valueRules(tables),
    ...table3RowSums(tables),
    ...table3TotalRow(tables),
    ...table3Balance(tables),
    ...table4BlockSums(tables),
    ...blankCellRule(tables),
  ]
}
