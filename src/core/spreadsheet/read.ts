import * as XLSX from '@e965/xlsx'
import * as cptable from '@e965/xlsx/dist/cpexcel.full'
import { AppError } from '../errors'
import { serialToIsoDate } from './dates'
import type {
  SheetComment,
  SheetGrid,
  SheetMerge,
  SpreadsheetBook,
  SpreadsheetProperties,
} from './types'

// Legacy .xls (BIFF5, Excel 95 / old WPS) stores text in the file's code page (GBK for Chinese).
XLSX.set_cptable(cptable)

/** A spreadsheet that cannot be read; the message is Chinese and names the file. */
export class SpreadsheetError extends AppError {
  constructor(message: string, details?: unknown) {
    super('VALIDATION', message, details)
  }
}

/** Widest grid read (a sheet formatted down to row 1,048,576 must not allocate a million rows). */
const MAX_ROWS = 100_000
const MAX_COLUMNS = 200

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b
const isOle = (b: Uint8Array) =>
  b.length >= 8 &&
  b[0] === 0xd0 &&
  b[1] === 0xcf &&
  b[2] === 0x11 &&
  b[3] === 0xe0 &&
  b[4] === 0xa1 &&
  b[5] === 0xb1 &&
  b[6] === 0x1a &&
  b[7] === 0xe1

/**
 * The text of a .csv/.txt export: UTF-8 with or without BOM, UTF-16 with BOM (Excel's 「Unicode
 * 文本」), otherwise GB18030 (a superset of GBK — what WPS and Excel on Chinese Windows save as
 * 「CSV（逗号分隔）」).
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' }
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' }
  }
}

const extOf = (fileName: string) => /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? ''

const unreadable = (fileName: string, why: string, cause?: unknown) =>
  new SpreadsheetError(
    `无法读取表格「${fileName}」：${why}。请用 Excel 或 WPS 打开后另存为 .xlsx 再试`,
    cause === undefined ? undefined : { cause: String(cause) },
  )

/** Display text of one cell: dates `YYYY-MM-DD`, General numbers without float noise, trimmed. */
function cellText(cell: XLSX.CellObject | undefined): string {
  if (!cell) return ''
  const v = cell.v
  let text: string
  switch (cell.t) {
    case 'z':
      return ''
    case 'd':
      text =
        v instanceof Date && !Number.isNaN(v.getTime())
          ? v.toISOString().slice(0, 10)
          : String(cell.w ?? v ?? '')
      break
    case 'n': {
      const n = v as number
      const format = typeof cell.z === 'string' ? cell.z : ''
      if (format !== '' && XLSX.SSF.is_date(format)) {
        text = serialToIsoDate(n) ?? String(cell.w ?? n)
      } else if (format === '' || format === 'General' || format === '@') {
        text = String(Number.isInteger(n) ? n : Number(n.toPrecision(15)))
      } else {
        text = cell.w ?? String(n)
      }
      break
    }
    case 'b':
      text = v ? 'TRUE' : 'FALSE'
      break
    case 'e':
      text = cell.w ?? '#错误'
      break
    default:
      text = v === undefined || v === null ? '' : String(v)
  }
  return text.replace(/\r\n?/g, '\n').trim()
}

function toGrid(wb: XLSX.WorkBook, name: string, index: number): SheetGrid {
  const ws = wb.Sheets[name]
  const hidden = (wb.Workbook?.Sheets?.[index]?.Hidden ?? 0) !== 0
  const empty: SheetGrid = {
    name,
    rows: [],
    merges: [],
    hidden,
    hiddenRows: [],
    hiddenColumns: [],
    comments: [],
  }
  if (!ws || !ws['!ref']) return empty
  const range = XLSX.utils.decode_range(ws['!ref'])
  const lastRow = Math.min(range.e.r, MAX_ROWS - 1)
  const lastCol = Math.min(range.e.c, MAX_COLUMNS - 1)
  const rows: string[][] = []
  const comments: SheetComment[] = []
  const dense = (ws as unknown as { '!data'?: XLSX.CellObject[][] })['!data']
  for (let r = 0; r <= lastRow; r++) {
    const row: string[] = []
    for (let c = 0; c <= lastCol; c++) {
      const cell = dense
        ? dense[r]?.[c]
        : (ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined)
      row.push(cellText(cell))
      for (const note of cell?.c ?? []) {
        const text = (note.t ?? '').trim()
        if (text !== '')
          comments.push({ row: r, col: c, ...(note.a ? { author: note.a } : {}), text })
      }
    }
    while (row.length > 0 && row[row.length - 1] === '') row.pop()
    rows.push(row)
  }
  while (rows.length > 0 && rows[rows.length - 1]?.length === 0) rows.pop()
  const merges: SheetMerge[] = (ws['!merges'] ?? [])
    .filter((m) => m.s.r <= lastRow && m.s.c <= lastCol)
    .map((m) => ({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c }))
  const hiddenRows: number[] = []
  ;(ws['!rows'] ?? []).forEach((info, r) => {
    if (info?.hidden && r <= lastRow) hiddenRows.push(r)
  })
  const hiddenColumns: number[] = []
  ;(ws['!cols'] ?? []).forEach((info, c) => {
    if (info?.hidden && c <= lastCol) hiddenColumns.push(c)
  })
  return { name, rows, merges, hidden, hiddenRows, hiddenColumns, comments }
}

function properties(wb: XLSX.WorkBook): SpreadsheetProperties {
  const p = wb.Props
  const out: SpreadsheetProperties = {}
  const set = (key: keyof SpreadsheetProperties, v: unknown) => {
    if (typeof v === 'string' && v.trim() !== '') out[key] = v.trim()
  }
  set('author', p?.Author)
  set('lastModifiedBy', p?.LastAuthor)
  set('company', p?.Company)
  set('manager', p?.Manager)
  set('title', p?.Title)
  return out
}

/**
 * Reads a spreadsheet: .xlsx (from Excel, WPS and producers whose XML uses namespace prefixes),
 * .xls (BIFF8, and older), .csv/.txt (UTF-8 with or without BOM, GB18030/GBK as WPS saves it).
 * Every sheet as trimmed display text with its merged ranges; dates as `YYYY-MM-DD`.
 * Throws SpreadsheetError naming the file when it cannot be read.
 */
export function readSpreadsheet(input: { bytes: Uint8Array; fileName: string }): SpreadsheetBook {
  const { bytes, fileName } = input
  const ext = extOf(fileName)
  if (bytes.length === 0) throw unreadable(fileName, '文件是空的')
  let wb: XLSX.WorkBook
  let format: SpreadsheetBook['format']
  // cellStyles: row and column properties (hidden rows and columns, for the scan).
  // cellDates + UTC: date cells (numeric with a date format, or ISO t="d" as Strict OOXML
  // writes them) come back as Dates on UTC midnight, whatever the machine's time zone.
  const common = {
    cellNF: true,
    cellStyles: true,
    cellDates: true,
    UTC: true,
    cellHTML: false,
    cellFormula: false,
  } as const
  try {
    if (isZip(bytes)) {
      format = 'xlsx'
      wb = XLSX.read(bytes, { ...common, type: 'buffer' })
    } else if (isOle(bytes)) {
      format = 'xls'
      wb = XLSX.read(bytes, { ...common, type: 'buffer' })
    } else if (ext === 'csv' || ext === 'txt' || ext === 'tsv') {
      format = 'csv'
      const { text } = decodeText(bytes)
      // raw: the text stays as typed (no 1-2 turned into a date, no 001 into 1).
      wb = XLSX.read(text, { type: 'string', raw: true, dense: false })
    } else if (ext === 'xls' && /^\s*</.test(new TextDecoder().decode(bytes.subarray(0, 200)))) {
      // An HTML or SpreadsheetML 2003 table saved as .xls by a web system.
      format = 'other'
      wb = XLSX.read(decodeText(bytes).text, { ...common, type: 'string' })
    } else {
      throw unreadable(fileName, '文件不是 Excel/WPS 表格（.xlsx、.xls）或 .csv，或已损坏')
    }
  } catch (e) {
    if (e instanceof SpreadsheetError) throw e
    const message = String((e as Error)?.message ?? e)
    if (/password|encrypt/i.test(message)) {
      throw unreadable(fileName, '文件设置了打开密码（已加密），请去除密码', e)
    }
    throw unreadable(fileName, '文件已损坏，或不是 Excel/WPS 表格（.xlsx、.xls、.csv）', e)
  }
  if (!wb.SheetNames || wb.SheetNames.length === 0) {
    throw unreadable(fileName, '文件中没有工作表')
  }
  let sheets: SheetGrid[]
  try {
    sheets = wb.SheetNames.map((name, i) => toGrid(wb, name, i))
  } catch (e) {
    throw unreadable(fileName, '文件已损坏，部分工作表无法读取', e)
  }
  return { format, sheets, properties: properties(wb) }
}

/** The first visible sheet that has any text, or undefined. */
export function firstSheet(book: SpreadsheetBook): SheetGrid | undefined {
  return book.sheets.find((s) => !s.hidden && s.rows.some((r) => r.some((t) => t !== '')))
}
