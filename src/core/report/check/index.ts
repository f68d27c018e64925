/**
 * check-report (issue 13): reads an annual report this app did not write — .docx (Word/WPS),
 * .html, .xlsx — finds tables 二, 三, 四 by their labels, maps the cells (blank apart from zero),
 * tells the 2021 format (国办公开办函〔2021〕30号) from the 2019 trial format (〔2019〕60号), reads
 * sections 一 and 六, and runs the same rules as the app's own validation (条例第五十条).
 */
import { AppError } from '../../errors'
import { ExtractError } from '../../review/extract/types'
import { SpreadsheetError } from '../../spreadsheet'
import {
  formatForYear,
  REPORT_SECTION_HEADINGS,
  type ReportTables,
} from '../../../shared/report/format'
import { runReportRules } from '../rules'
import type { RuleFailure } from '../rules/types'
import { readDocxReport } from './docx'
import { readHtmlReport } from './html'
import { locateTables } from './locate'
import { readSections } from './sections'
import type { CheckReportResult, ReadDocument } from './types'
import { readXlsxReport } from './xlsx'

export type { CheckReportResult, ReadDocument } from './types'
export { locateTables, looseLabel, parseCellText } from './locate'
export { readSections } from './sections'

/** Largest report file read (a report with charts is a few MB). */
export const MAX_REPORT_BYTES = 100 * 1024 * 1024

/** The file cannot be checked: unreadable, unsupported, or not an annual report. Chinese message. */
export class ReportReadError extends AppError {
  constructor(
    readonly reason: 'UNREADABLE' | 'UNSUPPORTED' | 'NOT_A_REPORT',
    message: string,
  ) {
    super('VALIDATION', message)
  }
}

const extOf = (name: string) => /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? ''

async function readDocument(bytes: Uint8Array, fileName: string): Promise<ReadDocument> {
  if (bytes.length === 0)
    throw new ReportReadError('UNREADABLE', `文件「${fileName}」是空的，无法检查`)
  if (bytes.length > MAX_REPORT_BYTES)
    throw new ReportReadError('UNREADABLE', `文件「${fileName}」超过 100 MB，不像是一份年度报告`)
  const ext = extOf(fileName)
  try {
    if (ext === 'docx' || ext === 'docm' || ext === 'wps') return await readDocxReport(bytes)
    if (ext === 'html' || ext === 'htm' || ext === 'mht') return readHtmlReport(bytes)
    if (ext === 'xlsx' || ext === 'xls' || ext === 'et') return readXlsxReport(bytes, fileName)
  } catch (e) {
    if (e instanceof ExtractError || e instanceof SpreadsheetError)
      throw new ReportReadError('UNREADABLE', `无法读取「${fileName}」：${e.message}`)
    throw new ReportReadError(
      'UNREADABLE',
      `无法读取「${fileName}」：文件已损坏或格式不对，请用 Word/WPS 打开后另存再试`,
    )
  }
  throw new ReportReadError(
    'UNSUPPORTED',
    `不支持的文件类型「${fileName}」：请提供 .docx、.html 或 .xlsx 格式的年度报告（.doc/.pdf 请先用 Word 或 WPS 另存为 .docx）`,
  )
}

/** Reads one report file and what is in it, without running the rules. */
export async function readReportFile(input: { bytes: Uint8Array; fileName: string }) {
  const doc = await readDocument(input.bytes, input.fileName)
  const sections = readSections(doc.paragraphs)
  const fallback = sections.year !== null ? formatForYear(sections.year) : '2021'
  const located = locateTables(doc.tables, fallback)
  const anyTable = located.found.table2 || located.found.table3 || located.found.table4
  if (!anyTable && sections.headings.length < 2) {
    throw new ReportReadError(
      'NOT_A_REPORT',
      `「${input.fileName}」不是政府信息公开工作年度报告：文件中既没有表二、表三、表四（按国家格式的行列标签查找），也没有“一、总体情况”等部分标题`,
    )
  }
  return { doc, sections, located }
}

/** Checks one report file: reads it, then runs every rule (prior = last year's report, optional). */
export async function checkReportFile(input: {
  bytes: Uint8Array
  fileName: string
  prior?: ReportTables | null
}): Promise<CheckReportResult> {
  const { doc, sections, located } = await readReportFile(input)
  const issues: RuleFailure[] = [...located.issues]
  if (doc.kind !== 'xlsx') {
    for (const key of ['overview', 'other'] as const)
      if (sections.narrative[key] === undefined)
        issues.push({
          rule: 'READ-SECTION',
          severity: 'warning',
          message: `未找到“${REPORT_SECTION_HEADINGS[key]}”部分，其中的数字未能与表格核对`,
          section: key,
        })
  }
  if (
    sections.year !== null &&
    located.formatFromTables &&
    formatForYear(sections.year) !== located.format
  ) {
    issues.push({
      rule: 'READ-FORMAT-YEAR',
      severity: 'warning',
      message: `这是 ${sections.year} 年度的报告，却使用了 ${located.format} 年${located.format === '2019' ? '试行' : ''}格式的表格（${sections.year} 年度应使用 ${formatForYear(sections.year)} 年${formatForYear(sections.year) === '2019' ? '试行' : ''}格式）`,
    })
  }
  const rules = runReportRules({
    tables: located.tables,
    prior: input.prior ?? null,
    narrative: sections.narrative,
  })
  // A cell with text such as 「—」 is said once (READ-CELL names the text), not also as blank.
  const oddCells = new Set(
    issues.filter((f) => f.rule === 'READ-CELL').map((f) => `${f.table}.${f.row}.${f.column}`),
  )
  const all = [
    ...issues,
    ...rules.filter((f) => f.rule !== 'BLANK' || !oddCells.has(`${f.table}.${f.row}.${f.column}`)),
  ]
  const failures = [
    ...all.filter((f) => f.severity === 'error'),
    ...all.filter((f) => f.severity === 'warning'),
  ]
  return {
    fileName: input.fileName,
    kind: doc.kind,
    title: sections.title,
    year: sections.year,
    format: located.format,
    formatFrom: located.formatFromTables ? 'tables' : sections.year !== null ? 'year' : 'default',
    tables: located.tables,
    narrative: sections.narrative,
    failures,
    errors: failures.filter((f) => f.severity === 'error').length,
    warnings: failures.filter((f) => f.severity === 'warning').length,
  }
}
