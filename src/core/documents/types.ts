/** A paragraph inside a table cell. */
export interface CellParagraph {
  text: string
  align?: 'left' | 'right' | 'center'
  bold?: boolean
  /** Extra space above, in points (room to sign by hand). */
  spaceBefore?: number
}

/** A table cell: plain text (lines split on \n) or paragraphs with their own alignment. */
export type DocCell = string | { paragraphs: CellParagraph[]; align?: 'left' | 'right' | 'center' }

/** A row of a table: one cell per column, or one cell spanning the whole row (a section label). */
export type DocTableRow = DocCell[] | { full: DocCell }

export interface DocColumn {
  header: string
  /** Relative width (default 1): widths are fitted to the text width by weight. */
  weight?: number
  align?: 'left' | 'center'
}

/**
 * One cell of a merged-cell table, placed at its top-left grid position (0-based) and spanning
 * `rowSpan` rows and `colSpan` columns. Positions no cell covers are written empty.
 */
export interface GridCell {
  row: number
  col: number
  rowSpan?: number
  colSpan?: number
  text: string
  align?: 'left' | 'right' | 'center'
  /** 黑体 (仿宋 has no bold face). */
  bold?: boolean
  /** The grey fill of header cells. */
  shade?: boolean
}

export type DocBlock =
  | { kind: 'heading'; text: string; level?: 1 | 2 }
  | {
      kind: 'paragraph'
      text: string
      /** 2-character first-line indent, default true. */
      indent?: boolean
      align?: 'left' | 'right' | 'center'
      /** 四号 instead of 三号 (remarks, 附注). */
      small?: boolean
    }
  /** 「张三：」 line, no indent. */
  | { kind: 'addressee'; text: string }
  /**
   * A form table of labels and values. A row of two cells spans the value across the table (the
   * value may be paragraphs, e.g. an opinion with its signing line); a row of four puts two
   * fields side by side.
   */
  | { kind: 'fields'; rows: ([string, DocCell] | [string, string, string, string])[] }
  | { kind: 'table'; columns: DocColumn[]; rows: DocTableRow[] }
  /** Lines such as 「审核人（签字）：」 each followed by a space to sign, and a date space. */
  | { kind: 'signature'; lines: string[]; date?: string }
  /** 落款: the unit's name and the Chinese date, right-aligned. */
  | { kind: 'sender'; name: string; date: string }
  | { kind: 'pageBreak' }
  /**
   * A table with merged cells laid out as published (the annual report's tables 二/三/四): each
   * merge is written explicitly (w:gridSpan, w:vMerge restart/continue), never left to the docx
   * package's rowSpan bookkeeping. The first `headerRows` rows repeat on every page.
   */
  | {
      kind: 'grid'
      /** Relative column widths, fitted to the text width. */
      columns: number[]
      rows: number
      cells: GridCell[]
      headerRows?: number
      /** 五号 for wide tables (default 小四). */
      size?: 'xiaosi' | 'wuhao'
    }
  /** A PNG (a chart) centred at `widthMm` × `heightMm`, with an optional caption under it. */
  | {
      kind: 'image'
      png: Uint8Array
      widthMm: number
      heightMm: number
      alt: string
      caption?: string
    }

export interface OfficialDocument {
  title: string
  /** 文号 line under the title. */
  docNumber?: string
  /** A centred line under the title (the issuing unit, a record number). */
  subtitle?: string
  blocks: DocBlock[]
  /** Document properties. */
  creator?: string
  description?: string
}
