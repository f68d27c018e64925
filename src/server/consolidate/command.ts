/**
 * `server:admin consolidate-report --year <y> --out <dir> [--name <区名称>] [--own <本级报告>]`:
 * the 区's consolidated report from every department's stored tables (+ the district office's own
 * report file, read by the report checker), written as .docx and .xlsx through the same exporter
 * as a department's report, plus the summed tables and each department's check as JSON.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import type { Kysely } from 'kysely'
import { checkReportFile, ReportReadError } from '../../core/report/check'
import { reportDocx, reportXlsx } from '../../core/report/export'
import {
  reportTitle,
  table3OutcomeRows,
  type NarrativeSectionKey,
  type ReportTables,
} from '../../shared/report/format'
import type { ServerDB } from '../db/schema'
import { listDepartments } from '../departments/departments-service'
import { consolidate, type ConsolidatedReport, type DepartmentReport } from './consolidate'
import { consolidatedNarrative } from './narrative'

export class ConsolidateError extends Error {}

/** Where the stored department reports come from (REPORT's src/server/reports). */
export type DepartmentReportSource = (
  db: Kysely<ServerDB>,
  year: number,
) => Promise<DepartmentReport[]>

export interface ConsolidateOptions {
  year: number
  out: string
  name: string
  own?: string | undefined
}

const OUTCOME_GROUPS: [string, string][] = [
  ['1', '予以公开'],
  ['2', '部分公开'],
  ['3', '不予公开'],
  ['4', '无法提供'],
  ['5', '不予处理'],
  ['6', '其他处理'],
]

function outcomesChart(tables: ReportTables) {
  const rows = table3OutcomeRows(tables.format)
  return OUTCOME_GROUPS.map(([prefix, label]) => ({
    label,
    value: rows
      .filter((r) => r === prefix || r.startsWith(`${prefix}.`))
      .reduce((s, r) => s + (tables.table3[r]?.total ?? 0), 0),
  }))
}

export interface ConsolidateOutcome {
  result: ConsolidatedReport
  files: { docx: string; xlsx: string; json: string }
  ownFailures: number
}

export async function consolidateReport(
  db: Kysely<ServerDB>,
  options: ConsolidateOptions,
  source: DepartmentReportSource,
  log: (line: string) => void,
): Promise<ConsolidateOutcome> {
  const { year, name } = options
  const departments = (await listDepartments(db)).map((d) => ({ code: d.code, name: d.name }))
  const reports = await source(db, year)
  const priorReports = await source(db, year - 1)
  let own: ReportTables | null = null
  let ownNarrative: Partial<Record<NarrativeSectionKey, string>> | undefined
  let ownFailures = 0
  if (options.own !== undefined) {
    let bytes: Uint8Array
    try {
      bytes = new Uint8Array(readFileSync(options.own))
    } catch {
      throw new ConsolidateError(`无法读取本级报告文件「${options.own}」，请检查路径。`)
    }
    try {
      const checked = await checkReportFile({ bytes, fileName: basename(options.own) })
      own = checked.tables
      ownNarrative = checked.narrative
      ownFailures = checked.errors
      if (checked.errors > 0)
        log(
          `注意：本级报告「${basename(options.own)}」有 ${checked.errors} 个错误（可用 check-report 查看），其数据仍计入汇总。`,
        )
    } catch (e) {
      if (e instanceof ReportReadError) throw new ConsolidateError(`本级报告：${e.message}`)
      throw e
    }
  }
  const result = consolidate({ year, departments, reports, priorReports, own, ownNarrative })
  if (result.departments.length === 0 && own === null) {
    throw new ConsolidateError(`${year} 年度还没有任何部门报送年度报告，无法汇总。`)
  }
  const dir = resolve(options.out)
  mkdirSync(dir, { recursive: true })
  const title = reportTitle(name, year)
  const files = {
    docx: join(dir, `${title}.docx`),
    xlsx: join(dir, `${title}.xlsx`),
    json: join(dir, `${title}（汇总数据）.json`),
  }
  for (const f of Object.values(files))
    if (existsSync(f)) throw new ConsolidateError(`目标文件已存在：${f}，请换一个目录。`)
  const input = {
    year,
    format: result.format,
    title,
    department: name,
    tables: result.tables,
    rendered: consolidatedNarrative(name, result),
    charts: { outcomes: outcomesChart(result.tables), itemsByKind: [] },
  }
  writeFileSync(files.docx, await reportDocx(input))
  writeFileSync(files.xlsx, await reportXlsx(input))
  writeFileSync(
    files.json,
    JSON.stringify(
      {
        year,
        format: result.format,
        district: name,
        tables: result.tables,
        ownIncluded: result.ownIncluded,
        departments: result.departments,
        missing: result.missing,
        failures: result.failures,
      },
      null,
      2,
    ),
  )
  return { result, files, ownFailures }
}
