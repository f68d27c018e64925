import type { SheetGrid, SheetMerge } from './types'

/** Every cell of a merged range carries the range's top-left value (a copy; the grid is unchanged). */
export function fillMerged(grid: SheetGrid): string[][] {
  const rows = grid.rows.map((r) => [...r])
  for (const m of grid.merges) {
    const value = grid.rows[m.top]?.[m.left] ?? ''
    for (let r = m.top; r <= m.bottom; r++) {
      const row = (rows[r] ??= [])
      for (let c = m.left; c <= m.right; c++) row[c] = value
    }
  }
  // Rows extended by a merge past their end get '' in the gaps.
  for (const row of rows) for (let c = 0; c < row.length; c++) row[c] ??= ''
  return rows
}

/** The merged range a cell belongs to, if any. */
export function mergeAt(grid: SheetGrid, row: number, col: number): SheetMerge | undefined {
  return grid.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right)
}

/** Column letters for a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(col: number): string {
  let n = col + 1
  let s = ''
  while (n > 0) {
    const r = (n - 1) % 26
    s = String.fromCharCode(65 + r) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}

/** `B3` style reference from 0-based row and column (for messages: 「第 3 行 B 列」). */
export function cellRef(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`
}

/** 「第 3 行 B 列」 from 0-based row and column. */
export function cellPlace(row: number, col: number): string {
  return `第 ${row + 1} 行 ${columnLetter(col)} 列`
}

/**
 * A header name normalised for matching: no whitespace, full-width letters, digits and brackets
 * made half-width, trailing ：/:/* (required-field marks) and a leading * dropped, letters lower-case.
 */
export function normaliseHeaderName(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/[\s\u00a0]+/g, '')
    .replace(/^[*＊]+/, '')
    .replace(/[:：*＊]+$/, '')
    .toLowerCase()
}

/** A line above the table naming who filled it in and when (填报单位：… 填报日期：…). */
const PREAMBLE_LINE =
  /^(填报|填表|制表|报送|编制)(单位|日期|时间|人)|^(单位|日期|统计时间|截至)[:：]/

export interface FindHeaderOptions {
  /** How many rows from the top to scan (default 10). */
  scanRows?: number
  /** Whether a row's matched fields make it the header (default: at least 2 fields, or all of them when fewer are asked for). */
  accept?: (matched: ReadonlySet<string>) => boolean
}

export interface HeaderMatch {
  /** 0-based row of the (upper) header row. */
  headerRow: number
  /** Rows the header takes: 1, or 2 when sub-headers sit under merged headers. */
  headerRows: 1 | 2
  /** 0-based row of the first data row (below the header). */
  dataRow: number
  /** Field → 0-based column; undefined for a field not found. */
  columns: Record<string, number | undefined>
  /** Fields that no column names. */
  unmatched: string[]
}

/**
 * Finds the header among the first rows of a sheet: skips a title row (one text across merged
 * cells) and a 填报单位/日期 line, matches column names against each field's accepted names
 * (normalised: whitespace, full/half width, trailing ：*), and takes a second header row under
 * merged headers (一级事项/二级事项 under 公开事项). Returns null when no row qualifies.
 */
export function findHeader(
  grid: SheetGrid,
  fields: Record<string, readonly string[]>,
  opts: FindHeaderOptions = {},
): HeaderMatch | null {
  const filled = fillMerged(grid)
  const names = new Map<string, string>()
  for (const [field, aliases] of Object.entries(fields)) {
    for (const a of [field, ...aliases]) {
      const n = normaliseHeaderName(a)
      if (n !== '' && !names.has(n)) names.set(n, field)
    }
  }
  const wanted = Object.keys(fields).length
  const accept = opts.accept ?? ((m: ReadonlySet<string>) => m.size >= Math.min(2, wanted))
  const match = (text: string | undefined) =>
    text === undefined ? undefined : names.get(normaliseHeaderName(text))
  const scan = Math.min(opts.scanRows ?? 10, grid.rows.length)

  for (let r = 0; r < scan; r++) {
    const row = grid.rows[r] ?? []
    const nonEmpty = row.filter((t) => t !== '')
    if (nonEmpty.length === 0) continue
    if (nonEmpty.some((t) => PREAMBLE_LINE.test(t.replace(/\s+/g, '')))) continue
    const wide = grid.merges.some(
      (m) => m.top <= r && m.bottom >= r && m.right - m.left + 1 >= Math.max(2, row.length - 1),
    )
    if (nonEmpty.length === 1 && (wide || row.length > 1) && wanted > 1) continue

    const top = filled[r] ?? []
    const sub = filled[r + 1] ?? []
    const subRaw = grid.rows[r + 1] ?? []
    const width = Math.max(top.length, sub.length)
    // A second header row exists when a header merged across columns has text under it, or the
    // row below names fields the row itself does not.
    // A header row names at least one field itself.
    const topFields = new Set(top.map(match).filter((f): f is string => f !== undefined))
    if (topFields.size === 0) continue
    let twoRows = false
    for (let c = 0; c < width; c++) {
      const below = subRaw[c] ?? ''
      if (below === '') continue
      const m = mergeAt(grid, r, c)
      const spansColumns = m !== undefined && m.right > m.left && m.top === r && m.bottom === r
      const subField = match(below)
      const openAbove = (row[c] ?? '') === '' || spansColumns
      if (
        (spansColumns && below !== top[c]) ||
        (openAbove && subField !== undefined && !topFields.has(subField))
      ) {
        twoRows = true
        break
      }
    }
    const columns: Record<string, number | undefined> = {}
    const matched = new Set<string>()
    for (let c = 0; c < width; c++) {
      const t = top[c] ?? ''
      const s = twoRows ? (sub[c] ?? '') : ''
      const field = (s !== '' && s !== t ? (match(s) ?? match(t + s)) : undefined) ?? match(t)
      if (field !== undefined && !matched.has(field)) {
        matched.add(field)
        columns[field] = c
      }
    }
    if (!accept(matched)) continue
    const unmatched = Object.keys(fields).filter((f) => !matched.has(f))
    for (const f of unmatched) columns[f] = undefined
    return {
      headerRow: r,
      headerRows: twoRows ? 2 : 1,
      dataRow: r + (twoRows ? 2 : 1),
      columns,
      unmatched,
    }
  }
  return null
}

/** A note under a table (注：…, 说明：…, 填表人：…): one filled cell starting with such a word. */
const NOTE_LINE =
  /^(注|备注|附注|说明|填表说明|填报说明)\s*[:：\d１-９一二三四五六七八九十、.．]|^(填表人|填报人|审核人|制表人|负责人|联系人|联系电话)\s*[:：]/

/** True for a row that is a note under the table rather than data (one cell, 注：… and the like). */
export function isNoteRow(row: readonly string[]): boolean {
  const filled = row.filter((t) => t !== '')
  return filled.length === 1 && NOTE_LINE.test(filled[0] ?? '')
}
