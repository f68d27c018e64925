/**
 * The consolidated report's first draft of sections 一, 五 and 六, written from the summed tables
 * (so the figures it states are the tables' own) and the list of departments. The district office
 * edits it before publishing.
 */
import type { NarrativeSectionKey, ReportTables } from '../../shared/report/format'
import type { ConsolidatedReport } from './consolidate'

const n = (v: number | null | undefined): number => v ?? 0

function rowSum(tables: ReportTables, prefix: string): number {
  return Object.entries(tables.table3)
    .filter(([k]) => k === prefix || k.startsWith(`${prefix}.`))
    .reduce((s, [, cols]) => s + n(cols.total), 0)
}

/** 六 must state the 信息处理费 (《政府信息公开信息处理费管理办法》): the departments' own statements, summed. */
function feeSentence(r: ConsolidatedReport): string {
  const f = r.fees
  const total = `据各部门报告，全区共发出收费通知${f.notices}件，应收信息处理费${f.billed}元，实际收取${f.collected}元。`
  return f.unstated.length > 0
    ? `${total}${f.unstated.join('、')}的报告未说明信息处理费收取情况，未计入。`
    : total
}

export function consolidatedNarrative(
  districtName: string,
  r: ConsolidatedReport,
): Record<NarrativeSectionKey, string> {
  const t = r.tables
  const t3 = t.table3
  const included = r.departments.filter((d) => d.included)
  const parts = `${included.length} 个部门（单位）${r.ownIncluded ? `及${districtName}本级` : ''}`
  const overview = [
    `${r.year}年，${districtName}汇总${parts}的政府信息公开工作年度报告数据，编制本报告。`,
    `全区共收到政府信息公开申请${n(t3.received?.total)}件，上年结转${n(t3.carried_over?.total)}件。`,
    `本年度办结${n(t3.total?.total)}件，其中予以公开${n(t3['1']?.total)}件，部分公开${n(t3['2']?.total)}件，不予公开${rowSum(t, '3')}件，无法提供${rowSum(t, '4')}件，不予处理${rowSum(t, '5')}件，其他处理${rowSum(t, '6')}件；结转下年度继续办理${n(t3.carried_forward?.total)}件。`,
    `全年发生政府信息公开行政复议${n(t.table4.reconsideration?.total)}件，行政诉讼${n(t.table4.litigation_direct?.total) + n(t.table4.litigation_after?.total)}件。`,
  ].join('\n')
  const withProblems = r.departments.filter((d) => d.errors > 0).map((d) => d.name)
  const problems = [
    withProblems.length > 0
      ? `经核对，${withProblems.join('、')}的年度报告存在数据不一致的问题，已通知其核实更正。`
      : '经核对，各部门报告的表格数据均符合国家格式的勾稽关系。',
    '各部门存在的主要问题及改进情况见各部门年度报告。',
  ].join('\n')
  const other = [
    r.missing.length > 0
      ? `截至汇总时，${r.missing.map((m) => m.name).join('、')}尚未报送年度报告，未计入本报告。`
      : '本区各部门均已报送年度报告。',
    feeSentence(r),
  ].join('\n')
  return { overview, problems, other }
}
