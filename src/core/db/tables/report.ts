import type { Selectable } from 'kysely'

/** `report_drafts`: one annual report per year (migration 0160). */
export interface ReportDraftsTable {
  year: number
  format: '2021' | '2019'
  /** JSON { one, five, six }: section text with {{field}} live fields. */
  sections_json: string
  /** The disclosure item (体裁 年度报告) the report was published as. */
  item_id: string | null
  /** JSON of the tables as published (what the server keeps). */
  tables_json: string | null
  /** JSON { overview, problems, other }: the rendered text as published (migration 0161). */
  narrative_json: string | null
  /** sha256 of tables_json when the item was made; the sync extension sends it once. */
  published_hash: string | null
  /** published_hash once the central server acknowledged the tables. */
  sent_hash: string | null
  /** The item revision the published tables belong to (migration 0162; null: published before). */
  published_revision: number | null
  created_at: string
  updated_at: string
  updated_by_name: string | null
}
export type ReportDraftRow = Selectable<ReportDraftsTable>

/** `report_figures`: officer-entered figures (cell key) with their source note. */
export interface ReportFiguresTable {
  year: number
  cell: string
  value: number
  source: string
  updated_at: string
  updated_by_name: string | null
}

/** `report_prior_figures`: last year's published figures (first year in the app). */
export type ReportPriorFiguresTable = ReportFiguresTable
