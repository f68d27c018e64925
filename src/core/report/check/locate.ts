/**
 * Finds tables 二, 三 and 四 in the matrices a reader produced, by their official labels (not by
 * position: reports add or drop label columns, merge differently in WPS and Word, stack tables on
 * one sheet), maps every cell to ReportTables (row key × column key), and tells 2021 from 2019
 * layouts. Labels compare loosely: whitespace, full/half width, 「（一）」/「(一)」/「一、」 numbering.
 */
import {
  cellName,
  emptyReportTables,
  normalizeLabel,
  TABLE2_CONTENT_HEADER,
  table2Blocks,
  TABLE3_COLUMNS,
  table3Rows,
  TABLE4_COLUMNS,
  TABLE4_ROWS,
  type CellValue,
  type ReportFormatId,
  type ReportTableKey,
  type ReportTables,
  type RowDef,
} from '../../../shared/report/format'
import { parseNumberText } from '../rules/numbers'
import type { RuleFailure } from '../rules/types'
import type { Matrix } from './matrix'

/** A label without numbering and bracketed notes: 「（二）部分公开（区分处理的…）」 → 「部分公开」. */
export function looseLabel(text: string): string {
  return normalizeLabel(text)
    .replace(/^(\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+[、.,]|\d+[.、,)]|\(\d+\))+/, '')
    .replace(/\([^()]*\)/g, '')
}

const textAt = (m: Matrix, r: number, c: number): string => m[r]?.[c]?.text ?? ''
const loose = (m: Matrix, r: number, c: number): string => looseLabel(textAt(m, r, c))

function findCells(m: Matrix, label: string): { r: number; c: number }[] {
  const want = looseLabel(label)
  const out: { r: number; c: number }[] = []
  m.forEach((line, r) =>
    line.forEach((cell, c) => {
      if (looseLabel(cell.text) === want) out.push({ r, c })
    }),
  )
  return out
}

/** A cell's value: a number, null for blank; text that is not a number is reported. */
export interface ParsedCell {
  value: CellValue
  /** Non-empty text that is not a number (「—」「/」「无」). */
  odd?: string
}

export function parseCellText(text: string): ParsedCell {
  const t = text.replace(/[\s\u00a0\u3000]+/g, '')
  if (t === '') return { value: null }
  const negative = /^[-－−]/.test(t) && t.length > 1
  const body = negative ? t.slice(1) : t
  const n = parseNumberText(body.replace(/[，,]/g, ''))
  if (n !== null) return { value: negative ? -n : n }
  return { value: null, odd: text.trim() }
}

/** What the locator found in one document. */
export interface LocatedTables {
  tables: ReportTables
  found: Record<ReportTableKey, boolean>
  /** Evidence for the layout: which format the labels of tables 二 and 三 belong to. */
  evidence: { table2: ReportFormatId | null; table3: ReportFormatId | null }
  issues: RuleFailure[]
}

interface CellRead {
  table: ReportTableKey
  row: string
  column: string
  parsed: ParsedCell
}

// ---- Table 三 ---------------------------------------------------------------------------------

interface T3Read {
  cells: CellRead[]
  rowsFound: Set<string>
  missingColumns: string[]
  evidence: ReportFormatId | null
}

const T3_ROW_DEFS: RowDef[] = (() => {
  const seen = new Map<string, RowDef>()
  for (const f of ['2021', '2019'] as const) for (const r of table3Rows(f)) seen.set(r.key, r)
  return [...seen.values()]
})()

function matchRow(defs: RowDef[], leaf: string): RowDef | undefined {
  const want = looseLabel(leaf)
  if (want === '') return undefined
  const exact = defs.filter((d) => looseLabel(d.label) === want)
  if (exact.length === 1) return exact[0]
  if (exact.length > 1) return undefined
  if (want.length < 4) return undefined
  const prefix = defs.filter((d) => {
    const l = looseLabel(d.label)
    return l.startsWith(want) || want.startsWith(l)
  })
  return prefix.length === 1 ? prefix[0] : undefined
}

function readTable3(m: Matrix): T3Read | null {
  const natural = findCells(m, '自然人')[0]
  const commercial = findCells(m, '商业企业')[0]
  if (!natural || !commercial || findCells(m, '本年新收政府信息公开申请数量').length === 0)
    return null
  const headerBottom = Math.max(natural.r, commercial.r)
  const columns = new Map<string, number>()
  const missingColumns: string[] = []
  for (const col of TABLE3_COLUMNS) {
    // 其他 and 总计 also occur as row labels: take them from the header rows only.
    let hit: { r: number; c: number } | undefined
    for (let r = 0; r <= headerBottom && !hit; r++)
      for (let c = natural.c; c < (m[r]?.length ?? 0); c++)
        if (loose(m, r, c) === looseLabel(col.label) && (col.key !== 'other' || c > commercial.c)) {
          hit = { r, c }
          break
        }
    if (hit) columns.set(col.key, hit.c)
    else missingColumns.push(col.label)
  }
  const cells: CellRead[] = []
  const rowsFound = new Set<string>()
  for (let r = headerBottom + 1; r < m.length; r++) {
    // The row's label: the rightmost distinct label cell left of the first value column.
    let leaf = ''
    for (let c = natural.c - 1; c >= 0; c--) {
      const t = textAt(m, r, c).trim()
      if (t !== '') {
        leaf = t
        break
      }
    }
    const def = matchRow(T3_ROW_DEFS, leaf)
    if (!def || rowsFound.has(def.key)) continue
    rowsFound.add(def.key)
    for (const [column, c] of columns)
      cells.push({ table: 'table3', row: def.key, column, parsed: parseCellText(textAt(m, r, c)) })
    if (def.key === 'carried_forward') break
  }
  const has2021 = ['6.1', '6.2', '6.3'].some((k) => rowsFound.has(k))
  const has2019 = rowsFound.has('6')
  return { cells, rowsFound, missingColumns, evidence: has2021 ? '2021' : has2019 ? '2019' : null }
}

// ---- Table 四 ---------------------------------------------------------------------------------

interface T4Read {
  cells: CellRead[]
  missing: string[]
}

function readTable4(m: Matrix): T4Read | null {
  const review = findCells(m, '行政复议')
  const direct = findCells(m, '未经复议直接起诉')
  const after = findCells(m, '复议后起诉')
  if (review.length === 0 || direct.length === 0 || after.length === 0) return null
  const upheldRows = findCells(m, '结果维持').map((p) => p.r)
  if (upheldRows.length === 0) return null
  const labelRow = Math.max(...upheldRows)
  const blocks: Record<string, number[]> = {
    reconsideration: [...new Set(review.map((p) => p.c))],
    litigation_direct: [...new Set(direct.map((p) => p.c))],
    litigation_after: [...new Set(after.map((p) => p.c))],
  }
  // The data row: the first row under the labels holding any number or blank in the block columns.
  let dataRow = -1
  for (let r = labelRow + 1; r < m.length; r++) {
    const anyNumber = (m[r] ?? []).some((cell) => parseCellText(cell.text).value !== null)
    if (anyNumber) {
      dataRow = r
      break
    }
  }
  if (dataRow < 0 && labelRow + 1 < m.length) dataRow = labelRow + 1
  const cells: CellRead[] = []
  const missing: string[] = []
  for (const row of TABLE4_ROWS) {
    const cols = blocks[row.key] ?? []
    for (const col of TABLE4_COLUMNS) {
      const c = cols.find((x) => loose(m, labelRow, x) === looseLabel(col.label))
      if (c === undefined) {
        missing.push(`${row.path.join(' › ')} › ${col.label}`)
        continue
      }
      cells.push({
        table: 'table4',
        row: row.key,
        column: col.key,
        parsed: dataRow < 0 ? { value: null } : parseCellText(textAt(m, dataRow, c)),
      })
    }
  }
  return { cells, missing }
}

// ---- Table 二 ---------------------------------------------------------------------------------

interface T2Read {
  cells: CellRead[]
  rowsFound: Set<string>
  evidence: ReportFormatId | null
}

const T2_2021_ONLY = new Set(
  ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额'].map(
    looseLabel,
  ),
)
const T2_2019_ONLY = new Set(
  [
    '本年新制作数量',
    '本年新公开数量',
    '对外公开总数量',
    '上一年项目数量',
    '本年增/减',
    '采购项目数量',
    '采购总金额',
  ].map(looseLabel),
)

function readTable2(m: Matrix): T2Read | null {
  const headers = findCells(m, TABLE2_CONTENT_HEADER)
  if (headers.length === 0) return null
  if (!m.some((line) => line.some((cell) => /第二十条/.test(cell.text)))) return null
  const cells: CellRead[] = []
  const rowsFound = new Set<string>()
  let votes2021 = 0
  let votes2019 = 0
  const headerRows = [...new Set(headers.map((h) => h.r))].sort((a, b) => a - b)
  headerRows.forEach((hr, i) => {
    const contentCol = headers.find((h) => h.r === hr)?.c ?? 0
    const end = headerRows[i + 1] ?? m.length
    // Header label → first column holding it.
    const labelCols: { label: string; c: number }[] = []
    for (let c = contentCol + 1; c < (m[hr]?.length ?? 0); c++) {
      const l = loose(m, hr, c)
      if (l !== '' && !labelCols.some((x) => x.label === l)) labelCols.push({ label: l, c })
      if (T2_2021_ONLY.has(l)) votes2021++
      if (T2_2019_ONLY.has(l)) votes2019++
    }
    for (let r = hr + 1; r < end; r++) {
      const rowLabel = textAt(m, r, contentCol)
      for (const format of ['2021', '2019'] as const) {
        const block = table2Blocks(format).find((b) =>
          b.rows.some((d) => looseLabel(d.label) === looseLabel(rowLabel)),
        )
        if (!block) continue
        const def = block.rows.find((d) => looseLabel(d.label) === looseLabel(rowLabel))
        if (!def) continue
        const matched = block.columns.filter((col) =>
          labelCols.some((x) => x.label === looseLabel(col.label)),
        )
        if (matched.length === 0) continue
        rowsFound.add(def.key)
        for (const col of matched) {
          const c = labelCols.find((x) => x.label === looseLabel(col.label))?.c ?? 0
          cells.push({
            table: 'table2',
            row: def.key,
            column: col.key,
            parsed: parseCellText(textAt(m, r, c)),
          })
        }
        break
      }
    }
  })
  const evidence = votes2021 > votes2019 ? '2021' : votes2019 > votes2021 ? '2019' : null
  return { cells, rowsFound, evidence }
}

// ---- All together -----------------------------------------------------------------------------

const TABLE_NAMES: Record<ReportTableKey, string> = {
  table2: '表二（主动公开政府信息情况）',
  table3: '表三（收到和处理政府信息公开申请情况）',
  table4: '表四（政府信息公开行政复议、行政诉讼情况）',
}

const HEADER_MARKS = ['自然人', TABLE2_CONTENT_HEADER, '行政复议', '结果维持'].map(looseLabel)

/**
 * A table broken in two (a page break in a web page, a pasted second half): a matrix as wide as
 * the one before it, with no header of its own, continues that one.
 */
function joinContinuations(matrices: Matrix[]): Matrix[] {
  const out: Matrix[] = []
  for (const m of matrices) {
    const prev = out[out.length - 1]
    const width = m[0]?.length ?? 0
    const headerless = !m.some((line) =>
      line.some((cell) => HEADER_MARKS.includes(looseLabel(cell.text))),
    )
    if (prev && width > 0 && (prev[0]?.length ?? 0) === width && headerless) {
      out[out.length - 1] = [...prev, ...m]
    } else out.push(m)
  }
  return out
}

/** Reads tables 二/三/四 out of the matrices. `fallbackFormat` applies when the labels do not say. */
export function locateTables(
  matrices: Matrix[],
  fallbackFormat: ReportFormatId,
): LocatedTables & { format: ReportFormatId; formatFromTables: boolean } {
  let t2: T2Read | null = null
  let t3: T3Read | null = null
  let t4: T4Read | null = null
  for (const m of joinContinuations(matrices)) {
    t3 ??= readTable3(m)
    t4 ??= readTable4(m)
    t2 ??= readTable2(m)
  }
  const evidence = { table2: t2?.evidence ?? null, table3: t3?.evidence ?? null }
  const format = evidence.table3 ?? evidence.table2 ?? fallbackFormat
  const formatFromTables = evidence.table3 !== null || evidence.table2 !== null
  const tables = emptyReportTables(format)
  const issues: RuleFailure[] = []
  const found = {
    table2: t2 !== null && t2.cells.length > 0,
    table3: t3 !== null,
    table4: t4 !== null,
  }

  for (const key of ['table2', 'table3', 'table4'] as const) {
    if (found[key]) continue
    issues.push({
      rule: 'READ-TABLE',
      severity: 'error',
      message: `未找到${TABLE_NAMES[key]}：按国家格式的行列标签没有在文件中找到这张表（表格是否为图片，或标签被改写？）`,
      table: key,
    })
  }
  if (evidence.table2 && evidence.table3 && evidence.table2 !== evidence.table3) {
    issues.push({
      rule: 'READ-FORMAT',
      severity: 'error',
      message: `表二使用的是${evidence.table2}年格式的栏目，表三使用的是${evidence.table3}年格式的行，两张表的格式不一致`,
    })
  }

  const apply = (reads: CellRead[]) => {
    for (const cell of reads) {
      const line = tables[cell.table][cell.row]
      if (!line || !(cell.column in line)) continue
      line[cell.column] = cell.parsed.value
      if (cell.parsed.odd !== undefined) {
        issues.push({
          rule: 'READ-CELL',
          severity: 'warning',
          message: `${cellName(format, cell.table, cell.row, cell.column)}填写的是“${cell.parsed.odd}”，不是数字，按空白处理`,
          table: cell.table,
          row: cell.row,
          column: cell.column,
        })
      }
    }
  }
  if (t3) {
    apply(t3.cells)
    for (const col of t3.missingColumns)
      issues.push({
        rule: 'READ-COLUMN',
        severity: 'error',
        message: `表三缺少“${col}”列`,
        table: 'table3',
      })
    for (const def of table3Rows(format))
      if (!t3.rowsFound.has(def.key))
        issues.push({
          rule: 'READ-ROW',
          severity: 'error',
          message: `表三缺少“${def.path.join(' › ')}”行`,
          table: 'table3',
          row: def.key,
        })
  }
  if (t4) {
    apply(t4.cells)
    for (const what of t4.missing)
      issues.push({
        rule: 'READ-COLUMN',
        severity: 'error',
        message: `表四缺少“${what}”列`,
        table: 'table4',
      })
  }
  if (t2 && found.table2) {
    apply(t2.cells)
    for (const block of table2Blocks(format))
      for (const def of block.rows)
        if (!t2.rowsFound.has(def.key))
          issues.push({
            rule: 'READ-ROW',
            severity: 'error',
            message: `表二缺少“${block.heading} ${def.label}”行`,
            table: 'table2',
            row: def.key,
          })
  }
  return { tables, found, evidence, issues, format, formatFromTables }
}
