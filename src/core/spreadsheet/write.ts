import ExcelJS from 'exceljs'
import type { SheetLayout, SheetSpec, SpreadsheetSpec } from './types'

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } }
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN }
/** 宋体 renders on every Chinese Windows/WPS; Excel falls back to the system CJK font elsewhere. */
const FONT = 'SimSun'

/** Display width of one line in Excel's width units: CJK and full-width characters count double. */
const lineWidth = (line: string) =>
  [...line].reduce((n, ch) => n + (ch.charCodeAt(0) < 0x100 ? 1 : 2), 0)

const measure = (v: unknown) =>
  Math.max(
    0,
    ...String(v ?? '')
      .split('\n')
      .map(lineWidth),
  )

/** Lines a value takes in a wrapped column of `width` units. */
function linesIn(v: unknown, width: number): number {
  const usable = Math.max(1, width - 1.5)
  return String(v ?? '')
    .split('\n')
    .reduce((n, line) => n + Math.max(1, Math.ceil(lineWidth(line) / usable)), 0)
}

/** Points per line of 11 pt text, and the padding of a row. */
const LINE_HEIGHT = 14.5
const ROW_PADDING = 4

/** A column width (characters) from its header and contents, CJK counted double, within 6–60. */
function fittedWidth(spec: SheetSpec, index: number): number {
  const given = spec.columns[index]?.width
  if (given !== undefined) return given
  let widest = measure(spec.columns[index]?.header)
  for (const row of spec.rows.slice(0, 500)) widest = Math.max(widest, measure(row[index]))
  return Math.min(60, Math.max(6, widest + 2))
}

/** Merges runs of equal values down the `mergeDown` columns, each inside the runs of the ones before. */
function mergeRuns(ws: ExcelJS.Worksheet, spec: SheetSpec, firstDataRow: number): void {
  const cols = spec.mergeDown ?? []
  // Run boundaries so far: a row starts a new run when any earlier column's run starts there.
  const starts = new Set<number>([0])
  for (const col of cols) {
    const rows = spec.rows
    let from = 0
    for (let i = 1; i <= rows.length; i++) {
      const boundary =
        i === rows.length ||
        starts.has(i) ||
        (rows[i]?.[col] ?? null) !== (rows[from]?.[col] ?? null)
      if (!boundary) continue
      const value = rows[from]?.[col]
      if (i - from > 1 && value !== null && value !== undefined && value !== '') {
        ws.mergeCells(firstDataRow + from, col + 1, firstDataRow + i - 1, col + 1)
      }
      starts.add(from)
      from = i
    }
    starts.add(rows.length)
  }
}

/** Writes `layout` from sheet row `first`: values, borders on every cell, merges; returns the last row. */
function writeLayout(
  ws: ExcelJS.Worksheet,
  spec: SheetSpec,
  layout: SheetLayout,
  first: number,
  fonts: { body: string; header: string },
): number {
  const width = Math.max(1, spec.columns.length)
  const widths = spec.columns.map((c) => c.width ?? 10)
  const byPos = new Map(layout.cells.map((c) => [`${c.row},${c.col}`, c]))
  for (let r = 0; r < layout.rows; r++) {
    for (let c = 0; c < width; c++) {
      const placed = byPos.get(`${r},${c}`)
      const cell = ws.getCell(first + r, c + 1)
      if (placed && placed.value !== null) cell.value = placed.value
      cell.border = BORDER
      cell.font = {
        name: placed?.bold ? fonts.header : fonts.body,
        size: 11,
        bold: placed?.bold ?? false,
      }
      cell.alignment = {
        vertical: 'middle',
        wrapText: true,
        horizontal: placed?.align ?? (typeof placed?.value === 'number' ? 'center' : 'left'),
      }
      if (placed?.shade) {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } }
      }
    }
  }
  for (const m of layout.merges) {
    ws.mergeCells(first + m.top, m.left + 1, first + m.bottom, m.right + 1)
  }
  // Row heights from the wrapped text of the cells that start in the row (merged widths summed).
  for (let r = 0; r < layout.rows; r++) {
    let lines = 1
    for (const c of layout.cells.filter((x) => x.row === r)) {
      const m = layout.merges.find((x) => x.top === r && x.left === c.col)
      const w = widths.slice(c.col, (m?.right ?? c.col) + 1).reduce((a, b) => a + b, 0)
      const rowsSpanned = m ? m.bottom - m.top + 1 : 1
      lines = Math.max(lines, Math.ceil(linesIn(c.value, w) / rowsSpanned))
    }
    ws.getRow(first + r).height = lines * LINE_HEIGHT + ROW_PADDING
  }
  return first + layout.rows - 1
}

function addSheet(wb: ExcelJS.Workbook, spec: SheetSpec): void {
  const width = Math.max(1, spec.columns.length)
  const ws = wb.addWorksheet(spec.name.slice(0, 31), {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
  })
  const fonts = {
    body: spec.fonts?.body ?? FONT,
    header: spec.fonts?.header ?? FONT,
    title: spec.fonts?.title ?? FONT,
  }
  let r = 0
  if (spec.title) {
    r++
    ws.getRow(r).values = [spec.title]
    ws.mergeCells(r, 1, r, width)
    const c = ws.getCell(r, 1)
    c.font = { name: fonts.title, bold: true, size: 16 }
    c.alignment = { horizontal: 'center', vertical: 'middle' }
    ws.getRow(r).height = 30
  }
  if (spec.subtitle) {
    r++
    ws.getRow(r).values = [spec.subtitle]
    ws.mergeCells(r, 1, r, width)
    ws.getCell(r, 1).font = { name: fonts.body, size: 11 }
    ws.getCell(r, 1).alignment = { horizontal: 'left', vertical: 'middle' }
  }
  if (spec.layout) {
    const first = r + 1
    r = writeLayout(ws, spec, spec.layout, first, fonts)
    for (const note of spec.notes ?? []) {
      r++
      ws.getRow(r).values = [note]
      ws.mergeCells(r, 1, r, width)
      ws.getCell(r, 1).font = { name: fonts.body, size: 10 }
      ws.getCell(r, 1).alignment = { wrapText: true, vertical: 'top' }
    }
    spec.columns.forEach((c, i) => {
      ws.getColumn(i + 1).width = c.width ?? 10
    })
    const header = first + (spec.layout.headerRows ?? 0) - 1
    if (header >= first) {
      ws.views = [{ state: 'frozen', xSplit: 0, ySplit: header }]
      ws.pageSetup.printTitlesRow = `1:${header}`
    }
    return
  }
  const groups = spec.headerGroups
  const styleHeader = (row: number) => {
    ws.getRow(row).height = 24
    for (let c = 1; c <= width; c++) {
      const cell = ws.getCell(row, c)
      cell.font = { name: fonts.header, bold: true, size: 11 }
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
      cell.border = BORDER
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } }
    }
  }
  if (groups) {
    // Upper row: group names merged across; a column without a group spans both rows.
    r++
    ws.getRow(r).values = spec.columns.map((c, i) => groups[i] ?? c.header)
    ws.getRow(r + 1).values = spec.columns.map((c, i) => (groups[i] ? c.header : ''))
    styleHeader(r)
    styleHeader(r + 1)
    for (let c = 0; c < width;) {
      const g = groups[c] ?? null
      let end = c
      while (g !== null && end + 1 < width && groups[end + 1] === g) end++
      if (g === null) ws.mergeCells(r, c + 1, r + 1, c + 1)
      else if (end > c) ws.mergeCells(r, c + 1, r, end + 1)
      c = end + 1
    }
    r++
  } else {
    r++
    ws.getRow(r).values = spec.columns.map((c) => c.header)
    styleHeader(r)
  }
  const headerRow = r
  const firstDataRow = r + 1
  const widths = spec.columns.map((_, i) => fittedWidth(spec, i))
  ws.getRow(headerRow).height = Math.max(
    24,
    ...spec.columns.map((c, i) => linesIn(c.header, widths[i] ?? 10) * LINE_HEIGHT + ROW_PADDING),
  )
  const spanRows = new Set(spec.spanRows ?? [])
  const tableWidth = widths.reduce((a, b) => a + b, 0)
  for (const [index, values] of spec.rows.entries()) {
    r++
    const span = spanRows.has(index)
    const row = ws.getRow(r)
    row.values = values.map((v) => (v === null ? '' : v))
    // Wrapped text needs its height written: LibreOffice and WPS print a row at the height the
    // file gives, so a taller cell would overprint the next row.
    const lines = span
      ? linesIn(values[0], tableWidth)
      : Math.max(
          1,
          ...values.map((v, i) =>
            spec.columns[i]?.wrap === false ? 1 : linesIn(v, widths[i] ?? 10),
          ),
        )
    row.height = lines * LINE_HEIGHT + ROW_PADDING
    for (let c = 1; c <= width; c++) {
      const cell = ws.getCell(r, c)
      cell.font = { name: fonts.body, size: 11, ...(span ? { bold: true } : {}) }
      cell.alignment = {
        vertical: 'middle',
        wrapText: spec.columns[c - 1]?.wrap ?? true,
        horizontal: span
          ? 'left'
          : (spec.columns[c - 1]?.align ?? (typeof values[c - 1] === 'number' ? 'center' : 'left')),
      }
      cell.border = BORDER
    }
    if (span && width > 1) ws.mergeCells(r, 1, r, width)
  }
  mergeRuns(ws, spec, firstDataRow)
  for (const note of spec.notes ?? []) {
    r++
    ws.getRow(r).values = [note]
    ws.getRow(r).height =
      linesIn(
        note,
        widths.reduce((a, b) => a + b, 0),
      ) *
        LINE_HEIGHT +
      ROW_PADDING
    ws.mergeCells(r, 1, r, width)
    ws.getCell(r, 1).font = { name: fonts.body, size: 10 }
    ws.getCell(r, 1).alignment = { wrapText: true, vertical: 'top' }
  }
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w
  })
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow }]
  // The header row (and the title above it) repeats on every printed page.
  ws.pageSetup.printTitlesRow = `1:${headerRow}`
}

/**
 * Writes a styled, print-ready .xlsx (exceljs): per sheet an optional title row merged across
 * the table, a bold, bordered, shaded header that is frozen on screen and repeated on every
 * printed page, bordered wrapped cells, fitted column widths, A4 landscape fitted to one page
 * wide, page numbers in the footer, notes under the table.
 */
export async function writeSpreadsheet(spec: SpreadsheetSpec): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = spec.creator ?? '政务公开工作台'
  wb.created = new Date(0)
  for (const sheet of spec.sheets) addSheet(wb, sheet)
  const buffer = await wb.xlsx.writeBuffer()
  return Buffer.from(buffer as ArrayBuffer)
}
