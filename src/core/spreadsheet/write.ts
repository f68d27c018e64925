import ExcelJS from 'exceljs'
import type { SheetSpec, SpreadsheetSpec } from './types'

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } }
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN }
/** 宋体 renders on every Chinese Windows/WPS; Excel falls back to the system CJK font elsewhere. */
const FONT = 'SimSun'

/** A column width (characters) from its header and contents, CJK counted double, within 6–60. */
function fittedWidth(spec: SheetSpec, index: number): number {
  const given = spec.columns[index]?.width
  if (given !== undefined) return given
  const measure = (v: unknown) =>
    Math.max(
      0,
      ...String(v ?? '')
        .split('\n')
        .map((line) => [...line].reduce((n, ch) => n + (ch.charCodeAt(0) < 0x100 ? 1 : 2), 0)),
    )
  let widest = measure(spec.columns[index]?.header)
  for (const row of spec.rows.slice(0, 500)) widest = Math.max(widest, measure(row[index]))
  return Math.min(60, Math.max(6, widest + 2))
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
  let r = 0
  if (spec.title) {
    r++
    ws.getRow(r).values = [spec.title]
    ws.mergeCells(r, 1, r, width)
    const c = ws.getCell(r, 1)
    c.font = { name: FONT, bold: true, size: 16 }
    c.alignment = { horizontal: 'center', vertical: 'middle' }
    ws.getRow(r).height = 30
  }
  if (spec.subtitle) {
    r++
    ws.getRow(r).values = [spec.subtitle]
    ws.mergeCells(r, 1, r, width)
    ws.getCell(r, 1).font = { name: FONT, size: 11 }
    ws.getCell(r, 1).alignment = { horizontal: 'left', vertical: 'middle' }
  }
  r++
  const headerRow = r
  const header = ws.getRow(r)
  header.values = spec.columns.map((c) => c.header)
  header.height = 24
  for (let c = 1; c <= width; c++) {
    const cell = ws.getCell(r, c)
    cell.font = { name: FONT, bold: true, size: 11 }
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
    cell.border = BORDER
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } }
  }
  for (const values of spec.rows) {
    r++
    const row = ws.getRow(r)
    row.values = values.map((v) => (v === null ? '' : v))
    for (let c = 1; c <= width; c++) {
      const cell = ws.getCell(r, c)
      cell.font = { name: FONT, size: 11 }
      cell.alignment = {
        vertical: 'middle',
        wrapText: spec.columns[c - 1]?.wrap ?? true,
        horizontal: typeof values[c - 1] === 'number' ? 'center' : 'left',
      }
      cell.border = BORDER
    }
  }
  for (const note of spec.notes ?? []) {
    r++
    ws.getRow(r).values = [note]
    ws.mergeCells(r, 1, r, width)
    ws.getCell(r, 1).font = { name: FONT, size: 10 }
    ws.getCell(r, 1).alignment = { wrapText: true, vertical: 'top' }
  }
  spec.columns.forEach((_, i) => {
    ws.getColumn(i + 1).width = fittedWidth(spec, i)
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
