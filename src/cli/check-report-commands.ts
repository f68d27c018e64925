import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import { parseArgs } from 'node:util'
import {
  checkReportFile,
  MAX_REPORT_BYTES,
  ReportReadError,
  type CheckReportResult,
} from '../core/report/check'
import type { RuleFailure } from '../core/report/rules'
import { REPORT_FORMAT_LABELS, REPORT_SECTION_HEADINGS } from '../shared/report/format'
import type { CliEnv } from './commands'
import { INTERNAL_MESSAGE } from '../core/errors'
import { createLogger } from '../core/logger'

/** `check-report`'s --help lines. */
export const CHECK_REPORT_USAGE = `  check-report  检查一份政府信息公开工作年度报告（.docx/.html/.xlsx，可以是本程序以外制作的）：
                找出表二、表三、表四（2021 年格式或 2019 年试行格式），逐项核对行列之和、
                勾稽关系、空白单元格，并把“一、总体情况”“六、其他需要报告的事项”中的数字与表格比对；
                每个问题列出所在的行、列或句子和涉及的数字。有错误时退出码 1，文件无法读取或不是年度报告时退出码 2
                  <报告文件>  [--prior <上年报告文件>（核对上年结转等跨年规则）]  [--json]`

const KIND_LABELS: Record<CheckReportResult['kind'], string> = {
  docx: 'Word 文档',
  html: '网页',
  xlsx: '电子表格',
}

const NUMBER_LABELS: Record<string, string> = {
  total: '总计',
  sum: '各项之和',
  received: '本年新收',
  carriedOver: '上年结转',
  carriedForward: '结转下年度',
  thisYear: '本年',
  lastYear: '上年',
  stated: '文中数字',
  table: '表中数字',
  records: '记录中的数字',
  expected: '推算值',
  made: '本年制发',
  repealed: '本年废止',
  value: '数值',
  lastYearPending: '上年尚未审结',
  thisYearTotal: '本年总计',
}

function describeFailure(f: RuleFailure): string[] {
  const mark = f.severity === 'error' ? '✗ 错误' : '△ 提示'
  const lines = [`${mark} [${f.rule}] ${f.message}`]
  const where: string[] = []
  if (f.table && f.row)
    where.push(`单元格编号 ${f.table}.${f.row}${f.column ? `.${f.column}` : ''}`)
  if (f.section && f.offset !== undefined)
    where.push(
      `“${REPORT_SECTION_HEADINGS[f.section]}”第 ${f.offset + 1} 字起，共 ${f.length ?? 0} 字`,
    )
  if (f.numbers)
    where.push(
      Object.entries(f.numbers)
        .map(([k, v]) => `${NUMBER_LABELS[k] ?? k} ${v}`)
        .join('，'),
    )
  if (where.length > 0) lines.push(`    ${where.join('；')}`)
  return lines
}

class CheckUsageError extends Error {}

async function readReport(
  path: string,
  what: string,
): Promise<{ bytes: Uint8Array; fileName: string }> {
  let size: number
  try {
    size = statSync(path).size
  } catch {
    throw new ReportReadError('UNREADABLE', `找不到${what}「${path}」`)
  }
  if (size > MAX_REPORT_BYTES)
    throw new ReportReadError('UNREADABLE', `${what}「${path}」超过 100 MB，不像是一份年度报告`)
  return { bytes: new Uint8Array(readFileSync(path)), fileName: basename(path) }
}

/** `check-report <file> [--prior <file>] [--json]`: 0 passes, 1 a rule fails, 2 unreadable / not a report / usage. */
export async function checkReportCommand(argv: string[], env: CliEnv): Promise<number> {
  let json = false
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        json: { type: 'boolean' },
        prior: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    })
    json = values.json === true
    if (values.help) {
      env.io.out(CHECK_REPORT_USAGE)
      return 0
    }
    if (positionals.length !== 1) throw new CheckUsageError('check-report 需要且只需要一个报告文件')
    const file = positionals[0] ?? ''
    let prior = null
    if (values.prior !== undefined) {
      const last = await checkReportFile(await readReport(values.prior, '上年报告'))
      prior = last.tables
    }
    const result = await checkReportFile({ ...(await readReport(file, '报告文件')), prior })
    if (json) {
      env.io.out(
        JSON.stringify(
          {
            file: result.fileName,
            kind: result.kind,
            title: result.title,
            year: result.year,
            format: result.format,
            formatFrom: result.formatFrom,
            passed: result.errors === 0,
            errors: result.errors,
            warnings: result.warnings,
            failures: result.failures,
            tables: result.tables,
          },
          null,
          2,
        ),
      )
    } else {
      const year = result.year === null ? '年度不详' : `${result.year} 年度`
      env.io.out(
        `检查：${result.fileName}（${KIND_LABELS[result.kind]}，${year}，${REPORT_FORMAT_LABELS[result.format]}）`,
      )
      if (result.title) env.io.out(`标题：${result.title}`)
      for (const f of result.failures) for (const line of describeFailure(f)) env.io.out(line)
      env.io.out(
        result.errors === 0
          ? `通过：没有发现错误${result.warnings > 0 ? `，有 ${result.warnings} 条提示` : ''}。`
          : `未通过：${result.errors} 个错误，${result.warnings} 条提示。`,
      )
    }
    return result.errors === 0 ? 0 : 1
  } catch (e) {
    if (e instanceof ReportReadError) {
      if (json)
        env.io.out(
          JSON.stringify({ passed: false, unreadable: e.reason, error: e.message }, null, 2),
        )
      env.io.err(`错误：${e.message}`)
      return 2
    }
    if (
      e instanceof CheckUsageError ||
      (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      const message =
        e instanceof CheckUsageError ? e.message : '参数有误（check-report 只接受 --prior、--json）'
      env.io.err(`${message}。运行 --help 查看用法。`)
      return 2
    }
    createLogger().error('检查年度报告失败', { error: e })
    env.io.err(`错误：无法检查该文件。${INTERNAL_MESSAGE}`)
    return 2
  }
}
