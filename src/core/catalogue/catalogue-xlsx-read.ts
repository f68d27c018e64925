import { CATALOGUE_COLUMNS, type CatalogueColumn } from '../../shared/catalogue/types'
import { CATALOGUE_COLUMN_LABELS } from '../../shared/catalogue/labels'
import { AppError } from '../errors'
import {
  fillMerged,
  findHeader,
  firstSheet,
  isNoteRow,
  mergeAt,
  readSpreadsheet,
} from '../spreadsheet'
import type { CatalogueFields } from './catalogue-service'
import { HEADER_ALIASES, headerColumn, isTick } from './catalogue-headers'

/** Max lengths, mirroring the screen's validation. */
const MAX: Record<Exclude<CatalogueColumn, 'seq'>, number> = {
  level1: 200,
  level2: 200,
  content: 4000,
  basis: 4000,
  timeLimit: 200,
  subject: 200,
  channels: 500,
  audience: 100,
  method: 100,
  level: 100,
}

/** How each spreadsheet column feeds an entry: a whole column, or one tick option of a column. */
type Source = { column: CatalogueColumn; option?: string }

export interface ReadRow {
  rowNumber: number
  fields: CatalogueFields
}

const HEADER_SCAN_ROWS = 10

const fail = (message: string) => new AppError('VALIDATION', message)

/**
 * Reads the catalogue sheet: finds the header row among the first rows (title rows above it are
 * skipped), also a second header row under merged headers (一级事项/二级事项 under 公开事项;
 * 全社会/特定群体 tick columns under 公开对象 …), maps columns by name, and reads every data row.
 * Any problem throws VALIDATION naming the row; nothing is returned partially.
 */
export async function readCatalogueSheet(bytes: Uint8Array, fileName: string): Promise<ReadRow[]> {
  // .xlsx from Excel, WPS or other producers, .xls and .csv; SpreadsheetError names the file.
  const sheet = firstSheet(readSpreadsheet({ bytes, fileName }))
  if (!sheet) throw fail(`表格「${fileName}」没有内容`)
  // Merged cells read as their top-left value (a category merged down, a heading merged across).
  const grid = fillMerged(sheet)
  const rowCount = grid.length
  const width = Math.min(Math.max(0, ...grid.map((r) => r.length)), 60)
  const text = (r: number, c: number) => grid[r - 1]?.[c - 1] ?? ''
  const isMerged = (r: number, c: number) => mergeAt(sheet, r - 1, c - 1) !== undefined

  const found = findHeader(sheet, HEADER_ALIASES, {
    scanRows: HEADER_SCAN_ROWS,
    accept: (m) => m.has('timeLimit') && (m.has('level1') || m.has('content')) && m.size >= 3,
  })
  if (!found) {
    const expected = CATALOGUE_COLUMNS.map((c) => CATALOGUE_COLUMN_LABELS[c]).join('｜')
    throw fail(
      `第 1–${HEADER_SCAN_ROWS} 行中找不到表头（至少需要「公开事项」或「一级事项」、「公开时限」等列）。请使用标准目录表头：${expected}`,
    )
  }
  const headerRow = found.headerRow + 1

  // A second header row: sub-headers under merged cells (its cells name columns or tick options).
  const sources = new Map<number, Source>()
  const subRow = headerRow + 1
  let hasSubRow = false
  for (let c = 1; c <= width; c++) {
    const top = text(headerRow, c)
    const sub = subRow <= rowCount ? text(subRow, c) : ''
    const subCol = headerColumn(sub)
    const topCol = headerColumn(top)
    if (subCol && sub !== top) {
      sources.set(c, { column: subCol })
      hasSubRow = true
    } else if (topCol) {
      const merged = isMerged(headerRow, c) && sub !== '' && sub !== top
      const tickOption = merged && ['audience', 'method', 'level'].includes(topCol)
      sources.set(c, tickOption ? { column: topCol, option: sub } : { column: topCol })
      if (tickOption) hasSubRow = true
    }
  }
  // 公开事项 over 一级/二级: the parent header must not also claim level1.
  const firstData = hasSubRow ? subRow + 1 : headerRow + 1

  const rows: ReadRow[] = []
  const seen = new Map<string, number>()
  let inNotes = false
  for (let r = firstData; r <= rowCount; r++) {
    // 注：… and 填表人：… lines under the table are not entries, nor the note lines after them (2. …).
    const raw = sheet.rows[r - 1] ?? []
    if (isNoteRow(raw)) inNotes = true
    if (inNotes && raw.filter((v) => v !== '').length <= 1) continue
    const values: Partial<Record<CatalogueColumn, string>> = {}
    const ticks: Partial<Record<CatalogueColumn, string[]>> = {}
    let any = false
    for (const [c, source] of sources) {
      const v = text(r, c)
      if (v === '') continue
      any = true
      if (source.option !== undefined) {
        const list = (ticks[source.column] ??= [])
        list.push(isTick(v) ? source.option : v)
      } else if (values[source.column] === undefined) values[source.column] = v
    }
    if (!any) continue
    for (const [column, list] of Object.entries(ticks) as [CatalogueColumn, string[]][]) {
      values[column] ??= list.join('、')
    }
    const distinct = new Set(Object.values(values))
    // A section heading merged across the row (e.g. 「一、重大建设项目」) is not an entry.
    if (distinct.size === 1 && Object.keys(values).length > 2) continue
    const level1 = values.level1 ?? ''
    if (level1 === '')
      throw fail(`第 ${r} 行缺少「一级事项」（公开事项）：请补全后重新导入，本次未导入任何内容`)
    for (const [column, max] of Object.entries(MAX) as [
      Exclude<CatalogueColumn, 'seq'>,
      number,
    ][]) {
      if ((values[column] ?? '').length > max) {
        throw fail(
          `第 ${r} 行的「${CATALOGUE_COLUMN_LABELS[column]}」超过 ${max} 个字符：请精简后重新导入，本次未导入任何内容`,
        )
      }
    }
    const key = `${level1}\u0000${values.level2 ?? ''}`
    const dup = seen.get(key)
    if (dup !== undefined) {
      throw fail(
        `第 ${r} 行与第 ${dup} 行的事项重复（${level1} / ${values.level2 ?? ''}）：请合并后重新导入，本次未导入任何内容`,
      )
    }
    seen.set(key, r)
    const seqText = values.seq ?? ''
    const seq = /^\d{1,6}$/.test(seqText) ? Number(seqText) : undefined
    rows.push({
      rowNumber: r,
      fields: {
        ...(seq !== undefined ? { seq } : {}),
        level1,
        level2: values.level2 ?? '',
        content: values.content ?? '',
        basis: values.basis ?? '',
        timeLimit: values.timeLimit ?? '',
        subject: values.subject ?? '',
        channels: values.channels ?? '',
        audience: values.audience ?? '',
        method: values.method ?? '',
        level: values.level ?? '',
      },
    })
  }
  if (rows.length === 0) throw fail(`表格「${fileName}」表头下没有事项，未导入任何内容`)
  return rows
}
