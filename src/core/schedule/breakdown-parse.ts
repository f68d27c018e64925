import type { BreakdownField } from '../../shared/schedule/types'
import {
  cellRef,
  fillMerged,
  findHeader,
  normaliseHeaderName,
  parseSheetDate,
  type SheetGrid,
} from '../spreadsheet'
import { DeadlineTextError, readDeadline } from './deadline-text'

/**
 * Reads a district 重点工作分解表 (or a 配档表 this app exported) from one sheet grid: finds the
 * header by column names, skips the title, the 填报单位/日期 line, section heading rows, blank rows
 * and the notes under the table, applies merged cells to every row they span, and reads the
 * numbering (一、（一）、1.). Pure: no database.
 */

/** Accepted column names per field (normalised by the spreadsheet module when matched). */
export const BREAKDOWN_COLUMN_NAMES: Record<BreakdownField, readonly string[]> = {
  number: ['序号', '编号', '序'],
  category: [
    '重点工作',
    '工作任务',
    '重点任务',
    '主要任务',
    '任务类别',
    '工作类别',
    '工作事项',
    '重点事项',
  ],
  requirement: [
    '具体任务',
    '具体要求',
    '工作内容',
    '任务内容',
    '工作要求',
    '具体内容',
    '具体工作',
    '任务要求',
    '工作目标',
  ],
  leadUnit: [
    '责任单位',
    '牵头单位',
    '责任部门',
    '牵头部门',
    '责任科室',
    '责任主体',
    '牵头科室',
    '承办单位',
    '主责单位',
  ],
  leadLeader: ['责任领导', '分管领导', '牵头领导'],
  deadline: ['完成时限', '时限要求', '时间节点', '完成时间', '时限', '办理时限', '完成期限'],
  measures: ['具体措施', '工作措施', '落实措施', '推进措施'],
  disclosureContent: ['公开内容/载体', '公开内容', '公开载体', '公开内容及载体', '公开渠道'],
  sectionOffice: ['本单位责任科室', '承办科室'],
  owner: ['责任人', '具体责任人', '经办人'],
  progress: ['进展情况', '工作进展', '推进情况'],
  completion: ['完成情况', '落实情况'],
  note: ['备注', '说明'],
}

export interface ParsedProgress {
  date: string | null
  text: string
}

/** One task as read from the file (0-based `row`). */
export interface ParsedTask {
  row: number
  section: string
  number: string
  category: string
  requirement: string
  leadUnit: string
  leadLeader: string
  deadline: string
  /** The 配档表's own columns, when the file has them. */
  measures: string[]
  disclosureContent: string
  sectionOffice: string
  owner: string
  progress: ParsedProgress[]
  completion: string
  completedOn: string | null
  note: string
}

export interface ParsedBreakdown {
  sheet: string
  title: string
  headerRow: number | null
  dataRow: number | null
  headers: string[]
  mapping: Partial<Record<BreakdownField, number>>
  /** The task column (具体任务 or, without one, 重点工作) is known. */
  hasTaskColumn: boolean
  tasks: ParsedTask[]
  notes: string[]
  /** Chinese, naming the sheet, row and cell. */
  errors: string[]
}

const SECTION_NUMBER = /^([一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百]+[）)])/
const LEADING_NUMBER =
  /^\s*((?:\d{1,3}(?:\.\d{1,3})*[.、．)）](?!\d))|(?:[（(]\d{1,3}[）)])|(?:[（(][一二三四五六七八九十]+[）)])|(?:[一二三四五六七八九十]+、))\s*/
const NOTE_START = /^(注|备注|说明|附注|填表说明|注释)\s*\d*\s*[:：.、]/
const FOOTER_LINE = /^(填报人|填表人|联系人|审核人|负责人|联系电话|制表人|单位负责人)[:：]/
const DATED_LINE = /^(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?)\s*[:：]\s*([\s\S]*)$/
const MAX_ERRORS = 20

/** Removes a leading list number (「1.」「（2）」) from a line of text. */
export function stripListNumber(text: string): string {
  return text.replace(LEADING_NUMBER, '').trim()
}

function splitLines(text: string): string[] {
  return text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
}

const where = (sheet: string, row: number, col: number) =>
  `工作表「${sheet}」第 ${row + 1} 行（${cellRef(row, col)} 单元格）`

/** The header row guessed when no column name is recognised: the first row with ≥ 3 texts. */
function guessHeaderRow(grid: SheetGrid): number | null {
  for (let r = 0; r < Math.min(grid.rows.length, 15); r++) {
    const row = grid.rows[r] ?? []
    if (row.filter((t) => t !== '').length >= 3) return r
  }
  return null
}

/**
 * Parses `grid`. `mapping` (from the mapping step) overrides the recognised columns.
 * `year` reads dates without a year. Never throws: problems are in `errors`.
 */
export function parseBreakdown(
  grid: SheetGrid,
  year: number,
  mapping?: Partial<Record<BreakdownField, number>>,
): ParsedBreakdown {
  const result: ParsedBreakdown = {
    sheet: grid.name,
    title: '',
    headerRow: null,
    dataRow: null,
    headers: [],
    mapping: {},
    hasTaskColumn: false,
    tasks: [],
    notes: [],
    errors: [],
  }
  const header = findHeader(grid, BREAKDOWN_COLUMN_NAMES, {
    scanRows: 15,
    accept: (m) => (m.has('category') || m.has('requirement')) && m.size >= 2,
  })
  const headerRow = header?.headerRow ?? guessHeaderRow(grid)
  if (headerRow === null) {
    result.errors.push(`工作表「${grid.name}」中没有表格内容`)
    return result
  }
  // A guessed header takes two rows when its cells merge down or across (group over sub-headers).
  const guessedRows = grid.merges.some(
    (m) => m.top === headerRow && (m.bottom === headerRow + 1 || m.right > m.left),
  )
    ? 2
    : 1
  const headerRows = header?.headerRows ?? guessedRows
  const dataRow = header?.dataRow ?? headerRow + headerRows
  const filled = fillMerged(grid)
  const width = Math.max(
    ...[headerRow, headerRow + headerRows - 1].map((r) => filled[r]?.length ?? 0),
  )
  result.headerRow = headerRow
  result.dataRow = dataRow
  result.headers = Array.from({ length: width }, (_, c) => {
    const top = filled[headerRow]?.[c] ?? ''
    const sub = headerRows === 2 ? (filled[headerRow + 1]?.[c] ?? '') : ''
    return sub !== '' && sub !== top ? `${top}/${sub}` : top
  })
  const cols: Partial<Record<BreakdownField, number>> = {}
  for (const [field, col] of Object.entries(header?.columns ?? {})) {
    if (col !== undefined) cols[field as BreakdownField] = col
  }
  if (mapping) {
    for (const k of Object.keys(cols)) delete cols[k as BreakdownField]
    Object.assign(cols, mapping)
  }
  // 责任科室 names the district's 责任单位 in some tables and the department's own office in a
  // 配档表 that also has 责任单位: the second such column is the department's.
  if (!mapping && cols.sectionOffice === undefined && cols.leadUnit !== undefined) {
    const taken = new Set(Object.values(cols))
    const c = result.headers.findIndex(
      (h, i) => !taken.has(i) && normaliseHeaderName(h).endsWith('责任科室'),
    )
    if (c >= 0) cols.sectionOffice = c
  }
  result.mapping = cols
  result.hasTaskColumn = cols.requirement !== undefined || cols.category !== undefined
  // The title: the first text above the header that is not a 填报单位/日期 line.
  for (let r = 0; r < headerRow; r++) {
    const texts = (grid.rows[r] ?? []).filter((t) => t !== '')
    if (texts.length === 1 && !/^(填报|填表|报送|编制)/.test(texts[0] ?? '')) {
      result.title = texts[0] ?? ''
      break
    }
  }
  if (!result.hasTaskColumn) {
    result.errors.push(
      `工作表「${grid.name}」第 ${headerRow + 1} 行：找不到「重点工作/工作任务」或「具体任务/具体要求/工作内容」列，请在导入时指定各列`,
    )
    return result
  }

  const taskCol = cols.requirement ?? cols.category ?? 0
  const byMergeTop = new Map<string, { top: number; wide: boolean }>()
  for (const m of grid.merges) {
    const wide = m.right - m.left + 1 >= Math.max(2, Math.ceil(width * 0.6))
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) byMergeTop.set(`${r}:${c}`, { top: m.top, wide })
    }
  }
  const at = (r: number, c: number | undefined) => (c === undefined ? '' : (filled[r]?.[c] ?? ''))
  const mappedCols = new Set(Object.values(cols))
  let section = ''
  let notes = false

  for (let r = dataRow; r < grid.rows.length; r++) {
    const raw = grid.rows[r] ?? []
    const texts = raw.filter((t) => t !== '')
    if (texts.length === 0) continue
    const first = texts[0] ?? ''
    const firstCol = raw.findIndex((t) => t !== '')
    const wide = byMergeTop.get(`${r}:${firstCol}`)?.wide === true
    if (notes || NOTE_START.test(first) || FOOTER_LINE.test(first)) {
      if (NOTE_START.test(first) || notes) notes = true
      result.notes.push(texts.join(' '))
      continue
    }
    if (texts.length === 1 && (wide || !mappedCols.has(firstCol) || SECTION_NUMBER.test(first))) {
      section = first
      continue
    }
    // The task text: its own cell; a cell inside a merge that began above continues that task.
    const merge = byMergeTop.get(`${r}:${taskCol}`)
    let text = raw[taskCol] ?? ''
    if (text === '' && merge && merge.top < r) continue
    if (text === '' && cols.requirement !== undefined && cols.category !== undefined) {
      // A category row without a task of its own heads the tasks under it.
      const heading = [at(r, cols.number), at(r, cols.category)].filter((t) => t !== '')
      if (heading.length > 0 && texts.length <= 2) {
        section = heading.join(' ')
        continue
      }
    }
    if (text === '') {
      result.errors.push(
        `${where(grid.name, r, taskCol)}：这一行有内容但没有任务内容，请补全或删除该行`,
      )
      if (result.errors.length >= MAX_ERRORS) break
      continue
    }
    let number = cols.number === undefined ? '' : at(r, cols.number)
    if (number === '') {
      const m = LEADING_NUMBER.exec(text)
      if (m && m[1]) {
        number = m[1].trim()
        text = text.slice(m[0].length).trim()
      }
    }
    const category = cols.requirement !== undefined ? at(r, cols.category) : ''
    const deadline = at(r, cols.deadline)
    try {
      readDeadline(deadline, year)
    } catch (e) {
      if (!(e instanceof DeadlineTextError)) throw e
      result.errors.push(
        `${where(grid.name, r, cols.deadline ?? 0)}：完成时限「${deadline}」中的「${e.message}」不是有效的日期，请改正后重新导入`,
      )
    }
    const progress: ParsedProgress[] = []
    for (const line of splitLines(at(r, cols.progress))) {
      const m = DATED_LINE.exec(line)
      if (m) {
        const date = parseSheetDate(m[1] ?? '')
        if (date === null) {
          result.errors.push(
            `${where(grid.name, r, cols.progress ?? 0)}：进展情况中的日期「${m[1]}」不是有效的日期`,
          )
          continue
        }
        progress.push({ date, text: (m[2] ?? '').trim() })
      } else progress.push({ date: null, text: line })
    }
    let completion = at(r, cols.completion)
    let completedOn: string | null = null
    const done = DATED_LINE.exec(completion)
    if (done) {
      completedOn = parseSheetDate(done[1] ?? '')
      if (completedOn === null) {
        result.errors.push(
          `${where(grid.name, r, cols.completion ?? 0)}：完成情况中的日期「${done[1]}」不是有效的日期`,
        )
      } else completion = (done[2] ?? '').trim()
    }
    result.tasks.push({
      row: r,
      section,
      number: normaliseNumber(number),
      category,
      requirement: text,
      leadUnit: at(r, cols.leadUnit),
      leadLeader: at(r, cols.leadLeader),
      deadline,
      measures: splitLines(at(r, cols.measures))
        .map(stripListNumber)
        .filter((t) => t !== ''),
      disclosureContent: at(r, cols.disclosureContent),
      sectionOffice: at(r, cols.sectionOffice),
      owner: at(r, cols.owner),
      progress,
      completion,
      completedOn,
      note: at(r, cols.note),
    })
    if (result.errors.length >= MAX_ERRORS) break
  }
  return result
}

/** 序号 as matched and shown: full-width digits/brackets half-width, no spaces. */
export function normaliseNumber(number: string): string {
  return number
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
}

/** The text used to match a task on re-import (whitespace and punctuation width ignored). */
export function matchText(text: string): string {
  return normaliseHeaderName(text).replace(/[。；;，,、.．]+$/g, '')
}
