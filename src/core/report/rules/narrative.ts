/**
 * Narrative against tables: every number sections 一 and 六 state about requests, items, cases
 * and fees is found and compared with the tables (and, for fees and items, with the records).
 * 条例第五十条 lists what the report states; the national format (国办公开办函〔2021〕30号) requires
 * the text and the tables to agree, and section 六 to state the 信息处理费 charged.
 */
import {
  cellName,
  REPORT_SECTION_HEADINGS,
  TABLE3_APPLICANT_COLUMNS,
  tableShape,
  type CellValue,
  type NarrativeSectionKey,
  type ReportTables,
} from '../../../shared/report/format'
import { findQuantities, formatNumber as fmt, type Quantity } from './numbers'
import type { CellRef, ReportRecords, RuleFailure } from './types'

export interface Sentence {
  text: string
  offset: number
}

/** Sentences of a text (split at 。！？ and line breaks) with their offsets. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = []
  const re = /[^。！？!?\n]+[。！？!?]?/g
  for (const m of text.matchAll(re)) {
    const raw = m[0]
    const lead = raw.length - raw.trimStart().length
    const body = raw.trim()
    if (body === '') continue
    out.push({ text: body, offset: m.index + lead })
  }
  return out
}

/** What a keyword does to the reading context of its sentence. */
type Token =
  | { kind: 't3row'; row: string }
  | { kind: 't3col'; cols: string[] }
  | { kind: 't4block'; rows: string[] }
  | { kind: 't4col'; col: string }
  | { kind: 't2subject'; row: string }
  | { kind: 't2action'; col: 'made' | 'repealed' | 'in_force' }
  | { kind: 't2decisions'; row: string }
  | { kind: 'fee' }
  | { kind: 'feeAmount'; which: 'billed' | 'collected' }
  | { kind: 'feeNotices' }
  | { kind: 'items' }

const ORG_COLUMNS = TABLE3_APPLICANT_COLUMNS.filter((c) => c !== 'natural')

const KEYWORDS: [string, Token][] = [
  ['上年结转', { kind: 't3row', row: 'carried_over' }],
  ['结转下年度', { kind: 't3row', row: 'carried_forward' }],
  ['结转至下年度', { kind: 't3row', row: 'carried_forward' }],
  ['结转到下年度', { kind: 't3row', row: 'carried_forward' }],
  ['转入下年度', { kind: 't3row', row: 'carried_forward' }],
  ['结转下一年度', { kind: 't3row', row: 'carried_forward' }],
  ['予以公开', { kind: 't3row', row: '1' }],
  ['部分公开', { kind: 't3row', row: '2' }],
  ['不予公开', { kind: 't3row', row: '3' }],
  ['无法提供', { kind: 't3row', row: '4' }],
  ['不予处理', { kind: 't3row', row: '5' }],
  ['其他处理', { kind: 't3row', row: '6' }],
  ['办结', { kind: 't3row', row: 'total' }],
  ['办理完毕', { kind: 't3row', row: 'total' }],
  ['收到', { kind: 't3row', row: 'received' }],
  ['新收', { kind: 't3row', row: 'received' }],
  ['受理', { kind: 't3row', row: 'received' }],
  ['接收', { kind: 't3row', row: 'received' }],
  ['自然人', { kind: 't3col', cols: ['natural'] }],
  ['法人或其他组织', { kind: 't3col', cols: ORG_COLUMNS }],
  ['商业企业', { kind: 't3col', cols: ['commercial'] }],
  ['科研机构', { kind: 't3col', cols: ['research'] }],
  ['社会公益组织', { kind: 't3col', cols: ['public_interest'] }],
  ['法律服务机构', { kind: 't3col', cols: ['legal_service'] }],
  ['行政复议', { kind: 't4block', rows: ['reconsideration'] }],
  ['行政诉讼', { kind: 't4block', rows: ['litigation_direct', 'litigation_after'] }],
  ['未经复议直接起诉', { kind: 't4block', rows: ['litigation_direct'] }],
  ['直接起诉', { kind: 't4block', rows: ['litigation_direct'] }],
  ['复议后起诉', { kind: 't4block', rows: ['litigation_after'] }],
  ['结果维持', { kind: 't4col', col: 'upheld' }],
  ['维持', { kind: 't4col', col: 'upheld' }],
  ['结果纠正', { kind: 't4col', col: 'corrected' }],
  ['纠正', { kind: 't4col', col: 'corrected' }],
  ['其他结果', { kind: 't4col', col: 'other' }],
  ['尚未审结', { kind: 't4col', col: 'pending' }],
  ['未审结', { kind: 't4col', col: 'pending' }],
  ['行政规范性文件', { kind: 't2subject', row: 'normative' }],
  ['规范性文件', { kind: 't2subject', row: 'normative' }],
  ['规章', { kind: 't2subject', row: 'rules' }],
  ['制发', { kind: 't2action', col: 'made' }],
  ['制定', { kind: 't2action', col: 'made' }],
  ['出台', { kind: 't2action', col: 'made' }],
  ['印发', { kind: 't2action', col: 'made' }],
  ['废止', { kind: 't2action', col: 'repealed' }],
  ['宣布失效', { kind: 't2action', col: 'repealed' }],
  ['现行有效', { kind: 't2action', col: 'in_force' }],
  ['行政许可', { kind: 't2decisions', row: 'licensing' }],
  ['行政处罚', { kind: 't2decisions', row: 'punishment' }],
  ['行政强制', { kind: 't2decisions', row: 'enforcement' }],
  ['信息处理费', { kind: 'fee' }],
  ['收费通知', { kind: 'feeNotices' }],
  ['缴费通知', { kind: 'feeNotices' }],
  ['应收', { kind: 'feeAmount', which: 'billed' }],
  ['应缴', { kind: 'feeAmount', which: 'billed' }],
  ['收费金额', { kind: 'feeAmount', which: 'billed' }],
  ['实收', { kind: 'feeAmount', which: 'collected' }],
  ['实际收取', { kind: 'feeAmount', which: 'collected' }],
  ['实际收费', { kind: 'feeAmount', which: 'collected' }],
  ['实际缴纳', { kind: 'feeAmount', which: 'collected' }],
  ['收取', { kind: 'feeAmount', which: 'collected' }],
  ['收缴', { kind: 'feeAmount', which: 'collected' }],
  ['主动公开', { kind: 'items' }],
]

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const KEYWORD_RE = new RegExp(
  [...KEYWORDS]
    .map(([k]) => k)
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|'),
  'g',
)
const TOKEN_OF = new Map(KEYWORDS)

/** Between a keyword and its number, these make the number a change or an estimate, not a figure. */
const NOT_THE_FIGURE =
  /增加|减少|增长|下降|同比|较上年|比上年|上升|超过|不足|约|近|多于|少于|以上|以下/

/** At most this many characters between a keyword and its figure (「收到政府信息公开申请，共计258件」). */
const MAX_GAP = 14
const OTHER_DOCUMENT = /文件|规章|办法|规定|制度|方案|通知|意见/
const NOT_DECISIONS = /公示|信息|事项|目录|清单|栏目|专栏/

/** A figure the text states, resolved to what it should equal. */
interface Claim {
  what: string
  quantity: Quantity
  /** Cells that add up to the figure… */
  cells?: CellRef[]
  /** …or a record figure. */
  record?: { key: keyof ReportRecords; label: string }
}

interface Context {
  t3row: string | null
  t4rows: string[] | null
  t2row: string | null
  t2col: 'made' | 'repealed' | 'in_force' | null
  fee: boolean
}

function t3Rows(tables: ReportTables, row: string): string[] {
  const keys = tableShape(tables.format, 'table3').rows.map((r) => r.key)
  if (['3', '4', '5', '6'].includes(row))
    return keys.filter((k) => k === row || k.startsWith(`${row}.`))
  return [row]
}

const T3_ROW_WHAT: Record<string, string> = {
  received: '本年新收申请',
  carried_over: '上年结转申请',
  '1': '予以公开',
  '2': '部分公开',
  '3': '不予公开',
  '4': '无法提供',
  '5': '不予处理',
  '6': '其他处理',
  total: '本年度办结',
  carried_forward: '结转下年度继续办理',
}
const COL_WHAT: Record<string, string> = {
  natural: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  public_interest: '社会公益组织',
  legal_service: '法律服务机构',
}
const T4_WHAT: Record<string, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '',
}

/** The claims of one sentence. */
function claimsOf(tables: ReportTables, sentence: string): Claim[] {
  const claims: Claim[] = []
  const mentionsRequests = /申请/.test(sentence)
  const ctx: Context = {
    t3row: null,
    t4rows: null,
    t2row: null,
    t2col: null,
    fee: /信息处理费|收费/.test(sentence),
  }
  type Event = { at: number; end: number; token?: Token; quantity?: Quantity }
  const events: Event[] = []
  for (const m of sentence.matchAll(KEYWORD_RE)) {
    const token = TOKEN_OF.get(m[0])
    if (token) events.push({ at: m.index, end: m.index + m[0].length, token })
  }
  for (const q of findQuantities(sentence))
    events.push({ at: q.offset, end: q.offset + q.length, quantity: q })
  events.sort((a, b) => a.at - b.at)

  let last: { token: Token; end: number } | null = null
  let t3cols: string[] = ['total']
  let t4col = 'total'
  for (const e of events) {
    if (e.token) {
      const t = e.token
      switch (t.kind) {
        case 't3row':
          // 「收到」「办结」 also count 人大代表建议 and letters: only a sentence about 申请 is about table 三.
          if ((t.row === 'received' || t.row === 'total') && !mentionsRequests) continue
          ctx.t3row = t.row
          t3cols = ['total']
          break
        case 't3col':
          t3cols = t.cols
          if (ctx.t3row === null && mentionsRequests) ctx.t3row = 'received'
          break
        case 't4block':
          ctx.t4rows = t.rows
          t4col = 'total'
          break
        case 't4col':
          if (ctx.t4rows === null) continue
          t4col = t.col
          break
        case 't2subject':
          ctx.t2row = t.row
          break
        case 't2action':
          ctx.t2col = t.col
          break
        case 'fee':
          ctx.fee = true
          // 「应收信息处理费360元」: the amount keyword before 信息处理费 decides which amount it is.
          if (last?.token.kind === 'feeAmount') {
            last = { token: last.token, end: e.end }
            continue
          }
          break
        default:
          break
      }
      last = { token: t, end: e.end }
      continue
    }
    const q = e.quantity
    if (!q || last === null) continue
    const between = sentence.slice(last.end, q.offset)
    const token = last.token
    last = null
    if (NOT_THE_FIGURE.test(between) || between.length > MAX_GAP) continue
    // 「制发行政规范性文件12件，印发其他文件30件」: a verb naming another kind of document.
    if (token.kind === 't2action' && OTHER_DOCUMENT.test(between)) continue
    // 「行政许可公示18条」「行政处罚信息37条」: items published about decisions, not the decisions.
    if (token.kind === 't2decisions' && NOT_DECISIONS.test(between)) continue
    const claim = resolve(tables, token, ctx, t3cols, t4col, q)
    if (claim) claims.push(claim)
  }
  return claims
}

function resolve(
  tables: ReportTables,
  token: Token,
  ctx: Context,
  t3cols: string[],
  t4col: string,
  q: Quantity,
): Claim | null {
  const money = q.kind === 'money'
  switch (token.kind) {
    case 't3row':
    case 't3col': {
      if (money || ctx.t3row === null) return null
      const rows = t3Rows(tables, ctx.t3row)
      const cells = rows.flatMap((row) =>
        t3cols.map((column) => ({ table: 'table3' as const, row, column })),
      )
      const colText =
        t3cols.length === 1 && t3cols[0] === 'total'
          ? ''
          : t3cols.length > 1
            ? '法人或其他组织'
            : (COL_WHAT[t3cols[0] ?? ''] ?? '')
      return { what: `${colText}${T3_ROW_WHAT[ctx.t3row] ?? ''}`, quantity: q, cells }
    }
    case 't4block':
    case 't4col': {
      if (money || ctx.t4rows === null) return null
      const rows = ctx.t4rows
      const cells = rows.map((row) => ({ table: 'table4' as const, row, column: t4col }))
      const block =
        rows.length > 1
          ? '行政诉讼'
          : rows[0] === 'reconsideration'
            ? '行政复议'
            : rows[0] === 'litigation_direct'
              ? '未经复议直接起诉'
              : '复议后起诉'
      return { what: `${block}${T4_WHAT[t4col] ?? ''}`, quantity: q, cells }
    }
    case 't2subject':
    case 't2action': {
      if (money || ctx.t2row === null || ctx.t2col === null) return null
      const column = tables.format === '2021' ? ctx.t2col : ctx.t2col === 'made' ? 'new_made' : null
      if (column === null) return null
      const verb = { made: '制发', repealed: '废止', in_force: '现行有效' }[ctx.t2col]
      const subject =
        ctx.t2row === 'rules' ? '规章' : tables.format === '2021' ? '行政规范性文件' : '规范性文件'
      return {
        what: `${verb}${subject}`,
        quantity: q,
        cells: [{ table: 'table2', row: ctx.t2row, column }],
      }
    }
    case 't2decisions': {
      if (money) return null
      const label =
        { licensing: '行政许可', punishment: '行政处罚', enforcement: '行政强制' }[token.row] ?? ''
      return {
        what: `${label}处理决定`,
        quantity: q,
        cells: [{ table: 'table2', row: token.row, column: 'decisions' }],
      }
    }
    case 'fee':
    case 'feeAmount': {
      if (!money || !ctx.fee) return null
      const which = token.kind === 'feeAmount' ? token.which : 'collected'
      return which === 'billed'
        ? {
            what: '应收信息处理费',
            quantity: q,
            record: { key: 'feesBilled', label: '收费台账应收金额' },
          }
        : {
            what: '实收信息处理费',
            quantity: q,
            record: { key: 'feesCollected', label: '收费台账实收金额' },
          }
    }
    case 'feeNotices':
      if (money) return null
      return {
        what: '发出收费通知',
        quantity: q,
        record: { key: 'feeNotices', label: '登记簿中的收费通知' },
      }
    case 'items':
      if (money || (q.unit !== '条' && q.unit !== '件')) return null
      return {
        what: '主动公开政府信息',
        quantity: q,
        record: { key: 'itemsPublished', label: '本年主动公开的条目' },
      }
  }
}

function sumCells(tables: ReportTables, cells: CellRef[]): CellValue {
  let any = false
  let sum = 0
  for (const c of cells) {
    const v = tables[c.table][c.row]?.[c.column] ?? null
    if (v !== null) {
      any = true
      sum += v
    }
  }
  return any ? sum : null
}

const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 58)}……` : s)

/**
 * The 信息处理费 figures a text states (section 六: 「发出收费通知3件，应收信息处理费360元，实际收取240元」),
 * the first of each; 「未收取信息处理费」 states 0 collected. For the district's consolidated report.
 */
export function statedFees(
  tables: ReportTables,
  text: string,
): Partial<Record<'feesBilled' | 'feesCollected' | 'feeNotices', number>> {
  const out: Partial<Record<'feesBilled' | 'feesCollected' | 'feeNotices', number>> = {}
  for (const s of splitSentences(text)) {
    for (const claim of claimsOf(tables, s.text)) {
      const key = claim.record?.key
      if (key === 'feesBilled' || key === 'feesCollected' || key === 'feeNotices')
        out[key] ??= claim.quantity.value
    }
    if (NO_FEE.test(s.text) && findQuantities(s.text).every((q) => q.kind !== 'money')) {
      out.feesCollected ??= 0
      out.feesBilled ??= 0
    }
  }
  return out
}

const NO_FEE = /(未|没有|无|不)(收取|收缴|产生|发生|收)(任何)?(政府信息公开)?信息处理费/

/** Narrative sections the numbers are read from (sections 一 and 六). */
const CHECKED_SECTIONS: NarrativeSectionKey[] = ['overview', 'other']

export function narrativeRules(
  tables: ReportTables,
  narrative: Partial<Record<NarrativeSectionKey, string>> | undefined,
  records: ReportRecords | undefined,
): RuleFailure[] {
  if (!narrative) return []
  const out: RuleFailure[] = []
  for (const section of CHECKED_SECTIONS) {
    const text = narrative[section]
    if (text === undefined) continue
    const heading = REPORT_SECTION_HEADINGS[section]
    splitSentences(text).forEach((s, index) => {
      const where = `“${heading}”第 ${index + 1} 句“${clip(s.text)}”`
      const base = { section, sentence: s.text, offset: s.offset, length: s.text.length }
      for (const claim of claimsOf(tables, s.text)) {
        const stated = claim.quantity.value
        if (claim.cells) {
          const actual = sumCells(tables, claim.cells)
          if (actual !== null && Math.abs(actual - stated) < 1e-6) continue
          const first = claim.cells[0] as CellRef
          const cellText =
            claim.cells.length === 1
              ? cellName(tables.format, first.table, first.row, first.column)
              : `表中对应的 ${claim.cells.length} 个单元格之和`
          out.push({
            rule: 'N-TABLE',
            severity: 'error',
            message: `${where}称${claim.what} ${fmt(stated)}${claim.quantity.unit}，但${cellText}${actual === null ? '为空白' : `为 ${fmt(actual)}`}`,
            ...base,
            table: first.table,
            row: first.row,
            column: first.column,
            cells: claim.cells,
            numbers: { stated, table: actual ?? 0 },
          })
        } else if (claim.record) {
          const actual = records?.[claim.record.key]
          if (actual === undefined || Math.abs(actual - stated) < 0.005) continue
          out.push({
            rule: claim.record.key === 'itemsPublished' ? 'N-ITEMS' : 'R-FEE-AMOUNT',
            severity: 'error',
            message: `${where}称${claim.what} ${fmt(stated)}${claim.quantity.unit === '万元' ? '元（按万元折算）' : claim.quantity.unit}，但${claim.record.label}为 ${fmt(actual)}${claim.quantity.kind === 'money' ? '元' : ''}`,
            ...base,
            numbers: { stated, records: actual },
          })
        }
      }
      // 「本年度未收取信息处理费」 states 0 without a number.
      if (NO_FEE.test(s.text)) {
        const collected = records?.feesCollected
        const noNumber = findQuantities(s.text).every((q) => q.kind !== 'money')
        if (noNumber && collected !== undefined && collected > 0) {
          out.push({
            rule: 'R-FEE-AMOUNT',
            severity: 'error',
            message: `${where}称未收取信息处理费，但收费台账实收金额为 ${fmt(collected)}元`,
            ...base,
            numbers: { stated: 0, records: collected },
          })
        }
      }
    })
  }
  // Section 六 must state the 信息处理费 charged (《政府信息公开信息处理费管理办法》; annual-report.md).
  const other = narrative.other
  if (other !== undefined && !/信息处理费/.test(other)) {
    out.push({
      rule: 'N-FEE-STATEMENT',
      severity: 'error',
      message: `“${REPORT_SECTION_HEADINGS.other}”未说明信息处理费的收取情况（发出收费通知的件数、应收和实收金额；未收取的也应写明）`,
      section: 'other',
    })
  }
  return out
}
