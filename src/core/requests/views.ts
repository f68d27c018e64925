import { sql, type Kysely } from 'kysely'
import type { Clock } from '../clock'
import { officeToday } from './office-day'
import { loadWorkCalendar } from '../calendar/load'
import type { DB } from '../db/schema'
import { addWorkingDays, type WorkCalendar } from '../deadlines'
import type { z } from 'zod'
import type { requestListSchema } from '../../shared/requests/schemas'
import {
  ANSWER_TYPE_LABELS,
  CONSULTATION_PARTY_LABELS,
  EVENT_KIND_LABELS,
  FEE_SCHEME_LABELS,
  outcomeText,
} from '../../shared/requests/labels'
import {
  OPEN_STATUSES,
  PAUSED_STATUSES,
  type AnswerType,
  type ConsultationParty,
  type FeeScheme,
  type LetterKind,
  type RequestCounts,
  type RequestEventView,
  type RequestListResult,
  type RequestOutcome,
  type RequestView,
} from '../../shared/requests/types'
import type { RequestEventRowDb } from '../db/tables/requests'
import { daysLeft, parseDueRecord, rowFlags } from './derive'
import { maskApplicantName } from './personal'
import { listEventRows, loadRequestRow, toFact } from './repository'
import { ART, allowedKinds, deriveState, type RequestState } from './rules'
import { toCaseView } from './services'

/** Read models of the register: the list (masked), the counts, the detail view. */

/** The due-soon window: due within 3 working days (today included). */
export const DUE_SOON_DAYS = 3

const str = (v: unknown): string => (typeof v === 'string' ? v : '')

/** A Chinese one-liner and the article of one event, for the timeline. */
export function describeEvent(e: RequestEventRowDb): RequestEventView {
  const d = JSON.parse(e.data_json) as Record<string, unknown>
  let summary = EVENT_KIND_LABELS[e.kind]
  let article: string | null = null
  switch (e.kind) {
    case 'received':
      summary = `收到申请（收到申请之日 ${str(d.receiptDate)}${d.reason ? `，按申请方式应为 ${str(d.derived)}，更正原因：${str(d.reason)}` : ''}）`
      article = ART.receipt
      break
    case 'receipt_changed':
      summary = `收到申请之日由 ${str(d.from)} 更正为 ${str(d.to)}（${str(d.reason)}）`
      article = ART.receipt
      break
    case 'correction_requested':
      summary = `发出补正告知，补正期限至 ${str(d.deadline)}：${str(d.items)}`
      article = ART.correction
      break
    case 'correction_received':
      summary = '收到申请人补正，答复期限自本日重新计算'
      article = ART.correction
      break
    case 'correction_lapsed':
      summary = `申请人逾期未补正，不再处理（${outcomeText('6.1')}）`
      article = ART.correction
      break
    case 'consultation_started': {
      const party = CONSULTATION_PARTY_LABELS[d.party as ConsultationParty] ?? ''
      summary = `书面征求${party}「${str(d.partyName)}」意见，请于 ${str(d.replyBy)}${d.replyByProvisional ? '（暂定）' : ''} 前答复（15 个工作日）；征求意见期间不计入答复期限`
      article = d.party === 'agency' ? ART.agency : ART.thirdParty
      break
    }
    case 'consultation_ended':
      summary = `征求意见结束${d.note ? `：${str(d.note)}` : ''}`
      article = ART.period
      break
    case 'extension':
      summary = `延长答复期限 ${String(d.days)} 个工作日（批准人：${str(d.approver)}；理由：${str(d.reason)}）`
      article = ART.extension
      break
    case 'fee_notice':
      summary = `发出收费通知：${FEE_SCHEME_LABELS[d.scheme as FeeScheme] ?? ''} ${String(d.quantity)}${d.scheme === 'per_page' ? ' 页' : '（本月第几件）'}，${String(d.amount)} 元，缴费期限至 ${str(d.payBy)}${d.payByProvisional ? '（暂定）' : ''}`
      article = ART.fee
      break
    case 'fee_paid':
      summary = `申请人已缴费 ${String(d.amount)} 元`
      article = ART.fee
      break
    case 'fee_lapsed':
      summary = `申请人逾期未缴费，不再处理（${outcomeText('6.2')}）`
      article = ART.fee
      break
    case 'answer': {
      const type = ANSWER_TYPE_LABELS[d.answerType as AnswerType]
      summary = `答复：${type ? type.label : '（导入）'}，办理结果 ${outcomeText(d.outcome as RequestOutcome)}${d.note ? `；${str(d.note)}` : ''}`
      article = type?.article ?? null
      break
    }
  }
  return {
    id: e.id,
    seq: e.seq,
    kind: e.kind,
    date: e.date,
    summary,
    article,
    data: d,
    byName: e.by_name,
    at: e.at,
  }
}

/**
 * The events with the consultation reply date (第三十二条、第三十四条) and the fee pay-by date
 * (国办函〔2020〕109号) as derived now from the calendar — not as frozen when recorded — and
 * whether they are 暂定, for the timeline and the letters.
 */
function withDerivedDates(rows: RequestEventRowDb[], state: RequestState): RequestEventRowDb[] {
  let c = 0
  return rows.map((e) => {
    if (e.kind === 'consultation_started') {
      const derived = state.consultations[c++]
      if (!derived) return e
      const d = JSON.parse(e.data_json) as Record<string, unknown>
      return {
        ...e,
        data_json: JSON.stringify({
          ...d,
          replyBy: derived.replyBy,
          replyByProvisional: derived.replyByProvisional,
        }),
      }
    }
    if (e.kind === 'fee_notice' && state.fee && state.fee.date === e.date) {
      const d = JSON.parse(e.data_json) as Record<string, unknown>
      return {
        ...e,
        data_json: JSON.stringify({
          ...d,
          payBy: state.fee.payBy,
          payByProvisional: state.fee.payByProvisional,
        }),
      }
    }
    return e
  })
}

/** The detail screen of one request (personal data in full: local only). */
export async function loadRequestView(
  db: Kysely<DB>,
  id: string,
  clock: Clock,
): Promise<RequestView> {
  const cal = await loadWorkCalendar(db)
  const today = officeToday(clock)
  const row = await loadRequestRow(db, id)
  const eventRows = await listEventRows(db, id)
  const state = deriveState({ receivedDate: row.received_date, events: eventRows.map(toFact) }, cal)
  const record = parseDueRecord(row.due_json)
  const cases = await db
    .selectFrom('request_cases')
    .selectAll()
    .where('request_id', '=', id)
    .orderBy('filed_date')
    .execute()
  const warnings = rowFlags(cal, row, today)
  if (row.provisional === 1) {
    warnings.splice(
      0,
      1,
      `期限为暂定：${record.unknownYears.join('、')} 年的节假日安排尚未录入，按周一至周五计算。国务院办公厅公布通知后，请在「节假日日历」中添加该年，期限将自动重新计算。`,
    )
  }
  const overdue = warnings.indexOf('已逾期')
  if (overdue >= 0) {
    warnings[overdue] = `已超过答复期限 ${row.due_date ?? ''}（条例第三十三条），请尽快答复`
  }
  const correction = warnings.findIndex((w) => w.startsWith('补正告知最迟'))
  if (correction >= 0) {
    warnings[correction] =
      `如需申请人补正，须在 ${row.correction_limit ?? ''}${record.correctionLimitProvisional ? '（暂定）' : ''} 前发出补正告知（收到申请之日起 7 个工作日内，条例第三十条）`
  }
  if (state.answer && row.due_date && state.answer.date > row.due_date) {
    warnings.push(`答复日期 ${state.answer.date} 晚于答复期限 ${row.due_date}`)
  }
  const letters: LetterKind[] = []
  if (state.answer && !row.imported) letters.push('answer')
  if (state.correction) letters.push('correction')
  if (state.extension) letters.push('extension')
  if (state.consultations.some((c) => c.party === 'third_party')) letters.push('consultation')
  if (state.fee) letters.push('fee')
  return {
    id: row.id,
    no: row.no,
    applicantType: row.applicant_type,
    applicantName: row.applicant_name,
    applicantIdNo: row.applicant_id_no,
    applicantContact: row.applicant_contact,
    applicantAddress: row.applicant_address,
    personalMasked: false,
    channel: row.channel,
    submittedDate: row.submitted_date,
    receivedDate: row.received_date,
    derivedReceivedDate: row.channel_date,
    receiptReason: row.receipt_reason,
    content: row.content,
    form: row.form,
    formNote: row.form_note,
    status: row.status,
    dueDate: row.due_date,
    provisional: row.provisional === 1,
    dueSteps: record.steps,
    dueBeforeExtension: record.baseDue,
    correctionLimit: row.correction_limit,
    correctionLimitProvisional: record.correctionLimitProvisional,
    answeredDate: row.answered_date,
    answerType: row.answer_type,
    outcome: row.outcome,
    imported: row.imported === 1,
    events: withDerivedDates(eventRows, state).map(describeEvent),
    cases: cases.map(toCaseView),
    allowed: allowedKinds(state),
    letters,
    warnings,
    createdAt: row.created_at,
    createdByName: row.created_by_name,
  }
}

/** The last day of the due-soon window starting `today`. */
export function dueSoonLimit(cal: WorkCalendar, today: string): string {
  return addWorkingDays(cal, today, DUE_SOON_DAYS).date
}

/** Badge / home-card figures, from the indexed status and due_date columns. */
export async function requestCounts(
  db: Kysely<DB>,
  clock: Clock,
  cal?: WorkCalendar,
): Promise<RequestCounts> {
  const calendar = cal ?? (await loadWorkCalendar(db))
  const today = officeToday(clock)
  const soon = dueSoonLimit(calendar, today)
  const r = await db
    .selectFrom('requests')
    .select([
      sql<number>`count(*)`.as('open'),
      sql<number>`coalesce(sum(due_date IS NOT NULL AND due_date >= ${today} AND due_date <= ${soon}), 0)`.as(
        'dueSoon',
      ),
      sql<number>`coalesce(sum(due_date IS NOT NULL AND due_date < ${today}), 0)`.as('overdue'),
      sql<number>`coalesce(sum(status IN ('correction', 'consultation', 'fee')), 0)`.as('paused'),
      sql<number>`coalesce(sum(provisional), 0)`.as('provisional'),
    ])
    .where('status', 'in', [...OPEN_STATUSES])
    .executeTakeFirstOrThrow()
  return {
    open: Number(r.open),
    dueSoon: Number(r.dueSoon),
    overdue: Number(r.overdue),
    paused: Number(r.paused),
    provisional: Number(r.provisional),
  }
}

/** The list with tab and filters; names masked for natural persons. */
export async function listRequests(
  db: Kysely<DB>,
  input: z.output<typeof requestListSchema>,
  clock: Clock,
): Promise<RequestListResult> {
  const cal = await loadWorkCalendar(db)
  const today = officeToday(clock)
  const soon = dueSoonLimit(cal, today)
  let q = db.selectFrom('requests')
  switch (input.tab) {
    case 'open':
      q = q.where('status', 'in', [...OPEN_STATUSES])
      break
    case 'due_soon':
      q = q
        .where('status', 'in', [...OPEN_STATUSES])
        .where('due_date', '>=', today)
        .where('due_date', '<=', soon)
      break
    case 'overdue':
      q = q.where('status', 'in', [...OPEN_STATUSES]).where('due_date', '<', today)
      break
    case 'paused':
      q = q.where('status', 'in', [...PAUSED_STATUSES])
      break
    case 'done':
      q = q.where('status', 'in', ['answered', 'closed'])
      break
    case 'all':
      break
  }
  if (input.status) q = q.where('status', '=', input.status)
  if (input.applicantType) q = q.where('applicant_type', '=', input.applicantType)
  if (input.year) q = q.where('year', '=', input.year)
  if (input.text) {
    const like = `%${input.text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`
    q = q.where((eb) =>
      eb.or([
        eb('no', 'like', sql<string>`${like} ESCAPE '\\'`),
        eb('content', 'like', sql<string>`${like} ESCAPE '\\'`),
      ]),
    )
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const openTab = input.tab !== 'done' && input.tab !== 'all'
  const rows = await q
    .select([
      'id',
      'no',
      'received_date',
      'applicant_type',
      'applicant_name',
      'channel',
      'content',
      'status',
      'due_date',
      'provisional',
      'due_json',
      'correction_limit',
      'answered_date',
      'outcome',
    ])
    .$if(openTab, (qb) =>
      qb
        .orderBy(sql`due_date IS NULL`)
        .orderBy('due_date')
        .orderBy('no'),
    )
    .$if(!openTab, (qb) => qb.orderBy('received_date', 'desc').orderBy('no', 'desc'))
    .limit(input.limit)
    .offset(input.offset)
    .execute()
  return {
    total: Number(total.n),
    counts: await requestCounts(db, clock, cal),
    rows: rows.map((r) => {
      const open = OPEN_STATUSES.includes(r.status)
      return {
        id: r.id,
        no: r.no,
        receivedDate: r.received_date,
        applicantType: r.applicant_type,
        applicantName: maskApplicantName(r.applicant_type, r.applicant_name),
        channel: r.channel,
        content: r.content.length > 80 ? `${r.content.slice(0, 80)}…` : r.content,
        status: r.status,
        dueDate: r.due_date,
        provisional: r.provisional === 1,
        daysLeft: open ? daysLeft(cal, today, r.due_date) : null,
        answeredDate: r.answered_date,
        outcome: r.outcome,
        flags: rowFlags(cal, r, today),
      }
    }),
  }
}
