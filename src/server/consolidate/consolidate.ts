/**
 * The 区's consolidated annual report (issue 15; 条例第四十九条: a local government's consolidated
 * report is due by 31 March): every department's stored tables plus the district office's own
 * figures, summed cell by cell per the national format; the departments that have not submitted;
 * and the report checker run on each department's report. Pure: data in, result out.
 */
import { runReportRules, statedFees } from '../../core/report/rules'
import type { RuleFailure } from '../../core/report/rules/types'
import {
  emptyReportTables,
  formatForYear,
  REPORT_FORMAT_LABELS,
  type NarrativeSectionKey,
  type ReportFormatId,
  type ReportTables,
} from '../../shared/report/format'

/** One department's report as the server keeps it. */
export interface DepartmentReport {
  departmentCode: string
  departmentName: string
  year: number
  tables: ReportTables
  /** Rendered narrative, when the department sent it. */
  narrative?: Partial<Record<NarrativeSectionKey, string>>
  receivedAt: string | null
}

export interface DepartmentCheck {
  code: string
  name: string
  receivedAt: string | null
  /** Counted in the sum (same format as the year's). */
  included: boolean
  errors: number
  warnings: number
  failures: RuleFailure[]
}

export interface ConsolidatedReport {
  year: number
  format: ReportFormatId
  tables: ReportTables
  departments: DepartmentCheck[]
  /** Departments registered on the server without a report for the year. */
  missing: { code: string; name: string }[]
  /** The district office's own figures were added. */
  ownIncluded: boolean
  /**
   * 信息处理费 as the included departments' sections 六 state them, summed (yuan); `unstated`: the
   * departments whose text gives no figure.
   */
  fees: { notices: number; billed: number; collected: number; unstated: string[] }
  /** The rules on the summed tables (they pass when every part does). */
  failures: RuleFailure[]
}

/**
 * Sums tables of one format cell by cell. A cell blank (null) in every part stays blank; otherwise
 * blanks count as 0 — the parts' blanks are reported by each part's own check.
 */
export function sumTables(format: ReportFormatId, parts: ReportTables[]): ReportTables {
  const out = emptyReportTables(format)
  for (const table of ['table2', 'table3', 'table4'] as const)
    for (const [row, cols] of Object.entries(out[table]))
      for (const col of Object.keys(cols)) {
        let any = false
        let sum = 0
        for (const p of parts) {
          const v = p[table][row]?.[col] ?? null
          if (v === null) continue
          any = true
          sum += v
        }
        // 万元 amounts: keep four decimals, no float noise.
        cols[col] = any ? Math.round(sum * 10_000) / 10_000 : null
      }
  return out
}

export function consolidate(input: {
  year: number
  departments: { code: string; name: string }[]
  reports: DepartmentReport[]
  /** Last year's reports, for each department's cross-year rules. */
  priorReports?: DepartmentReport[]
  own?: ReportTables | null
  /** The district office's own report text (its section 六 states its own fees). */
  ownNarrative?: Partial<Record<NarrativeSectionKey, string>>
}): ConsolidatedReport {
  const format = formatForYear(input.year)
  const byCode = new Map(
    input.reports.filter((r) => r.year === input.year).map((r) => [r.departmentCode, r]),
  )
  const priorByCode = new Map((input.priorReports ?? []).map((r) => [r.departmentCode, r]))
  const checks: DepartmentCheck[] = []
  const parts: ReportTables[] = []
  for (const report of byCode.values()) {
    const failures = runReportRules({
      tables: report.tables,
      prior: priorByCode.get(report.departmentCode)?.tables ?? null,
      narrative: report.narrative,
    })
    const included = report.tables.format === format
    if (included) parts.push(report.tables)
    else
      failures.unshift({
        rule: 'C-FORMAT',
        severity: 'error',
        message: `${report.departmentName}的报告使用${REPORT_FORMAT_LABELS[report.tables.format]}，${input.year} 年度应使用${REPORT_FORMAT_LABELS[format]}；未计入汇总`,
      })
    checks.push({
      code: report.departmentCode,
      name: report.departmentName,
      receivedAt: report.receivedAt,
      included,
      errors: failures.filter((f) => f.severity === 'error').length,
      warnings: failures.filter((f) => f.severity === 'warning').length,
      failures,
    })
  }
  const own = input.own ?? null
  if (own && own.format === format) parts.push(own)
  checks.sort((a, b) => a.code.localeCompare(b.code))
  const missing = input.departments
    .filter((d) => !byCode.has(d.code))
    .map((d) => ({ code: d.code, name: d.name }))
  const tables = sumTables(format, parts)
  const fees = { notices: 0, billed: 0, collected: 0, unstated: [] as string[] }
  for (const check of checks) {
    if (!check.included) continue
    const stated = statedFees(tables, byCode.get(check.code)?.narrative?.other ?? '')
    if (stated.feesBilled === undefined && stated.feesCollected === undefined)
      fees.unstated.push(check.name)
    fees.notices += stated.feeNotices ?? 0
    fees.billed += stated.feesBilled ?? 0
    fees.collected += stated.feesCollected ?? 0
  }
  if (own && own.format === format && input.ownNarrative?.other !== undefined) {
    const stated = statedFees(tables, input.ownNarrative.other)
    fees.notices += stated.feeNotices ?? 0
    fees.billed += stated.feesBilled ?? 0
    fees.collected += stated.feesCollected ?? 0
  }
  return {
    year: input.year,
    format,
    tables,
    departments: checks,
    missing,
    ownIncluded: own !== null && own.format === format,
    fees,
    failures: parts.length === 0 ? [] : runReportRules({ tables }),
  }
}
