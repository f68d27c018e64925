/**
 * 政府信息公开工作年度报告 — the national layout, versioned (条例第五十条: the national authority
 * publishes the uniform format). Source of truth: shared/domain/annual-report.md.
 *
 * - '2021': 《中华人民共和国政府信息公开工作年度报告格式》 issued with 国办公开办函〔2021〕30号, in force
 *   for reports on 2021 and later years (the default).
 * - '2019': the trial format issued with 国办公开办函〔2019〕60号, for reports on 2019 and 2020: table 二 has
 *   other columns (and rows （五）其他对外管理服务事项, （九）政府集中采购) and table 三 has a single
 *   （六）其他处理 row.
 *
 * Every label here is reproduced character for character (full-width brackets 〔〕（）, the quotation
 * marks in “三安全一稳定”). The .docx/.xlsx writers (core/report/export), the in-app preview and the
 * checker that reads reports this app did not write (core/report/check) all build on `tableGrid`, so
 * the header structure (which cells span rows/columns) exists once.
 *
 * Cells are addressed by row key × column key. A cell is a number, or `null` for a blank cell — blank
 * is distinct from zero (the checker reports blank cells apart from zeros).
 */

import { APPLICANT_TYPES } from '../requests/types'

export const REPORT_FORMATS = ['2021', '2019'] as const
export type ReportFormatId = (typeof REPORT_FORMATS)[number]

export const REPORT_FORMAT_LABELS: Record<ReportFormatId, string> = {
  '2021': '2021年格式（国办公开办函〔2021〕30号）',
  '2019': '2019年试行格式（国办公开办函〔2019〕60号）',
}

/** The layout a report on `year` is written in: years up to 2020 use the 2019 trial format. */
export function formatForYear(year: number): ReportFormatId {
  return year <= 2020 ? '2019' : '2021'
}

/** The title line: 「<department>2024年政府信息公开工作年度报告」. */
export function reportTitle(department: string, year: number): string {
  return `${department}${year}年政府信息公开工作年度报告`
}

// ---------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------

export const REPORT_SECTION_KEYS = [
  'overview',
  'proactive',
  'requests',
  'cases',
  'problems',
  'other',
] as const
export type ReportSectionKey = (typeof REPORT_SECTION_KEYS)[number]

/** The six section headings (both formats). */
export const REPORT_SECTION_HEADINGS: Record<ReportSectionKey, string> = {
  overview: '一、总体情况',
  proactive: '二、主动公开政府信息情况',
  requests: '三、收到和处理政府信息公开申请情况',
  cases: '四、政府信息公开行政复议、行政诉讼情况',
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项',
}

/** Sections whose body is narrative text; 二, 三 and 四 are the tables. */
export const NARRATIVE_SECTIONS = ['overview', 'problems', 'other'] as const
export type NarrativeSectionKey = (typeof NARRATIVE_SECTIONS)[number]

/** The section each table sits under. */
export const TABLE_SECTIONS: Record<ReportTableKey, ReportSectionKey> = {
  table2: 'proactive',
  table3: 'requests',
  table4: 'cases',
}

// ---------------------------------------------------------------------------------------------
// Table shapes
// ---------------------------------------------------------------------------------------------

export const REPORT_TABLE_KEYS = ['table2', 'table3', 'table4'] as const
export type ReportTableKey = (typeof REPORT_TABLE_KEYS)[number]

export const REPORT_TABLE_LABELS: Record<ReportTableKey, string> = {
  table2: '表二（主动公开政府信息情况）',
  table3: '表三（收到和处理政府信息公开申请情况）',
  table4: '表四（政府信息公开行政复议、行政诉讼情况）',
}

/** A cell: a number, or null for a blank cell (blank is not zero). */
export type CellValue = number | null

/** cells[rowKey][columnKey]. */
export type TableCells = Record<string, Record<string, CellValue>>

export interface ReportTables {
  format: ReportFormatId
  table2: TableCells
  table3: TableCells
  table4: TableCells
}

export interface ColumnDef {
  key: string
  /** The column's own header label (the lowest header cell above it). */
  label: string
  /** Header labels from the top down, e.g. ['申请人情况', '法人或其他组织', '商业企业']. */
  path: readonly string[]
}

export interface RowDef {
  key: string
  /** The row's own label (the innermost label cell). */
  label: string
  /** Label cells from the left, e.g. ['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密']. */
  path: readonly string[]
}

/** One block of table 二: a 第二十条第（X）项 heading, its own column header, its rows. */
export interface Table2Block {
  key: string
  heading: string
  columns: readonly ColumnDef[]
  rows: readonly RowDef[]
}

// ---- Table 二 -------------------------------------------------------------------------------

const col = (key: string, label: string, parents: readonly string[] = []): ColumnDef => ({
  key,
  label,
  path: [...parents, label],
})
const row = (key: string, path: readonly string[]): RowDef => ({
  key,
  label: path[path.length - 1] ?? '',
  path,
})

export const TABLE2_CONTENT_HEADER = '信息内容'

const TABLE2_2021: readonly Table2Block[] = [
  {
    key: 'article20_1',
    heading: '第二十条第（一）项',
    columns: [
      col('made', '本年制发件数'),
      col('repealed', '本年废止件数'),
      col('in_force', '现行有效件数'),
    ],
    rows: [row('rules', ['规章']), row('normative', ['行政规范性文件'])],
  },
  {
    key: 'article20_5',
    heading: '第二十条第（五）项',
    columns: [col('decisions', '本年处理决定数量')],
    rows: [row('licensing', ['行政许可'])],
  },
  {
    key: 'article20_6',
    heading: '第二十条第（六）项',
    columns: [col('decisions', '本年处理决定数量')],
    rows: [row('punishment', ['行政处罚']), row('enforcement', ['行政强制'])],
  },
  {
    key: 'article20_8',
    heading: '第二十条第（八）项',
    columns: [col('amount', '本年收费金额（单位：万元）')],
    rows: [row('fees', ['行政事业性收费'])],
  },
]

const TABLE2_2019: readonly Table2Block[] = [
  {
    key: 'article20_1',
    heading: '第二十条第（一）项',
    columns: [
      col('new_made', '本年新制作数量'),
      col('new_published', '本年新公开数量'),
      col('total_published', '对外公开总数量'),
    ],
    rows: [row('rules', ['规章']), row('normative', ['规范性文件'])],
  },
  {
    key: 'article20_5',
    heading: '第二十条第（五）项',
    columns: [
      col('last_year_items', '上一年项目数量'),
      col('change', '本年增/减'),
      col('decisions', '处理决定数量'),
    ],
    rows: [row('licensing', ['行政许可']), row('other_services', ['其他对外管理服务事项'])],
  },
  {
    key: 'article20_6',
    heading: '第二十条第（六）项',
    columns: [
      col('last_year_items', '上一年项目数量'),
      col('change', '本年增/减'),
      col('decisions', '处理决定数量'),
    ],
    rows: [row('punishment', ['行政处罚']), row('enforcement', ['行政强制'])],
  },
  {
    key: 'article20_8',
    heading: '第二十条第（八）项',
    columns: [col('last_year_items', '上一年项目数量'), col('change', '本年增/减')],
    rows: [row('fees', ['行政事业性收费'])],
  },
  {
    key: 'article20_9',
    heading: '第二十条第（九）项',
    columns: [col('projects', '采购项目数量'), col('amount', '采购总金额')],
    rows: [row('procurement', ['政府集中采购'])],
  },
]

/** Table 二's blocks in a format. Row keys are unique across the blocks of one format. */
export function table2Blocks(format: ReportFormatId): readonly Table2Block[] {
  return format === '2019' ? TABLE2_2019 : TABLE2_2021
}

/** Columns of 2019's table 二 whose value may be negative (本年增/减). */
export const TABLE2_SIGNED_COLUMNS: readonly string[] = ['change']

// ---- Table 三 -------------------------------------------------------------------------------

export const TABLE3_CORNER = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'
export const TABLE3_APPLICANT_GROUP = '申请人情况'
export const TABLE3_ORGANISATION_GROUP = '法人或其他组织'

/** The six applicant columns (the request register's ApplicantType) — 总计 is their sum. */
export const TABLE3_APPLICANT_COLUMNS = APPLICANT_TYPES
export type Table3ApplicantColumn = (typeof TABLE3_APPLICANT_COLUMNS)[number]
export type Table3ColumnKey = Table3ApplicantColumn | 'total'

const ORG = [TABLE3_APPLICANT_GROUP, TABLE3_ORGANISATION_GROUP] as const
export const TABLE3_COLUMNS: readonly ColumnDef[] = [
  col('natural', '自然人', [TABLE3_APPLICANT_GROUP]),
  col('commercial', '商业企业', ORG),
  col('research', '科研机构', ORG),
  col('public_interest', '社会公益组织', ORG),
  col('legal_service', '法律服务机构', ORG),
  col('other', '其他', ORG),
  col('total', '总计', [TABLE3_APPLICANT_GROUP]),
]

export const T3_RECEIVED = '一、本年新收政府信息公开申请数量'
export const T3_CARRIED_OVER = '二、上年结转政府信息公开申请数量'
export const T3_RESULTS = '三、本年度办理结果'
export const T3_CARRIED_FORWARD = '四、结转下年度继续办理'

const R = T3_RESULTS
const WITHHELD = '（三）不予公开'
const UNABLE = '（四）无法提供'
const NOT_HANDLED = '（五）不予处理'
const OTHER = '（六）其他处理'

const TABLE3_HEAD_ROWS: readonly RowDef[] = [
  row('received', [T3_RECEIVED]),
  row('carried_over', [T3_CARRIED_OVER]),
  row('1', [R, '（一）予以公开']),
  row('2', [R, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）']),
  row('3.1', [R, WITHHELD, '1.属于国家秘密']),
  row('3.2', [R, WITHHELD, '2.其他法律行政法规禁止公开']),
  row('3.3', [R, WITHHELD, '3.危及“三安全一稳定”']),
  row('3.4', [R, WITHHELD, '4.保护第三方合法权益']),
  row('3.5', [R, WITHHELD, '5.属于三类内部事务信息']),
  row('3.6', [R, WITHHELD, '6.属于四类过程性信息']),
  row('3.7', [R, WITHHELD, '7.属于行政执法案卷']),
  row('3.8', [R, WITHHELD, '8.属于行政查询事项']),
  row('4.1', [R, UNABLE, '1.本机关不掌握相关政府信息']),
  row('4.2', [R, UNABLE, '2.没有现成信息需要另行制作']),
  row('4.3', [R, UNABLE, '3.补正后申请内容仍不明确']),
  row('5.1', [R, NOT_HANDLED, '1.信访举报投诉类申请']),
  row('5.2', [R, NOT_HANDLED, '2.重复申请']),
  row('5.3', [R, NOT_HANDLED, '3.要求提供公开出版物']),
  row('5.4', [R, NOT_HANDLED, '4.无正当理由大量反复申请']),
  row('5.5', [R, NOT_HANDLED, '5.要求行政机关确认或重新出具已获取信息']),
]

const TABLE3_TAIL_ROWS: readonly RowDef[] = [
  row('total', [R, '（七）总计']),
  row('carried_forward', [T3_CARRIED_FORWARD]),
]

const TABLE3_OTHER_2021: readonly RowDef[] = [
  row('6.1', [R, OTHER, '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请']),
  row('6.2', [
    R,
    OTHER,
    '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  ]),
  row('6.3', [R, OTHER, '3.其他']),
]
const TABLE3_OTHER_2019: readonly RowDef[] = [row('6', [R, OTHER])]

const TABLE3_ROWS_2021 = [...TABLE3_HEAD_ROWS, ...TABLE3_OTHER_2021, ...TABLE3_TAIL_ROWS]
const TABLE3_ROWS_2019 = [...TABLE3_HEAD_ROWS, ...TABLE3_OTHER_2019, ...TABLE3_TAIL_ROWS]

/** Table 三's rows in a format (2019: a single （六） row keyed '6'). */
export function table3Rows(format: ReportFormatId): readonly RowDef[] {
  return format === '2019' ? TABLE3_ROWS_2019 : TABLE3_ROWS_2021
}

/** The outcome rows that add up to （七）总计, in a format. */
export function table3OutcomeRows(format: ReportFormatId): readonly string[] {
  return table3Rows(format)
    .map((r) => r.key)
    .filter(
      (k) => k !== 'received' && k !== 'carried_over' && k !== 'total' && k !== 'carried_forward',
    )
}

// ---- Table 四 -------------------------------------------------------------------------------

export const TABLE4_REVIEW = '行政复议'
export const TABLE4_LITIGATION = '行政诉讼'

/** Table 四's three blocks as rows (keys as the request register's CaseKind). */
export const TABLE4_ROWS: readonly RowDef[] = [
  row('reconsideration', [TABLE4_REVIEW]),
  row('litigation_direct', [TABLE4_LITIGATION, '未经复议直接起诉']),
  row('litigation_after', [TABLE4_LITIGATION, '复议后起诉']),
]

/** Each block's five columns (keys as CaseOutcome) — 总计 is the sum of the four. */
export const TABLE4_COLUMNS: readonly ColumnDef[] = [
  col('upheld', '结果维持'),
  col('corrected', '结果纠正'),
  col('other', '其他结果'),
  col('pending', '尚未审结'),
  col('total', '总计'),
]
export const TABLE4_OUTCOME_COLUMNS = ['upheld', 'corrected', 'other', 'pending'] as const

// ---- Keys of a whole format -----------------------------------------------------------------

export interface TableShape {
  rows: readonly RowDef[]
  columns: readonly ColumnDef[]
  /** Row key → the column keys that row has (table 二's blocks have different columns). */
  columnsOf(rowKey: string): readonly ColumnDef[]
}

/** Rows and columns of one table in one format. */
export function tableShape(format: ReportFormatId, table: ReportTableKey): TableShape {
  if (table === 'table2') {
    const blocks = table2Blocks(format)
    const rows = blocks.flatMap((b) => b.rows)
    const columns: ColumnDef[] = []
    for (const b of blocks)
      for (const c of b.columns) if (!columns.some((x) => x.key === c.key)) columns.push(c)
    return {
      rows,
      columns,
      columnsOf: (rowKey) =>
        blocks.find((b) => b.rows.some((r) => r.key === rowKey))?.columns ?? [],
    }
  }
  if (table === 'table3') {
    const rows = table3Rows(format)
    return { rows, columns: TABLE3_COLUMNS, columnsOf: () => TABLE3_COLUMNS }
  }
  return { rows: TABLE4_ROWS, columns: TABLE4_COLUMNS, columnsOf: () => TABLE4_COLUMNS }
}

/** Every cell of a format, blank (null): the starting point of a compile and of the checker's read. */
export function emptyReportTables(format: ReportFormatId): ReportTables {
  const make = (table: ReportTableKey): TableCells => {
    const shape = tableShape(format, table)
    const cells: TableCells = {}
    for (const r of shape.rows) {
      const line: Record<string, CellValue> = {}
      for (const c of shape.columnsOf(r.key)) line[c.key] = null
      cells[r.key] = line
    }
    return cells
  }
  return { format, table2: make('table2'), table3: make('table3'), table4: make('table4') }
}

/** The human name of a cell for messages: 「表三 “（一）予以公开” 行 “自然人” 列」. */
export function cellName(
  format: ReportFormatId,
  table: ReportTableKey,
  rowKey: string,
  columnKey: string,
): string {
  const shape = tableShape(format, table)
  const r = shape.rows.find((x) => x.key === rowKey)
  const c = shape.columnsOf(rowKey).find((x) => x.key === columnKey)
  const rowText = r ? r.path.join(' › ') : rowKey
  const colText = c ? c.path.filter((p) => p !== TABLE3_APPLICANT_GROUP).join(' › ') : columnKey
  const tableText = { table2: '表二', table3: '表三', table4: '表四' }[table]
  return `${tableText} “${rowText}” 行 “${colText}” 列`
}

// ---------------------------------------------------------------------------------------------
// The printed grid: header structure shared by the writers and the reader
// ---------------------------------------------------------------------------------------------

/** A label cell (header, block heading or row label) or a value cell (row key × column key). */
export type GridCell =
  | {
      kind: 'label'
      text: string
      rowSpan: number
      colSpan: number
      /** 'header' = column header, 'heading' = table 二's 第二十条 block heading, 'row' = row label. */
      role: 'header' | 'heading' | 'row'
    }
  | { kind: 'value'; row: string; column: string; rowSpan: number; colSpan: number }

/**
 * One table as printed: `rows[i]` lists the cells that START in grid row i, left to right, the way
 * HTML's rowspan/colspan does (cells covered by a span above are not repeated). `columns` is the
 * grid's width; `headerRows` how many leading rows repeat as the header on a page break.
 */
export interface TableGrid {
  columns: number
  headerRows: number
  rows: GridCell[][]
}

/** A grid cell placed at absolute coordinates (for .xlsx merges and .docx gridSpan/vMerge). */
export interface PlacedCell {
  row: number
  col: number
  cell: GridCell
}

const label = (
  text: string,
  role: 'header' | 'heading' | 'row',
  rowSpan = 1,
  colSpan = 1,
): GridCell => ({ kind: 'label', text, rowSpan, colSpan, role })
const value = (r: string, c: string, colSpan = 1): GridCell => ({
  kind: 'value',
  row: r,
  column: c,
  rowSpan: 1,
  colSpan,
})

function table2Grid(format: ReportFormatId): TableGrid {
  const blocks = table2Blocks(format)
  const valueColumns = Math.max(...blocks.map((b) => b.columns.length))
  const width = 1 + valueColumns
  const rows: GridCell[][] = []
  for (const b of blocks) {
    rows.push([label(b.heading, 'heading', 1, width)])
    const header: GridCell[] = [label(TABLE2_CONTENT_HEADER, 'header')]
    b.columns.forEach((c, i) => {
      const last = i === b.columns.length - 1
      header.push(label(c.label, 'header', 1, last ? valueColumns - i : 1))
    })
    rows.push(header)
    for (const r of b.rows) {
      const line: GridCell[] = [label(r.label, 'row')]
      b.columns.forEach((c, i) => {
        const last = i === b.columns.length - 1
        line.push(value(r.key, c.key, last ? valueColumns - i : 1))
      })
      rows.push(line)
    }
  }
  return { columns: width, headerRows: 0, rows }
}

/** Label cells for body rows given as label paths: equal leading labels merge down (rowSpan). */
function bodyWithLabelColumns(
  rowsDef: readonly RowDef[],
  depth: number,
  columnKeys: readonly string[],
): GridCell[][] {
  const out: GridCell[][] = []
  const paths = rowsDef.map((r) => r.path)
  rowsDef.forEach((rowDef, i) => {
    const path = rowDef.path
    const line: GridCell[] = []
    for (let level = 0; level < path.length; level++) {
      const isLeaf = level === path.length - 1
      const prefix = path.slice(0, level + 1)
      const samePrefix = (p: readonly string[]): boolean =>
        p.length > level && prefix.every((x, k) => p[k] === x)
      // A label continues a span from the row above: not emitted again.
      if (!isLeaf && i > 0 && samePrefix(paths[i - 1] ?? [])) continue
      let span = 1
      if (!isLeaf) while (i + span < paths.length && samePrefix(paths[i + span] ?? [])) span++
      line.push(label(path[level] ?? '', 'row', span, isLeaf ? depth - level : 1))
    }
    for (const c of columnKeys) line.push(value(rowDef.key, c))
    out.push(line)
  })
  return out
}

function table3Grid(format: ReportFormatId): TableGrid {
  const labelDepth = 3
  const header: GridCell[][] = [
    [
      label(TABLE3_CORNER, 'header', 3, labelDepth),
      label(TABLE3_APPLICANT_GROUP, 'header', 1, TABLE3_COLUMNS.length),
    ],
    [
      label('自然人', 'header', 2, 1),
      label(TABLE3_ORGANISATION_GROUP, 'header', 1, 5),
      label('总计', 'header', 2, 1),
    ],
    TABLE3_COLUMNS.filter((c) => c.path.includes(TABLE3_ORGANISATION_GROUP)).map((c) =>
      label(c.label, 'header'),
    ),
  ]
  const body = bodyWithLabelColumns(
    table3Rows(format),
    labelDepth,
    TABLE3_COLUMNS.map((c) => c.key),
  )
  return { columns: labelDepth + TABLE3_COLUMNS.length, headerRows: 3, rows: [...header, ...body] }
}

function table4Grid(): TableGrid {
  const n = TABLE4_COLUMNS.length
  const header: GridCell[][] = [
    [label(TABLE4_REVIEW, 'header', 1, n), label(TABLE4_LITIGATION, 'header', 1, 2 * n)],
    [
      ...TABLE4_COLUMNS.map((c) => label(c.label, 'header', 2, 1)),
      label('未经复议直接起诉', 'header', 1, n),
      label('复议后起诉', 'header', 1, n),
    ],
    [...TABLE4_COLUMNS, ...TABLE4_COLUMNS].map((c) => label(c.label, 'header')),
  ]
  const data: GridCell[] = TABLE4_ROWS.flatMap((r) =>
    TABLE4_COLUMNS.map((c) => value(r.key, c.key)),
  )
  return { columns: 3 * n, headerRows: 3, rows: [...header, data] }
}

/** The printed layout of one table in one format. */
export function tableGrid(format: ReportFormatId, table: ReportTableKey): TableGrid {
  if (table === 'table2') return table2Grid(format)
  if (table === 'table3') return table3Grid(format)
  return table4Grid()
}

/** Every cell of a grid at its absolute (row, col) — what .xlsx merges and .docx vMerge need. */
export function placeGrid(grid: TableGrid): PlacedCell[] {
  const taken: boolean[][] = grid.rows.map(() => new Array<boolean>(grid.columns).fill(false))
  const placed: PlacedCell[] = []
  grid.rows.forEach((cells, r) => {
    let c = 0
    for (const cell of cells) {
      const here = taken[r] ?? []
      while (c < grid.columns && here[c]) c++
      placed.push({ row: r, col: c, cell })
      for (let dr = 0; dr < cell.rowSpan; dr++)
        for (let dc = 0; dc < cell.colSpan; dc++) {
          const line = taken[r + dr]
          if (line) line[c + dc] = true
        }
      c += cell.colSpan
    }
  })
  return placed
}

// ---------------------------------------------------------------------------------------------
// Label matching (reader side; also for round-trip tests)
// ---------------------------------------------------------------------------------------------

/**
 * A label as compared by the checker: full-width ASCII folded to half-width, every kind of
 * whitespace removed, brackets and quotation marks unified, 、/./． after a numeral unified, so
 * 「（一） 予以公开」, 「(一)予以公开」 and 「（一）予以公开」 compare equal.
 */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, '')
    .replace(/[“”„‟"＂「」『』]/g, '"')
    .replace(/[‘’']/g, "'")
    .replace(/[〔［【]/g, '[')
    .replace(/[〕］】]/g, ']')
    .replace(/[．。·]/g, '.')
    .replace(/[：]/g, ':')
    .replace(/[，]/g, ',')
    .replace(/[／]/g, '/')
}
