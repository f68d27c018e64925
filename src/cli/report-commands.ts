import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { AppError } from '../core/errors'
import { reportDocx, reportXlsx } from '../core/report/export'
import { loadReport } from '../core/report/service'
import { cellName } from '../shared/report/format'
import type { CliEnv } from './commands'
import { withExistingStore } from './drafting-commands'

/** `report`'s --help lines. */
export const REPORT_USAGE = `  report        编制该年度的政府信息公开工作年度报告：按国家格式写出 Word 文档（.docx）、
                表格（.xlsx）和各表数据（.tables.json）；校验规则有错误时仍写出文件，并列出问题、以退出码 1 结束
                  --db <文件>  --year <年度>  --out <目录>`

const safeName = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 80) || '年度报告'

/**
 * Compiles the year's report from the store and writes the .docx, the .xlsx and the tables as
 * JSON into `out`; then lists every failing rule (naming the cell or the sentence) and returns 1
 * when any is an error — after writing, so the files can be looked at.
 */
export async function reportCommand(
  args: { db: string; year: string; out: string },
  env: CliEnv,
): Promise<number> {
  const year = Number(args.year)
  if (!/^\d{4}$/.test(args.year) || year < 2008 || year > 2100) {
    throw new AppError('VALIDATION', `年度应为 2008 至 2100 之间的四位数字：${args.year}`)
  }
  return withExistingStore(args.db, env, async (store) => {
    const { view } = await loadReport(store.db, year)
    const dir = resolve(args.out)
    mkdirSync(dir, { recursive: true })
    const base = join(dir, safeName(view.title))
    const files = [`${base}.docx`, `${base}.xlsx`, `${base}.tables.json`]
    writeFileSync(files[0]!, await reportDocx(view))
    writeFileSync(files[1]!, await reportXlsx(view))
    writeFileSync(
      files[2]!,
      JSON.stringify(
        {
          year: view.year,
          department: view.department,
          title: view.title,
          format: view.format,
          tables: view.tables,
          sources: view.sources,
          problems: view.problems,
        },
        null,
        2,
      ) + '\n',
    )
    for (const f of files) env.io.out(`已写出：${f}`)
    for (const n of view.notes) env.io.out(`注意：${n}`)
    const errors = view.problems.filter((p) => p.severity === 'error')
    const warnings = view.problems.length - errors.length
    for (const p of view.problems) {
      const where =
        p.table && p.row && p.column
          ? `［${cellName(view.format, p.table, p.row, p.column)}］`
          : p.section
            ? `［${p.section}${p.sentence ? `：${p.sentence.slice(0, 40)}` : ''}］`
            : ''
      const line = `${p.severity === 'error' ? '错误' : '提示'} ${p.rule}${where} ${p.message}`
      if (p.severity === 'error') env.io.err(line)
      else env.io.out(line)
    }
    if (errors.length > 0) {
      env.io.err(
        `校验未通过：${errors.length} 个错误，${warnings} 个提示（文件已写出，请修正后重新编制）`,
      )
      return 1
    }
    env.io.out(`校验通过${warnings ? `（${warnings} 个提示）` : ''}`)
    return 0
  })
}
