import type { NarrativeSectionKey, ReportFormatId, ReportTableKey, ReportTables } from './format'

/**
 * The annual report (政府信息公开工作年度报告) as it crosses the IPC boundary: the compiled tables,
 * where every figure came from, the narrative with its live fields, and what the checks found.
 * Labels and the table layout live in ./format.ts (CHECKER's; one label table for the domain).
 */

/** A cell's address: `${table}.${row}.${column}`, e.g. `table2.licensing.decisions`. */
export type CellKey = string

export const cellKey = (table: ReportTableKey, row: string, column: string): CellKey =>
  `${table}.${row}.${column}`

export function parseCellKey(
  key: CellKey,
): { table: ReportTableKey; row: string; column: string } | null {
  const m = /^(table[234])\.([^.]+(?:\.\d)?)\.([a-z_]+)$/.exec(key)
  if (!m) return null
  return { table: m[1] as ReportTableKey, row: m[2]!, column: m[3]! }
}

/**
 * Where a figure came from: counted from the store (with the rule it was counted by), entered by
 * the officer (with the source they named), an officer's override of a store count, or derived
 * from other cells (总计 columns and rows).
 */
export interface CellSource {
  kind: 'store' | 'officer' | 'override' | 'derived' | 'missing'
  note: string
  /** For an override: what the store counted. */
  storeValue?: number
  updatedByName?: string | null
  updatedAt?: string
}

/** A value the narrative can show as a live field: `{{key}}` in the text. */
export interface LiveField {
  key: string
  /** Chinese name shown in the field menu, e.g. 「本年新收申请数」. */
  label: string
  value: string
  /** Where the value comes from (the register, the schedule …). */
  group: string
}

/** One failing rule (from core/report/rules), pointing at a cell or a sentence. */
export interface ReportProblem {
  rule: string
  severity: 'error' | 'warning'
  message: string
  table?: ReportTableKey
  row?: string
  column?: string
  /** Every cell the rule involves. */
  cells?: { table: ReportTableKey; row: string; column: string }[]
  section?: NarrativeSectionKey
  sentence?: string
  /** The sentence's position in the rendered section text. */
  offset?: number
  length?: number
  numbers?: Record<string, number>
}

export interface ChartDatum {
  label: string
  value: number
}

/** Last year's figures, as the cross-year checks see them. */
export interface PriorFigures {
  year: number
  /** `report`: the report published from this app; `entered`: typed or imported; null: none. */
  origin: 'report' | 'entered' | null
  /** The cells the cross-year rules read, with their values (null when unknown). */
  cells: { key: CellKey; label: string; value: number | null }[]
  source: string
}

/** A cell the officer fills in (or may override), as the figures form shows it. */
export interface OfficerCell {
  key: CellKey
  /** 「行政许可 · 本年处理决定数量」. */
  label: string
  /** Required (no store figure) or an optional override of a store count. */
  mode: 'required' | 'override'
  value: number | null
  source: string
  /** The store's count (overrides), or a hint (e.g. 行政许可公示 items published in the year). */
  storeValue: number | null
  hint: string | null
  unit: string | null
}

export interface ReportView {
  year: number
  format: ReportFormatId
  department: string
  title: string
  tables: ReportTables
  sources: Record<CellKey, CellSource>
  officerCells: OfficerCell[]
  prior: PriorFigures
  /** Section text as stored, with `{{field}}` live fields. */
  sections: Record<NarrativeSectionKey, string>
  /** True while a section still holds the generated draft (never edited). */
  generated: Record<NarrativeSectionKey, boolean>
  /** The same text with the fields filled in (what the document prints). */
  rendered: Record<NarrativeSectionKey, string>
  fields: LiveField[]
  problems: ReportProblem[]
  charts: { outcomes: ChartDatum[]; itemsByKind: ChartDatum[] }
  /** Data problems found while compiling (e.g. a request answered without an outcome). */
  notes: string[]
  item: { id: string; status: string; title: string } | null
  updatedAt: string | null
  updatedByName: string | null
}

export interface ReportExportResult {
  path: string
  fileName: string
  /** Problems the officer confirmed exporting with. */
  problems: number
}

export interface ReportPublishResult {
  itemId: string
  problems: number
}

export interface ReportYearList {
  years: number[]
  /** The year a report is due for now (last calendar year). */
  current: number
  /** Today in Beijing by core's clock (YYYY-MM-DD): the home card's 「1 月」 is this date's. */
  today: string
}
