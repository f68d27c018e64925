import {
  buildDocx,
  type DocBlock,
  type GridCell as DocGridCell,
  type OfficialDocument,
} from '../documents'
import {
  readSpreadsheet,
  writeSpreadsheet,
  type LayoutCell,
  type SheetSpec,
  type SpreadsheetSpec,
} from '../spreadsheet'
import { AppError } from '../errors'
import {
  NARRATIVE_SECTIONS,
  REPORT_SECTION_HEADINGS,
  REPORT_SECTION_KEYS,
  REPORT_TABLE_LABELS,
  TABLE_SECTIONS,
  placeGrid,
  tableGrid,
  type CellValue,
  type NarrativeSectionKey,
  type ReportFormatId,
  type ReportTableKey,
  type ReportTables,
} from '../../shared/report/format'
import { tableColumnWeights } from '../../shared/report/layout'
import { cellKey, type ChartDatum } from '../../shared/report/types'
import { CHART_TITLES, renderCharts } from './charts'
import { flatCells } from './compile'
import { priorLabel } from './prior'

/**
 * The report as files: the .docx in the official layout (title, the six headings, the three tables
 * with the national header merges, the charts as pictures) on core/documents, and the .xlsx with
 * the same tables on core/spreadsheet. Both are laid out from format.ts's tableGrid, the grid the
 * checker reads back, so writer and reader agree on where every label and value sits.
 */

export interface ReportDocumentInput {
  year: number
  format: ReportFormatId
  title: string
  department: string
  tables: ReportTables
  /** Rendered narrative (live fields filled in). */
  rendered: Record<NarrativeSectionKey, string>
  charts: { outcomes: ChartDatum[]; itemsByKind: ChartDatum[] }
}

/** A figure as printed: integers plain, 万元 with up to four decimals, blank for null. */
export function figureText(v: CellValue): string {
  if (v === null) return ''
  return Number.isInteger(v) ? String(v) : String(Number(v.toFixed(4)))
}

/** One table as placed cells: labels as printed, values from `tables`. */
export function placedTable(
  tables: ReportTables,
  table: ReportTableKey,
): {
  columns: number
  rows: number
  headerRows: number
  cells: {
    row: number
    col: number
    rowSpan: number
    colSpan: number
    text: string
    value: CellValue
    role: 'header' | 'heading' | 'row' | 'value'
  }[]
} {
  const grid = tableGrid(tables.format, table)
  const placed = placeGrid(grid)
  return {
    columns: grid.columns,
    rows: grid.rows.length,
    headerRows: grid.headerRows,
    cells: placed.map((p) => {
      const c = p.cell
      if (c.kind === 'label') {
        return {
          row: p.row,
          col: p.col,
          rowSpan: c.rowSpan,
          colSpan: c.colSpan,
          text: c.text,
          value: null,
          role: c.role,
        }
      }
      const v = tables[table][c.row]?.[c.column] ?? null
      return {
        row: p.row,
        col: p.col,
        rowSpan: c.rowSpan,
        colSpan: c.colSpan,
        text: figureText(v),
        value: v,
        role: 'value' as const,
      }
    }),
  }
}

function docGrid(tables: ReportTables, table: ReportTableKey): DocBlock {
  const t = placedTable(tables, table)
  const cells: DocGridCell[] = t.cells.map((c) => ({
    row: c.row,
    col: c.col,
    rowSpan: c.rowSpan,
    colSpan: c.colSpan,
    text: c.text,
    align:
      c.role === 'value' || c.role === 'header' ? 'center' : c.role === 'heading' ? 'left' : 'left',
    bold: c.role === 'header' || c.role === 'heading',
    shade: c.role === 'header' || c.role === 'heading',
  }))
  return {
    kind: 'grid',
    columns: tableColumnWeights(table, t.columns),
    rows: t.rows,
    cells,
    headerRows: t.headerRows,
    size: table === 'table2' ? 'xiaosi' : 'wuhao',
  }
}

const paragraphs = (text: string): DocBlock[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => ({ kind: 'paragraph' as const, text: l }))

/** The .docx: A4, 仿宋_GB2312 body and 黑体 headings with the East Asian font named on every run. */
export function reportDocx(input: ReportDocumentInput): Promise<Buffer> {
  return buildDocx(reportDocument(input))
}

/** The report as an OfficialDocument (core/documents builds it; the app does so on a worker). */
export function reportDocument(input: ReportDocumentInput): OfficialDocument {
  const charts = renderCharts(input.charts)
  const blocks: DocBlock[] = []
  const tableOf = Object.fromEntries(
    (Object.entries(TABLE_SECTIONS) as [ReportTableKey, string][]).map(([t, s]) => [s, t]),
  ) as Record<string, ReportTableKey | undefined>
  for (const section of REPORT_SECTION_KEYS) {
    blocks.push({ kind: 'heading', text: REPORT_SECTION_HEADINGS[section] })
    if ((NARRATIVE_SECTIONS as readonly string[]).includes(section)) {
      blocks.push(...paragraphs(input.rendered[section as NarrativeSectionKey]))
      continue
    }
    const table = tableOf[section]
    if (!table) continue
    blocks.push(docGrid(input.tables, table))
    if (table === 'table2' && input.charts.itemsByKind.length > 0) {
      blocks.push({
        kind: 'image',
        png: charts.itemsByKind,
        widthMm: 140,
        heightMm: 70,
        alt: CHART_TITLES.itemsByKind,
        caption: `图1 ${CHART_TITLES.itemsByKind}`,
      })
    }
    if (table === 'table3') {
      blocks.push({
        kind: 'image',
        png: charts.outcomes,
        widthMm: 140,
        heightMm: 70,
        alt: CHART_TITLES.outcomes,
        caption: `图${input.charts.itemsByKind.length > 0 ? 2 : 1} ${CHART_TITLES.outcomes}`,
      })
    }
  }
  return {
    title: input.title,
    blocks,
    description: `${input.year}年政府信息公开工作年度报告（${input.format}年格式）`,
  }
}

/** Excel width units per column (CJK counts double). */
function sheetWidths(table: ReportTableKey, columns: number): number[] {
  if (table === 'table3') return [14, 16, 44, ...Array.from({ length: columns - 3 }, () => 10)]
  if (table === 'table2') return [22, ...Array.from({ length: columns - 1 }, () => 18)]
  return Array.from({ length: columns }, () => 9)
}

const SHEET_NAMES: Record<ReportTableKey, string> = {
  table2: '表二 主动公开',
  table3: '表三 依申请公开',
  table4: '表四 复议诉讼',
}

/** The name of the machine-readable sheet (every cell by key), read back by the first-year import. */
export const DATA_SHEET = '数据'
const DATA_HEADERS = ['单元格编号', '表', '行', '列', '数值'] as const

/** The .xlsx: one sheet per table as published (merged headers), plus the 数据 sheet. */
export function reportXlsx(input: ReportDocumentInput): Promise<Buffer> {
  return writeSpreadsheet(reportWorkbook(input))
}

/** The workbook's spec (core/spreadsheet writes it; the app does so on a worker). */
export function reportWorkbook(input: ReportDocumentInput): SpreadsheetSpec {
  const sheets: SheetSpec[] = (['table2', 'table3', 'table4'] as const).map((table) => {
    const t = placedTable(input.tables, table)
    const widths = sheetWidths(table, t.columns)
    const cells: LayoutCell[] = t.cells.map((c) => ({
      row: c.row,
      col: c.col,
      value: c.role === 'value' ? c.value : c.text,
      bold: c.role === 'header' || c.role === 'heading',
      shade: c.role === 'header' || c.role === 'heading',
      align: c.role === 'value' || c.role === 'header' ? 'center' : 'left',
    }))
    return {
      name: SHEET_NAMES[table],
      title: `${input.title} · ${REPORT_TABLE_LABELS[table]}`,
      columns: widths.map((w) => ({ header: '', width: w })),
      rows: [],
      layout: {
        rows: t.rows,
        cells,
        headerRows: t.headerRows,
        merges: t.cells
          .filter((c) => c.rowSpan > 1 || c.colSpan > 1)
          .map((c) => ({
            top: c.row,
            left: c.col,
            bottom: c.row + c.rowSpan - 1,
            right: c.col + c.colSpan - 1,
          })),
      },
      fonts: { body: '仿宋', header: '黑体', title: '黑体' },
    }
  })
  sheets.push({
    name: DATA_SHEET,
    title: `${input.title}（数据，供汇总和下一年度导入）`,
    subtitle: `报告年度：${input.year}，格式：${input.format}`,
    columns: [
      { header: DATA_HEADERS[0], width: 34 },
      { header: DATA_HEADERS[1], width: 8 },
      { header: DATA_HEADERS[2], width: 60 },
      { header: DATA_HEADERS[3], width: 26 },
      { header: DATA_HEADERS[4], width: 12, align: 'center' },
    ],
    rows: flatCells(input.tables).map((c) => {
      const [table, ...rest] = c.key.split('.')
      const label = priorLabel(input.format, c.key)
      const m = /“(.*)” 行 “(.*)” 列/.exec(label)
      return [
        c.key,
        { table2: '表二', table3: '表三', table4: '表四' }[table as ReportTableKey] ?? rest[0]!,
        m?.[1] ?? '',
        m?.[2] ?? '',
        c.value,
      ]
    }),
  })
  return { sheets }
}

/**
 * Reads last year's figures back from an .xlsx this app exported (its 数据 sheet): the cells the
 * cross-year rules need, by key. Refuses a workbook without that sheet, or of another year.
 */
export function readExportedFigures(
  bytes: Buffer,
  fileName: string,
  expectYear: number,
): { cell: string; value: number | null }[] {
  const book = readSpreadsheet({ bytes, fileName })
  const sheet = book.sheets.find((s) => s.name === DATA_SHEET)
  if (!sheet) {
    throw new AppError(
      'VALIDATION',
      `「${fileName}」不是本系统导出的年度报告表格（缺少“${DATA_SHEET}”工作表）。请改为手工录入上年度数据`,
    )
  }
  const yearLine = sheet.rows.find((r) => r.some((c) => c.includes('报告年度')))?.join('') ?? ''
  const year = Number(/报告年度：(\d{4})/.exec(yearLine)?.[1])
  if (year !== expectYear) {
    throw new AppError(
      'VALIDATION',
      `「${fileName}」是 ${year || '未知'} 年度的报告，请选择 ${expectYear} 年度的报告表格`,
    )
  }
  const header = sheet.rows.findIndex((r) => r[0] === DATA_HEADERS[0])
  const out: { cell: string; value: number | null }[] = []
  for (const r of sheet.rows.slice(header + 1)) {
    const key = r[0] ?? ''
    if (!/^table[234]\./.test(key)) continue
    const text = (r[4] ?? '').trim()
    out.push({ cell: key, value: text === '' ? null : Number(text) })
  }
  return out
}

export { cellKey }
