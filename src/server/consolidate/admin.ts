/**
 * The admin CLI's `consolidate-report` (issue 15): reads every department's stored report of the
 * year (src/server/reports), writes the 区's consolidated .docx/.xlsx/.json and prints, per
 * department, whether its report passes the checker, and who has not submitted.
 */
import type { Kysely } from 'kysely'
import type { ServerDB } from '../db/schema'
import { AdminError } from '../departments/departments-service'
import { listDepartmentReports } from '../reports/report-service'
import { consolidateReport, ConsolidateError } from './command'

export const CONSOLIDATE_USAGE = `  consolidate-report --year <年度> --out <目录> [--name <区名称>] [--own <本级报告.docx|.html|.xlsx>]
                                                 汇总各部门报送的该年度年度报告（加本级报告），按国家格式逐格相加，
                                                 列出未报送的部门，逐一检查各部门报告，写出汇总报告 .docx/.xlsx 和数据 .json；
                                                 汇总表不符合勾稽关系时写出后退出码 1`

export interface ConsolidateArgs {
  year?: string | undefined
  out?: string | undefined
  name?: string | undefined
  own?: string | undefined
}

/** Runs the command; returns false when the consolidated tables fail a rule (files still written). */
export async function runConsolidateReport(
  db: Kysely<ServerDB>,
  args: ConsolidateArgs,
  out: (line: string) => void,
): Promise<boolean> {
  const year = Number(args.year)
  if (!args.year || !Number.isInteger(year) || year < 2008 || year > 2100) {
    throw new AdminError('--year 应为年度，例如 --year 2024。')
  }
  if (!args.out) throw new AdminError('缺少 --out（写出汇总报告的目录）。')
  const name = args.name?.trim() || '本区'
  let done
  try {
    done = await consolidateReport(
      db,
      { year, out: args.out, name, own: args.own },
      listDepartmentReports,
      out,
    )
  } catch (e) {
    if (e instanceof ConsolidateError) throw new AdminError(e.message)
    throw e
  }
  const { result, files } = done
  const included = result.departments.filter((d) => d.included).length
  out(
    `已汇总 ${year} 年度报告：${included} 个部门${result.ownIncluded ? '及本级' : ''}；` +
      (result.missing.length > 0 ? `${result.missing.length} 个部门未报送。` : '各部门均已报送。'),
  )
  for (const d of result.departments) {
    const state =
      d.errors === 0
        ? `通过${d.warnings > 0 ? `（${d.warnings} 条提示）` : ''}`
        : `${d.errors} 个错误、${d.warnings} 条提示：${d.failures[0]?.message ?? ''}`
    out(`  ${d.name}（${d.code}）${d.included ? '' : '【未计入汇总】'}：${state}`)
  }
  for (const m of result.missing) out(`  未报送：${m.name}（${m.code}）`)
  const errors = result.failures.filter((f) => f.severity === 'error')
  for (const f of errors) out(`  汇总表问题 [${f.rule}] ${f.message}`)
  out(`已写出：${files.docx}、${files.xlsx}、${files.json}`)
  out(
    JSON.stringify({
      year,
      format: result.format,
      included,
      ownIncluded: result.ownIncluded,
      missing: result.missing,
      departments: result.departments.map((d) => ({
        code: d.code,
        name: d.name,
        included: d.included,
        errors: d.errors,
        warnings: d.warnings,
      })),
      errors: errors.length,
      files,
    }),
  )
  return errors.length === 0
}
