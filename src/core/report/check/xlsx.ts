/**
 * Reads an .xlsx/.xls report workbook (our own export, a superior office's template, WPS 表格)
 * through the one spreadsheet module: every sheet as a matrix with its merged ranges expanded.
 * Tables may sit one per sheet or stacked on one sheet; the locator finds them by their labels.
 */
import { readSpreadsheet } from '../../spreadsheet'
import { matrixFromSheet } from './matrix'
import type { ReadDocument } from './types'

export function readXlsxReport(bytes: Uint8Array, fileName: string): ReadDocument {
  const book = readSpreadsheet({ bytes, fileName })
  const doc: ReadDocument = { kind: 'xlsx', paragraphs: [], tables: [] }
  for (const sheet of book.sheets) {
    if (sheet.hidden) continue
    doc.tables.push(matrixFromSheet(sheet.rows, sheet.merges))
    // A title cell (「××2024年政府信息公开工作年度报告」) stands in for the document's title line.
    for (const row of sheet.rows)
      for (const text of row)
        if (/政府信息公开工作年度报告/.test(text) && text.length < 80) doc.paragraphs.push(text)
  }
  return doc
}
