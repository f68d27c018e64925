/**
 * A table read from a document as a full matrix: every grid position holds the text of the cell
 * that covers it, merged cells repeated over their span with one id (so a reader can tell a merged
 * label from two equal labels). Built from Word's gridSpan/vMerge, HTML's rowspan/colspan and
 * spreadsheet merge ranges alike.
 */

export interface MatrixCell {
  text: string
  /** Same id over a merged span. */
  id: number
}

export type Matrix = MatrixCell[][]

let nextId = 1
const newId = (): number => nextId++

/** A cell as a document writes it. `continueAbove` is Word's vMerge without “restart”. */
export interface SourceCell {
  text: string
  colSpan: number
  rowSpan?: number
  continueAbove?: boolean
  /** Word's old horizontal merge (w:hMerge without “restart”): part of the cell to the left. */
  continueLeft?: boolean
}

/** Rows of source cells (with optional leading empty grid columns, Word's gridBefore) → matrix. */
export function matrixFromCells(rows: { before?: number; cells: SourceCell[] }[]): Matrix {
  const out: (MatrixCell | undefined)[][] = []
  const empty = (): MatrixCell => ({ text: '', id: newId() })
  rows.forEach((row, r) => {
    const line = (out[r] ??= [])
    let c = 0
    const skipTaken = () => {
      while (line[c] !== undefined) c++
    }
    for (let i = 0; i < (row.before ?? 0); i++) {
      skipTaken()
      line[c++] = empty()
    }
    for (const cell of row.cells) {
      skipTaken()
      const span = Math.max(1, cell.colSpan)
      const above = r > 0 ? out[r - 1]?.[c] : undefined
      const left = c > 0 ? line[c - 1] : undefined
      const origin: MatrixCell =
        cell.continueAbove && above
          ? above
          : cell.continueLeft && left
            ? left
            : { text: cell.text, id: newId() }
      const rowSpan = Math.max(1, cell.rowSpan ?? 1)
      for (let dr = 0; dr < rowSpan; dr++) {
        const target = (out[r + dr] ??= [])
        for (let dc = 0; dc < span; dc++) target[c + dc] = origin
      }
      c += span
    }
  })
  const width = Math.max(0, ...out.map((l) => l.length))
  return out.map((line) => {
    const full: MatrixCell[] = []
    for (let c = 0; c < width; c++) full.push(line[c] ?? empty())
    return full
  })
}

/** A spreadsheet grid + merge ranges → matrix. */
export function matrixFromSheet(
  rows: string[][],
  merges: { top: number; left: number; bottom: number; right: number }[],
): Matrix {
  const width = Math.max(0, ...rows.map((r) => r.length), ...merges.map((m) => m.right + 1))
  const height = Math.max(rows.length, ...merges.map((m) => m.bottom + 1))
  const out: MatrixCell[][] = []
  for (let r = 0; r < height; r++) {
    const line: MatrixCell[] = []
    for (let c = 0; c < width; c++) line.push({ text: rows[r]?.[c] ?? '', id: newId() })
    out.push(line)
  }
  for (const m of merges) {
    const origin = out[m.top]?.[m.left]
    if (!origin) continue
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) {
        const line = out[r]
        if (line) line[c] = origin
      }
  }
  return out
}
