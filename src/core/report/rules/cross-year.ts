/**
 * Rules across two years' reports (annual-report.md): last year's 结转下年度 = this year's 上年结转
 * (table 三, every column); 现行有效件数 continuity in table 二 (2021 format, a soft check); cases
 * 尚未审结 last year appear again this year (table 四, a soft check).
 */
import {
  cellName,
  TABLE3_COLUMNS,
  TABLE4_ROWS,
  type CellValue,
  type ReportTables,
} from '../../../shared/report/format'
import { FORMAT_SOURCE } from './arithmetic'
import { formatNumber as fmt } from './numbers'
import type { RuleFailure } from './types'

const num = (v: CellValue | undefined): number => v ?? 0

export function crossYearRules(
  tables: ReportTables,
  prior: ReportTables | null | undefined,
): RuleFailure[] {
  if (!prior) return []
  return [
    ...carryOver(tables, prior),
    ...inForceContinuity(tables, prior),
    ...trialFormatContinuity(tables, prior),
    ...pendingCases(tables, prior),
  ]
}

/** This year's 二、上年结转 = last year's 四、结转下年度继续办理, per applicant column and 总计. */
function carryOver(tables: ReportTables, prior: ReportTables): RuleFailure[] {
  const out: RuleFailure[] = []
  for (const c of TABLE3_COLUMNS) {
    const last = prior.table3.carried_forward?.[c.key] ?? null
    const now = tables.table3.carried_over?.[c.key] ?? null
    if (last === null) continue
    if (now !== null && now === last) continue
    out.push({
      rule: 'X-CARRY',
      severity: 'error',
      message: `${cellName(tables.format, 'table3', 'carried_over', c.key)}为 ${now === null ? '空白' : fmt(now)}，但上年报告的“四、结转下年度继续办理”为 ${fmt(last)}，两者应相等（${FORMAT_SOURCE[tables.format]} 表三）`,
      table: 'table3',
      row: 'carried_over',
      column: c.key,
      cells: [{ table: 'table3', row: 'carried_over', column: c.key }],
      numbers: { thisYear: num(now), lastYear: last },
    })
  }
  return out
}

/** 现行有效件数 is cumulative: last year's + 本年制发 − 本年废止 ≈ this year's (2021 format, soft). */
function inForceContinuity(tables: ReportTables, prior: ReportTables): RuleFailure[] {
  if (tables.format !== '2021' || prior.format !== '2021') return []
  const out: RuleFailure[] = []
  for (const row of ['rules', 'normative']) {
    const last = prior.table2[row]?.in_force ?? null
    const made = tables.table2[row]?.made ?? null
    const repealed = tables.table2[row]?.repealed ?? null
    const now = tables.table2[row]?.in_force ?? null
    if (last === null || now === null) continue
    const expected = last + num(made) - num(repealed)
    if (expected === now) continue
    out.push({
      rule: 'X-IN-FORCE',
      severity: 'warning',
      message: `${cellName(tables.format, 'table2', row, 'in_force')}为 ${fmt(now)}，但上年现行有效 ${fmt(last)} + 本年制发 ${fmt(num(made))} − 本年废止 ${fmt(num(repealed))} = ${fmt(expected)}，相差 ${fmt(Math.abs(expected - now))}；如有到期失效、清理等情况请在报告中说明`,
      table: 'table2',
      row,
      column: 'in_force',
      cells: [
        { table: 'table2', row, column: 'in_force' },
        { table: 'table2', row, column: 'made' },
        { table: 'table2', row, column: 'repealed' },
      ],
      numbers: {
        thisYear: now,
        lastYear: last,
        made: num(made),
        repealed: num(repealed),
        expected,
      },
    })
  }
  return out
}

/**
 * The 2019 trial format's running totals (soft): 对外公开总数量 = last year's + 本年新公开数量 (table 二
 * （一）), and 上一年项目数量 = last year's 上一年项目数量 + 本年增/减 (（五）（六）（八）).
 */
function trialFormatContinuity(tables: ReportTables, prior: ReportTables): RuleFailure[] {
  if (tables.format !== '2019' || prior.format !== '2019') return []
  const out: RuleFailure[] = []
  const check = (row: string, column: string, expected: number, parts: string, cols: string[]) => {
    const now = tables.table2[row]?.[column] ?? null
    if (now === null || now === expected) return
    out.push({
      rule: 'X-TRIAL-TOTAL',
      severity: 'warning',
      message: `${cellName(tables.format, 'table2', row, column)}为 ${fmt(now)}，但${parts} = ${fmt(expected)}，相差 ${fmt(Math.abs(expected - now))}`,
      table: 'table2',
      row,
      column,
      cells: cols.map((c) => ({ table: 'table2' as const, row, column: c })),
      numbers: { thisYear: now, expected },
    })
  }
  for (const row of ['rules', 'normative']) {
    const last = prior.table2[row]?.total_published ?? null
    if (last === null) continue
    const added = num(tables.table2[row]?.new_published)
    check(
      row,
      'total_published',
      last + added,
      `上年对外公开总数量 ${fmt(last)} + 本年新公开数量 ${fmt(added)}`,
      ['total_published', 'new_published'],
    )
  }
  for (const row of ['licensing', 'other_services', 'punishment', 'enforcement', 'fees']) {
    const last = prior.table2[row]?.last_year_items ?? null
    const change = prior.table2[row]?.change ?? null
    if (last === null || change === null) continue
    check(
      row,
      'last_year_items',
      last + change,
      `上年报告的上一年项目数量 ${fmt(last)} + 本年增/减 ${fmt(change)}`,
      ['last_year_items'],
    )
  }
  return out
}

/** Cases 尚未审结 at the end of last year are decided this year or still pending: this year's 总计 ≥ them. */
function pendingCases(tables: ReportTables, prior: ReportTables): RuleFailure[] {
  const out: RuleFailure[] = []
  for (const r of TABLE4_ROWS) {
    const lastPending = prior.table4[r.key]?.pending ?? null
    if (lastPending === null || lastPending === 0) continue
    const total = tables.table4[r.key]?.total ?? null
    if (total !== null && total >= lastPending) continue
    out.push({
      rule: 'X-PENDING',
      severity: 'warning',
      message: `表四 “${r.path.join(' › ')}” 上年尚未审结 ${fmt(lastPending)} 件，本年总计仅 ${total === null ? '空白' : fmt(total)}：上年未审结的案件本年应有结果或仍为尚未审结，请核对`,
      table: 'table4',
      row: r.key,
      column: 'total',
      cells: [{ table: 'table4', row: r.key, column: 'total' }],
      numbers: { lastYearPending: lastPending, thisYearTotal: num(total) },
    })
  }
  return out
}
