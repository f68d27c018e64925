import type { Kysely } from 'kysely'
import type { Actor } from '../accounts/actor'
import { appendAudit } from '../audit/append'
import type { Clock } from '../clock'
import { officeToday } from './office-day'
import { loadWorkCalendar } from '../calendar/load'
import type { DB } from '../db/schema'
import { AppError } from '../errors'
import type { IdSource } from '../ids'
import {
  cellPlace,
  columnLetter,
  fillMerged,
  findHeader,
  firstSheet,
  parseSheetDate,
  readSpreadsheet,
  type SheetGrid,
} from '../spreadsheet'
import {
  APPLICANT_TYPE_LABELS,
  CHANNEL_LABELS,
  IMPORT_FIELD_LABELS,
  OUTCOME_GROUP_LABELS,
  OUTCOME_LABELS,
} from '../../shared/requests/labels'
import {
  APPLICANT_TYPES,
  IMPORT_FIELDS,
  REQUEST_CHANNELS,
  REQUEST_OUTCOMES,
  type ApplicantType,
  type ImportField,
  type ImportPreview,
  type ImportResult,
  type RequestChannel,
  type RequestOutcome,
} from '../../shared/requests/types'
import { normaliseHeaderName } from '../spreadsheet'
import { insertEvent, insertRequestRow, requestNoExists } from './repository'
import { allocateNumber, recomputeRequest, requireRequestOfficer } from './services'
import { auditActor } from '../accounts/actor'

/**
 * Import of an existing register (.xlsx/.xls/.csv): columns recognised by name (编号, 收到日期,
 * 申请人类型, 申请方式, 申请内容, 答复日期, 办理结果) or mapped by the officer; one bad row rejects the
 * whole file with a message naming the row and cell; everything goes in one transaction.
 */

export type ImportMapping = Partial<Record<ImportField, number>>

const REQUIRED: ImportField[] = ['receivedDate', 'applicantType', 'content']
const FIELD_NAME: Record<ImportField, string> = Object.fromEntries(
  IMPORT_FIELDS.map((f) => [f, IMPORT_FIELD_LABELS[f][0]]),
) as Record<ImportField, string>

export interface LedgerRow {
  row: number
  no: string
  receivedDate: string
  applicantType: ApplicantType
  channel: RequestChannel
  content: string
  answeredDate: string | null
  outcome: RequestOutcome | null
}

export interface OpenedLedger {
  fileName: string
  grid: SheetGrid
  rows: string[][]
  headerRow: number
  dataRow: number
  headers: string[]
  mapping: ImportMapping
}

/** Reads the file and recognises the header row and columns. */
export function openLedger(bytes: Uint8Array, fileName: string): OpenedLedger {
  const book = readSpreadsheet({ bytes, fileName })
  const grid = firstSheet(book)
  if (!grid) throw new AppError('VALIDATION', `「${fileName}」中没有数据`)
  const match = findHeader(grid, IMPORT_FIELD_LABELS, { accept: (m) => m.size >= 2 })
  const rows = fillMerged(grid)
  const headerRow = match?.headerRow ?? 0
  const mapping: ImportMapping = {}
  for (const f of IMPORT_FIELDS) {
    const c = match?.columns[f]
    if (c !== undefined) mapping[f] = c
  }
  return {
    fileName,
    grid,
    rows,
    headerRow,
    dataRow: match?.dataRow ?? headerRow + 1,
    headers: rows[headerRow] ?? [],
    mapping,
  }
}

const norm = (s: string) => normaliseHeaderName(s)

const TYPE_BY_NAME = new Map<string, ApplicantType>([
  ...APPLICANT_TYPES.map((t) => [norm(APPLICANT_TYPE_LABELS[t]), t] as const),
  [norm('个人'), 'natural'],
  [norm('公民'), 'natural'],
  [norm('企业'), 'commercial'],
  [norm('律师事务所'), 'legal_service'],
])

const CHANNEL_BY_NAME = new Map<string, RequestChannel>([
  ...REQUEST_CHANNELS.map((c) => [norm(CHANNEL_LABELS[c]), c] as const),
  [norm('当面提交'), 'in_person'],
  [norm('现场'), 'in_person'],
  [norm('信函'), 'letter'],
  [norm('挂号信'), 'post'],
  [norm('快递'), 'post'],
  [norm('邮政'), 'post'],
  [norm('网上申请'), 'online'],
  [norm('互联网'), 'online'],
  [norm('在线'), 'online'],
  [norm('电子邮件'), 'online'],
])

/** Outcome labels of table 三 as written in ledgers: the label, the code, both, or the full row text. */
const OUTCOME_BY_NAME = (() => {
  const m = new Map<string, RequestOutcome>()
  for (const o of REQUEST_OUTCOMES) {
    const { code, label } = OUTCOME_LABELS[o]
    for (const name of [label, `${code}${label}`, `${code} ${label}`, code]) {
      const k = norm(name)
      if (!m.has(k)) m.set(k, o)
    }
  }
  m.set(norm(OUTCOME_GROUP_LABELS['2']!), '2')
  m.set(norm('（一）予以公开'), '1')
  m.set(norm('公开'), '1')
  m.set(norm('危及三安全一稳定'), '3.3')
  m.set(norm('危及"三安全一稳定"'), '3.3')
  return m
})()

/** 「其他」 alone is （六）3; the label table maps it. */
function outcomeOf(text: string): RequestOutcome | undefined {
  return (
    OUTCOME_BY_NAME.get(norm(text).replace(/^\d+[.、．]/, '')) ?? OUTCOME_BY_NAME.get(norm(text))
  )
}

/**
 * Parses every data row with `mapping`. Throws VALIDATION naming the first bad row and cell
 * (「第 5 行 B 列「收到日期」…」), so nothing of a bad file is imported.
 */
export function parseLedger(
  ledger: OpenedLedger,
  mapping: ImportMapping,
  today: string,
): LedgerRow[] {
  const missing = REQUIRED.filter((f) => mapping[f] === undefined)
  if (missing.length > 0) {
    throw new AppError(
      'VALIDATION',
      `没有找到「${missing.map((f) => FIELD_NAME[f]).join('」「')}」列，请在列对应中选择`,
    )
  }
  const out: LedgerRow[] = []
  const seen = new Map<string, number>()
  for (let r = ledger.dataRow; r < ledger.rows.length; r++) {
    const cells = ledger.rows[r] ?? []
    const get = (f: ImportField): string => {
      const c = mapping[f]
      return c === undefined ? '' : (cells[c] ?? '').trim()
    }
    if (IMPORT_FIELDS.every((f) => get(f) === '')) continue
    const at = (f: ImportField) => `${cellPlace(r, mapping[f] ?? 0)}「${FIELD_NAME[f]}」`
    const fail = (f: ImportField, what: string): never => {
      throw new AppError('VALIDATION', `${at(f)}${what}；整个文件未导入，请改正后重试`)
    }
    const receivedRaw = get('receivedDate')
    if (receivedRaw === '') fail('receivedDate', '为空')
    const receivedDate = parseSheetDate(receivedRaw)
    if (!receivedDate) fail('receivedDate', `“${receivedRaw}”不是有效日期`)
    if (receivedDate! > today) fail('receivedDate', `${receivedDate} 晚于今天`)
    const typeRaw = get('applicantType')
    const applicantType = TYPE_BY_NAME.get(norm(typeRaw))
    if (!applicantType) {
      fail(
        'applicantType',
        `“${typeRaw}”不是申请人类型（应为：${APPLICANT_TYPES.map((t) => APPLICANT_TYPE_LABELS[t]).join('、')}）`,
      )
    }
    const channelRaw = get('channel')
    const channel = channelRaw === '' ? 'other' : CHANNEL_BY_NAME.get(norm(channelRaw))
    if (!channel) {
      fail(
        'channel',
        `“${channelRaw}”不是申请方式（应为：${REQUEST_CHANNELS.map((c) => CHANNEL_LABELS[c]).join('、')}）`,
      )
    }
    const content = get('content')
    if (content === '') fail('content', '为空')
    if (content.length > 2000) fail('content', '超过 2000 个字符')
    const answeredRaw = get('answeredDate')
    const answeredDate = answeredRaw === '' ? null : parseSheetDate(answeredRaw)
    if (answeredRaw !== '' && !answeredDate) fail('answeredDate', `“${answeredRaw}”不是有效日期`)
    if (answeredDate && answeredDate < receivedDate!) {
      fail('answeredDate', `${answeredDate} 早于收到日期 ${receivedDate}`)
    }
    if (answeredDate && answeredDate > today) fail('answeredDate', `${answeredDate} 晚于今天`)
    const outcomeRaw = get('outcome')
    const outcome = outcomeRaw === '' ? null : (outcomeOf(outcomeRaw) ?? null)
    if (outcomeRaw !== '' && !outcome) {
      fail(
        'outcome',
        `“${outcomeRaw}”不是年度报告表三中的办理结果（如：予以公开、部分公开、属于国家秘密、重复申请、其他）`,
      )
    }
    if (answeredDate && !outcome) fail('outcome', '为空，但已填写答复日期')
    if (outcome && !answeredDate) {
      throw new AppError(
        'VALIDATION',
        `${at('answeredDate')}为空，但已填写办理结果“${outcomeRaw}”；整个文件未导入，请改正后重试`,
      )
    }
    const no = get('no')
    if (no.length > 40) fail('no', '超过 40 个字符')
    if (no !== '') {
      const first = seen.get(no)
      if (first !== undefined) fail('no', `“${no}”与第 ${first + 1} 行重复`)
      seen.set(no, r)
    }
    out.push({
      row: r,
      no,
      receivedDate: receivedDate!,
      applicantType: applicantType!,
      channel: channel!,
      content,
      answeredDate,
      outcome,
    })
  }
  if (out.length === 0) throw new AppError('VALIDATION', `「${ledger.fileName}」中没有可导入的申请`)
  return out
}

/** The preview the import screen shows: headers, mapping, the first rows, and the first error. */
export function previewLedger(
  importId: string,
  ledger: OpenedLedger,
  mapping: ImportMapping,
  today: string,
): ImportPreview {
  let error: string | null = null
  let rowCount = 0
  try {
    rowCount = parseLedger(ledger, mapping, today).length
  } catch (e) {
    if (!(e instanceof AppError)) throw e
    error = e.message
  }
  const sample: Record<ImportField, string>[] = []
  for (let r = ledger.dataRow; r < ledger.rows.length && sample.length < 8; r++) {
    const cells = ledger.rows[r] ?? []
    if (cells.every((c) => c === '')) continue
    sample.push(
      Object.fromEntries(
        IMPORT_FIELDS.map((f) => [f, mapping[f] === undefined ? '' : (cells[mapping[f]!] ?? '')]),
      ) as Record<ImportField, string>,
    )
  }
  return {
    importId,
    fileName: ledger.fileName,
    sheetName: ledger.grid.name,
    headers: ledger.headers,
    columns: ledger.headers.map((_, i) => columnLetter(i)),
    headerRow: ledger.headerRow,
    mapping,
    missing: IMPORT_FIELDS.filter((f) => mapping[f] === undefined),
    sample,
    rowCount,
    error,
  }
}

/**
 * Imports every row in one transaction (all or nothing): a number already in the register is
 * refused with its row; rows without a number get one from the pattern; answered rows carry their
 * outcome, the others are open with a computed due date. `actor` null: the CLI (audited as the
 * system).
 */
export async function importLedger(
  db: Kysely<DB>,
  actor: Actor | null,
  ledger: OpenedLedger,
  mapping: ImportMapping,
  clock: Clock,
  ids: IdSource,
): Promise<ImportResult> {
  if (actor) requireRequestOfficer(actor)
  const rows = parseLedger(ledger, mapping, officeToday(clock))
  const at = clock().toISOString()
  let open = 0
  await db.transaction().execute(async (trx) => {
    const cal = await loadWorkCalendar(trx)
    for (const r of rows) {
      if (r.no !== '' && (await requestNoExists(trx, r.no))) {
        throw new AppError(
          'VALIDATION',
          `${cellPlace(r.row, mapping.no ?? 0)}「编号」“${r.no}”已在登记簿中；整个文件未导入`,
        )
      }
      const no = r.no !== '' ? r.no : await allocateNumber(trx, Number(r.receivedDate.slice(0, 4)))
      const id = ids()
      await insertRequestRow(trx, {
        id,
        no,
        applicant_type: r.applicantType,
        applicant_name: '',
        applicant_id_no: '',
        applicant_contact: '',
        applicant_address: '',
        channel: r.channel,
        channel_date: r.receivedDate,
        received_date: r.receivedDate,
        content: r.content,
        form: 'other',
        form_note: '',
        imported: 1,
        created_at: at,
        created_by: actor?.id ?? null,
        created_by_name: actor?.displayName ?? '命令行',
      })
      const base = {
        requestId: id,
        byId: actor?.id ?? null,
        byName: actor?.displayName ?? '命令行',
        at,
      }
      await insertEvent(trx, {
        ...base,
        id: ids(),
        kind: 'received',
        date: r.receivedDate,
        data: { channel: r.channel, receiptDate: r.receivedDate, imported: true },
      })
      if (r.answeredDate && r.outcome) {
        await insertEvent(trx, {
          ...base,
          id: ids(),
          kind: 'answer',
          date: r.answeredDate,
          data: { answerType: '', outcome: r.outcome, note: '（导入台账）' },
        })
      } else open++
      await recomputeRequest(trx, cal, id, at)
    }
    await appendAudit(
      trx,
      {
        actor: actor ? auditActor(actor) : null,
        action: 'request.import',
        target: 'requests',
        detail: { file: ledger.fileName, count: rows.length },
      },
      clock,
    )
  })
  return { imported: rows.length, open, answered: rows.length - open }
}
