import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'
import {
  TABLE2_SIGNED_COLUMNS,
  TABLE3_APPLICANT_COLUMNS,
  TABLE4_OUTCOME_COLUMNS,
  cellName,
  emptyReportTables,
  formatForYear,
  reportTitle,
  table2Blocks,
  table3OutcomeRows,
  tableShape,
  type ReportFormatId,
  type ReportTables,
  type TableCells,
} from '../../shared/report/format'
import { cellKey, type CellKey, type CellSource, type OfficerCell } from '../../shared/report/types'
import { CASE_KINDS, REQUEST_OUTCOMES } from '../../shared/requests/types'
import { departmentName, listFigures, loadDraft, type FigureRow } from './repository'
import {
  countCases,
  countDecisionItems,
  countFees,
  countInterpretations,
  countPublishedByKind,
  countRegulations,
  countRequests,
  type CaseCounts,
  type FeeFigures,
  type RegulationCounts,
  type RequestCounts,
} from './store-counts'

/** The facts a compile reads, kept for the narrative's live fields and the reconciliation rules. */
export interface CompileFacts {
  requests: RequestCounts
  cases: CaseCounts
  regulations: Record<'rule' | 'normative', RegulationCounts>
  publishedByKind: { kind: string; count: number }[]
  decisionItems: Record<'permit' | 'penalty' | 'enforcement', number>
  fees: FeeFigures
  interpretations: { total: number; linked: number }
}

export interface CompiledReport {
  year: number
  format: ReportFormatId
  department: string
  title: string
  tables: ReportTables
  sources: Record<CellKey, CellSource>
  officerCells: OfficerCell[]
  facts: CompileFacts
  /** Data problems found while counting (Chinese). */
  notes: string[]
}

export interface CompileOptions {
  /** Overrides the stored or default format (years up to 2020: 2019 trial format). */
  format?: ReportFormatId
}

/** Store-counted cells of table 二 an officer may override (with a note), by format. */
const STORE_TABLE2: Record<ReportFormatId, Record<string, (c: RegulationCounts) => number>> = {
  '2021': {
    made: (c) => c.made,
    repealed: (c) => c.repealed,
    in_force: (c) => c.inForce,
  },
  '2019': {
    new_made: (c) => c.made,
    new_published: (c) => c.made,
    total_published: (c) => c.total,
  },
}

const REGULATION_ROW = { rules: 'rule', normative: 'normative' } as const

const UNITS: Record<string, string> = { amount: '万元' }

/**
 * Compiles the annual report of `year` (条例第四十九条、第五十条) in the national format: table 二
 * from the items (规章/行政规范性文件 by 体裁, 成文日期 and 有效性) and the officer's figures with
 * their sources; table 三 from the request register by the counting rules of annual-report.md
 * (received in the year; carried over from earlier years; answered in the year by outcome; carried
 * into next year), over the six applicant columns and 总计; table 四 from the 行政复议/行政诉讼
 * cases. Every cell carries where it came from. About ten grouped queries, whatever the year's size.
 */
export async function compileAnnualReport(
  db: Kysely<DB>,
  year: number,
  options: CompileOptions = {},
): Promise<CompiledReport> {
  const draft = await loadDraft(db, year)
  const format = options.format ?? draft?.format ?? formatForYear(year)
  const [
    department,
    requests,
    cases,
    regulations,
    published,
    decisionItems,
    fees,
    interp,
    figures,
  ] = await Promise.all([
    departmentName(db),
    countRequests(db, year),
    countCases(db, year),
    countRegulations(db, year),
    countPublishedByKind(db, year),
    countDecisionItems(db, year),
    countFees(db, year),
    countInterpretations(db, year),
    listFigures(db, year),
  ])
  const facts: CompileFacts = {
    requests,
    cases,
    regulations,
    publishedByKind: published,
    decisionItems,
    fees,
    interpretations: interp,
  }
  const tables = emptyReportTables(format)
  const sources: Record<CellKey, CellSource> = {}
  const officerCells: OfficerCell[] = []
  const byCell = new Map<string, FigureRow>(figures.map((f) => [f.cell, f]))
  fillTable2(format, year, tables.table2, regulations, decisionItems, byCell, sources, officerCells)
  fillTable3(format, year, tables.table3, requests, sources)
  fillTable4(year, tables.table4, cases, sources)
  const notes: string[] = []
  if (requests.withoutOutcome.length > 0) {
    const list = requests.withoutOutcome
      .slice(0, 5)
      .map((r) => r.no)
      .join('、')
    notes.push(
      `${requests.withoutOutcome.length} 件申请已办结但未登记办理结果（${list}${
        requests.withoutOutcome.length > 5 ? ' 等' : ''
      }），未计入表三“三、本年度办理结果”，请在依申请公开中补登答复`,
    )
  }
  return {
    year,
    format,
    department,
    title: reportTitle(department, year),
    tables,
    sources,
    officerCells,
    facts,
    notes,
  }
}

function fillTable2(
  format: ReportFormatId,
  year: number,
  cells: TableCells,
  regulations: Record<'rule' | 'normative', RegulationCounts>,
  decisionItems: Record<'permit' | 'penalty' | 'enforcement', number>,
  figures: Map<string, FigureRow>,
  sources: Record<CellKey, CellSource>,
  officerCells: OfficerCell[],
): void {
  const store = STORE_TABLE2[format]
  const hintOf: Record<string, number | undefined> = {
    licensing: decisionItems.permit,
    punishment: decisionItems.penalty,
    enforcement: decisionItems.enforcement,
  }
  const hintLabel: Record<string, string> = {
    licensing: '行政许可公示',
    punishment: '行政处罚公示',
    enforcement: '行政强制公示',
  }
  for (const block of table2Blocks(format)) {
    for (const r of block.rows) {
      for (const c of block.columns) {
        const key = cellKey('table2', r.key, c.key)
        const label = `${r.label} · ${c.label}`
        const entered = figures.get(key)
        const regulation = REGULATION_ROW[r.key as keyof typeof REGULATION_ROW]
        const counter = regulation ? store[c.key] : undefined
        if (regulation && counter) {
          const counted = counter(regulations[regulation])
          const genre = regulation === 'rule' ? '规章' : '行政规范性文件'
          const rule = storeRule(format, c.key, genre, year)
          officerCells.push({
            key,
            label,
            mode: 'override',
            value: entered ? entered.value : null,
            source: entered?.source ?? '',
            storeValue: counted,
            hint: rule,
            unit: null,
          })
          if (entered) {
            cells[r.key]![c.key] = entered.value
            sources[key] = {
              kind: 'override',
              note: entered.source,
              storeValue: counted,
              updatedByName: entered.updated_by_name,
              updatedAt: entered.updated_at,
            }
          } else {
            cells[r.key]![c.key] = counted
            sources[key] = { kind: 'store', note: rule }
          }
          continue
        }
        const hint = hintOf[r.key]
        officerCells.push({
          key,
          label,
          mode: 'required',
          value: entered ? entered.value : null,
          source: entered?.source ?? '',
          storeValue: c.key === 'decisions' && hint !== undefined ? hint : null,
          hint:
            c.key === 'decisions' && hint !== undefined
              ? `本系统 ${year} 年已公开${hintLabel[r.key]}条目 ${hint} 条（仅供参考，以业务系统统计为准）`
              : TABLE2_SIGNED_COLUMNS.includes(c.key)
                ? '可填负数（减少）'
                : null,
          unit: UNITS[c.key] ?? null,
        })
        if (entered) {
          cells[r.key]![c.key] = entered.value
          sources[key] = {
            kind: 'officer',
            note: entered.source,
            updatedByName: entered.updated_by_name,
            updatedAt: entered.updated_at,
          }
        } else {
          sources[key] = {
            kind: 'missing',
            note: `${cellName(format, 'table2', r.key, c.key)}由业务系统统计，请填写并注明来源`,
          }
        }
      }
    }
  }
}

function storeRule(format: ReportFormatId, column: string, genre: string, year: number): string {
  const base = `公开信息条目中体裁为「${genre}」、已通过保密审查的文件`
  switch (column) {
    case 'made':
    case 'new_made':
      return `${base}，成文日期在 ${year} 年内`
    case 'new_published':
      return `${base}，成文日期在 ${year} 年内（已公开）`
    case 'repealed':
      return `${base}，${year} 年内废止或失效（以废止它的文件的成文日期为准）`
    case 'in_force':
      return `${base}，${year} 年 12 月 31 日前制发且当日未废止、未失效（已修改的仍有效）`
    default:
      return `${base}，截至 ${year} 年 12 月 31 日已公开的总数（${format} 年格式）`
  }
}

function fillTable3(
  format: ReportFormatId,
  year: number,
  cells: TableCells,
  counts: RequestCounts,
  sources: Record<CellKey, CellSource>,
): void {
  const put = (row: string, values: Record<string, number>, note: string) => {
    let total = 0
    for (const a of TABLE3_APPLICANT_COLUMNS) {
      const v = values[a] ?? 0
      cells[row]![a] = v
      total += v
      sources[cellKey('table3', row, a)] = { kind: 'store', note }
    }
    cells[row]!.total = total
    sources[cellKey('table3', row, 'total')] = {
      kind: 'derived',
      note: '总计 = 自然人 + 法人或其他组织五列之和',
    }
  }
  put(
    'received',
    counts.received,
    `依申请公开登记：收到申请之日（条例第三十一条）在 ${year} 年内的申请`,
  )
  put(
    'carried_over',
    counts.carriedIn,
    `${year - 1} 年及以前收到、${year} 年 1 月 1 日仍未办结的申请`,
  )
  const outcomeRows = table3OutcomeRows(format)
  for (const row of outcomeRows) {
    const codes = REQUEST_OUTCOMES.filter((o) => o === row || (row === '6' && o.startsWith('6.')))
    const sum: Record<string, number> = {}
    for (const a of TABLE3_APPLICANT_COLUMNS) {
      sum[a] = codes.reduce((n, o) => n + counts.outcomes[o][a], 0)
    }
    put(
      row,
      sum,
      `${year} 年内答复或终止、办理结果登记为该项的申请（一件申请只计一项；部分公开只计（二））`,
    )
  }
  const total: Record<string, number> = {}
  for (const a of TABLE3_APPLICANT_COLUMNS) {
    total[a] = outcomeRows.reduce((n, r) => n + (cells[r]![a] ?? 0), 0)
  }
  put('total', total, '（七）总计 = （一）至（六）各项之和')
  for (const a of TABLE3_APPLICANT_COLUMNS) {
    sources[cellKey('table3', 'total', a)] = {
      kind: 'derived',
      note: '（七）总计 = （一）至（六）各项之和',
    }
  }
  put(
    'carried_forward',
    counts.carriedOut,
    `${year} 年 12 月 31 日前收到、当日仍未办结的申请（结转 ${year + 1} 年继续办理）`,
  )
}

function fillTable4(
  year: number,
  cells: TableCells,
  counts: CaseCounts,
  sources: Record<CellKey, CellSource>,
): void {
  for (const kind of CASE_KINDS) {
    let total = 0
    for (const o of TABLE4_OUTCOME_COLUMNS) {
      const v = counts[kind][o]
      cells[kind]![o] = v
      total += v
      sources[cellKey('table4', kind, o)] = {
        kind: 'store',
        note:
          o === 'pending'
            ? `依申请公开的复议、诉讼案件：${year} 年 12 月 31 日前立案、当日尚未审结的`
            : `依申请公开的复议、诉讼案件：${year} 年内审结、结果为该项的`,
      }
    }
    cells[kind]!.total = total
    sources[cellKey('table4', kind, 'total')] = { kind: 'derived', note: '总计 = 前四项之和' }
  }
}

/** The cells of a compiled table as a flat list (what the round-trip test and the bench compare). */
export function flatCells(tables: ReportTables): { key: CellKey; value: number | null }[] {
  const out: { key: CellKey; value: number | null }[] = []
  for (const table of ['table2', 'table3', 'table4'] as const) {
    const shape = tableShape(tables.format, table)
    for (const r of shape.rows) {
      for (const c of shape.columnsOf(r.key)) {
        out.push({
          key: cellKey(table, r.key, c.key),
          value: tables[table][r.key]?.[c.key] ?? null,
        })
      }
    }
  }
  return out
}
