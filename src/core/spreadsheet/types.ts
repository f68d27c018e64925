/** A merged range, 0-based and inclusive. */
export interface SheetMerge {
  top: number
  left: number
  bottom: number
  right: number
}

/** A comment (批注) on a cell, 0-based. */
export interface SheetComment {
  row: number
  col: number
  author?: string
  text: string
}

/**
 * One worksheet as display text. `rows[r][c]` is the cell in sheet row r+1, column c+1 (the grid
 * always starts at A1, so indices are sheet positions); text is trimmed, dates are `YYYY-MM-DD`.
 */
export interface SheetGrid {
  name: string
  rows: string[][]
  merges: SheetMerge[]
  /** Hidden or very hidden sheet. */
  hidden: boolean
  /** 0-based rows and columns Excel hides. */
  hiddenRows: number[]
  hiddenColumns: number[]
  comments: SheetComment[]
}

/** Document properties, where the file holds them. */
export interface SpreadsheetProperties {
  author?: string
  lastModifiedBy?: string
  company?: string
  manager?: string
  title?: string
}

export interface SpreadsheetBook {
  format: 'xlsx' | 'xls' | 'csv' | 'other'
  sheets: SheetGrid[]
  properties: SpreadsheetProperties
}

export type SheetValue = string | number | null

/** One sheet to write (styled, print-ready). */
export interface SheetSpec {
  name: string
  /** A title row merged across the table, above the header. */
  title?: string
  /** Optional line(s) under the title (填报单位：… 日期：…), left-aligned. */
  subtitle?: string
  columns: { header: string; width?: number; wrap?: boolean; align?: 'left' | 'center' }[]
  rows: SheetValue[][]
  /** Lines under the table (注：…). */
  notes?: string[]
  /**
   * A second, upper header row: per column the group named above it. Equal neighbours merge
   * across; a column whose group is null keeps its one header merged down over both rows.
   */
  headerGroups?: (string | null)[]
  /**
   * 0-based columns whose equal neighbouring values merge down (category cells over several
   * tasks); a later column only merges inside the runs of the columns before it in this list.
   */
  mergeDown?: number[]
  /** 0-based data rows whose first cell spans the whole table, bold (section headings 「一、…」). */
  spanRows?: number[]
  /** Font names (default 宋体 everywhere): e.g. body 仿宋, header and title 黑体. */
  fonts?: { body?: string; header?: string; title?: string }
  /**
   * A table laid out cell by cell with explicit merges (the annual report's tables, whose headers
   * nest row and column spans): written under the title instead of `columns`' headers and `rows`;
   * `columns` then only gives the widths. Coordinates are 0-based from the table's first row.
   */
  layout?: SheetLayout
}

/** One cell of a laid-out table. */
export interface LayoutCell {
  row: number
  col: number
  value: SheetValue
  /** Header and label cells: bold; header cells shaded. */
  bold?: boolean
  shade?: boolean
  align?: 'left' | 'center' | 'right'
}

export interface SheetLayout {
  rows: number
  cells: LayoutCell[]
  merges: SheetMerge[]
  /** Leading rows frozen and repeated on every printed page. */
  headerRows?: number
}

export interface SpreadsheetSpec {
  sheets: SheetSpec[]
  creator?: string
}
