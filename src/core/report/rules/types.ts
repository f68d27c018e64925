import type {
  NarrativeSectionKey,
  ReportTableKey,
  ReportTables,
} from '../../../shared/report/format'

/**
 * The input of the report rules: the tables, last year's published figures (cross-year rules),
 * the narrative of sections 一/五/六 as rendered text, and figures from the records to reconcile.
 */
export interface RuleInput {
  tables: ReportTables
  /** Last year's published figures; cells null where unknown. */
  prior?: ReportTables | null
  /** Rendered section text, live fields filled in. */
  narrative?: Partial<Record<NarrativeSectionKey, string>>
  records?: ReportRecords
}

/** Figures from the app's records (the fee ledger and the request register). Money in yuan. */
export interface ReportRecords {
  /** Requests closed in the year because the fee was not paid in time (table 三 row （六）2). */
  feeLapsed?: number
  /** 信息处理费 billed in the year (应收), yuan. */
  feesBilled?: number
  /** 信息处理费 actually collected in the year (实收), yuan. */
  feesCollected?: number
  /** 收费通知 issued in the year. */
  feeNotices?: number
  /** Items published proactively in the year (主动公开政府信息 N 条). */
  itemsPublished?: number
}

export interface CellRef {
  table: ReportTableKey
  row: string
  column: string
}

export type RuleSeverity = 'error' | 'warning'

export interface RuleFailure {
  /** Stable rule id, e.g. 'T3-BALANCE'. */
  rule: string
  severity: RuleSeverity
  /** Chinese, names the cell/sentence and the numbers. */
  message: string
  /** The cell the preview highlights. */
  table?: ReportTableKey
  row?: string
  column?: string
  /** Every cell the rule involves. */
  cells?: CellRef[]
  /** The sentence the preview highlights: its text and position in narrative[section]. */
  section?: NarrativeSectionKey
  sentence?: string
  offset?: number
  length?: number
  numbers?: Record<string, number>
}
