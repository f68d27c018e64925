import { AppError } from '../errors'
import {
  addWorkingDays,
  countDeadline,
  type DeadlineInput,
  type DeadlinePause,
  type DeadlineResult,
  type WorkCalendar,
} from '../deadlines'
import {
  ANSWER_TYPE_LABELS,
  EVENT_KIND_LABELS,
  OUTCOME_LABELS,
  outcomeText,
} from '../../shared/requests/labels'
import { OUTCOMES_BY_ANSWER } from '../../shared/requests/types'
import type {
  AnswerType,
  ConsultationParty,
  FeeScheme,
  RequestEventKind,
  RequestOutcome,
  RequestStatus,
} from '../../shared/requests/types'

/**
 * The rules of 依申请公开 as pure functions over a request's events: the state they lead to, the
 * deadline they give (条例第三十三条, counted by core/deadlines), and whether a new event may be
 * recorded now. The due date is never entered: it is derived from the events, stored for the due
 * list, and recomputed on every event and whenever the holiday calendar changes.
 */

/** The statutory answer period (条例第三十三条第二款). */
export const ANSWER_DAYS = 20
/** A correction may be asked for within 7 working days of receipt (条例第三十条). */
export const CORRECTION_NOTICE_DAYS = 7
/** A consulted third party answers within 15 working days (条例第三十二条; agencies 第三十四条). */
export const CONSULTATION_DAYS = 15
/** At most one extension of at most 20 working days (条例第三十三条第二款). */
export const MAX_EXTENSION_DAYS = 20
/** The applicant has 20 working days to pay (国办函〔2020〕109号). */
export const FEE_PAY_DAYS = 20

export { OUTCOMES_BY_ANSWER }

export const ART = {
  receipt: '条例第三十一条',
  correction: '条例第三十条',
  thirdParty: '条例第三十二条',
  agency: '条例第三十四条',
  period: '条例第三十三条',
  extension: '条例第三十三条第二款',
  fee: '条例第四十二条、国办函〔2020〕109号',
} as const

/** One stored event, as the rules see it. */
export interface EventFact {
  seq: number
  kind: RequestEventKind
  date: string
  data: Record<string, unknown>
}

export interface RequestFacts {
  /** The current statutory receipt date (第三十一条; possibly edited with a reason). */
  receivedDate: string
  /** In recording order. */
  events: EventFact[]
}

export interface RequestState {
  status: RequestStatus
  correction: {
    date: string
    deadline: string
    received: string | null
    lapsed: string | null
  } | null
  consultations: {
    date: string
    party: ConsultationParty
    partyName: string
    /** 15 working days from the start (第三十二条、第三十四条), from the calendar when one is given. */
    replyBy: string
    /** The reply date falls in a year the calendar does not know (暂定). */
    replyByProvisional: boolean
    ended: string | null
  }[]
  extension: { date: string; days: number; approver: string; reason: string } | null
  fee: {
    date: string
    scheme: FeeScheme
    quantity: number
    amount: number
    payBy: string
    payByProvisional: boolean
    paid: string | null
    lapsed: string | null
  } | null
  answer: { date: string; answerType: AnswerType; outcome: RequestOutcome; note: string } | null
  /** Answered or ended (（六）1 / （六）2). */
  done: { date: string; outcome: RequestOutcome } | null
  /** The latest event date that orders later events (receipt changes excluded). */
  last: { kind: RequestEventKind; date: string }
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '')
const num = (v: unknown): number => (typeof v === 'number' ? v : 0)

/**
 * Folds the events into the request's state. Given the calendar, the consultation reply date and
 * the fee pay-by date are derived from the event dates (so they move, and say 暂定, with the
 * holiday calendar); without it the dates stored at recording time are used.
 */
export function deriveState(facts: RequestFacts, cal?: WorkCalendar): RequestState {
  const s: RequestState = {
    status: 'open',
    correction: null,
    consultations: [],
    extension: null,
    fee: null,
    answer: null,
    done: null,
    last: { kind: 'received', date: facts.receivedDate },
  }
  for (const e of facts.events) {
    const d = e.data
    switch (e.kind) {
      case 'received':
      case 'receipt_changed':
        continue
      case 'correction_requested':
        s.correction = {
          date: e.date,
          deadline: str(d.deadline),
          received: null,
          lapsed: null,
        }
        break
      case 'correction_received':
        if (s.correction) s.correction.received = e.date
        break
      case 'correction_lapsed':
        if (s.correction) s.correction.lapsed = e.date
        s.done = { date: e.date, outcome: '6.1' }
        break
      case 'consultation_started': {
        const reply = cal ? addWorkingDays(cal, e.date, CONSULTATION_DAYS) : null
        s.consultations.push({
          date: e.date,
          party: d.party === 'agency' ? 'agency' : 'third_party',
          partyName: str(d.partyName),
          replyBy: reply ? reply.date : str(d.replyBy),
          replyByProvisional: reply?.provisional ?? false,
          ended: null,
        })
        break
      }
      case 'consultation_ended': {
        const open = s.consultations.find((c) => c.ended === null)
        if (open) open.ended = e.date
        break
      }
      case 'extension':
        s.extension = {
          date: e.date,
          days: num(d.days),
          approver: str(d.approver),
          reason: str(d.reason),
        }
        break
      case 'fee_notice': {
        const pay = cal ? addWorkingDays(cal, e.date, FEE_PAY_DAYS) : null
        s.fee = {
          date: e.date,
          scheme: d.scheme === 'per_page' ? 'per_page' : 'per_request',
          quantity: num(d.quantity),
          amount: num(d.amount),
          payBy: pay ? pay.date : str(d.payBy),
          payByProvisional: pay?.provisional ?? false,
          paid: null,
          lapsed: null,
        }
        break
      }
      case 'fee_paid':
        if (s.fee) s.fee.paid = e.date
        break
      case 'fee_lapsed':
        if (s.fee) s.fee.lapsed = e.date
        s.done = { date: e.date, outcome: '6.2' }
        break
      case 'answer':
        s.answer = {
          date: e.date,
          answerType: str(d.answerType) as AnswerType,
          outcome: str(d.outcome) as RequestOutcome,
          note: str(d.note),
        }
        s.done = { date: e.date, outcome: s.answer.outcome }
        break
    }
    s.last = { kind: e.kind, date: e.date }
  }
  s.status = statusOf(s)
  return s
}

function statusOf(s: RequestState): RequestStatus {
  if (s.answer)
    return s.answer.outcome === '6.1' || s.answer.outcome === '6.2' ? 'closed' : 'answered'
  if (s.done) return 'closed'
  if (s.correction && !s.correction.received) return 'correction'
  if (s.consultations.some((c) => c.ended === null)) return 'consultation'
  if (s.fee && !s.fee.paid) return 'fee'
  return 'open'
}

/**
 * What the deadline engine counts: 20 working days (第三十三条) from the receipt — or from the day
 * the corrected request arrived, the clock restarting (第三十条); consultation (第三十二条、第三十四条)
 * and fee periods (国办函〔2020〕109号) not counted; a pending correction holds the clock; the one
 * extension added (第三十三条第二款).
 */
export function deadlineInput(facts: RequestFacts, s: RequestState): DeadlineInput {
  const restarted = s.correction?.received ?? null
  const start = restarted ?? facts.receivedDate
  const pauses: DeadlinePause[] = []
  if (s.correction && !s.correction.received) {
    pauses.push({
      from: s.correction.date,
      reason: '已告知申请人补正，等待补正',
      article: ART.correction,
    })
  }
  for (const c of s.consultations) {
    if (c.date < start) continue
    pauses.push({
      from: c.date,
      // The consulted party has 15 working days (第三十二条、第三十四条): its silence does not hold
      // the clock beyond them.
      to: earliest(c.ended, c.replyBy),
      reason:
        c.party === 'agency'
          ? `征求${c.partyName}（其他机关）意见`
          : `征求第三方${c.partyName}意见`,
      article: c.party === 'agency' ? ART.agency : ART.thirdParty,
    })
  }
  if (s.fee && s.fee.date >= start) {
    pauses.push({
      from: s.fee.date,
      // The applicant has 20 working days to pay (国办函〔2020〕109号): no longer pause than that.
      to: earliest(s.fee.paid ?? s.fee.lapsed, s.fee.payBy),
      reason: `发出收费通知（${s.fee.amount} 元），至申请人缴费`,
      article: ART.fee,
    })
  }
  return {
    start,
    days: ANSWER_DAYS,
    pauses,
    extensions: s.extension
      ? [
          {
            days: s.extension.days,
            reason: `${s.extension.reason}；批准人：${s.extension.approver}`,
            article: ART.extension,
          },
        ]
      : [],
    article: ART.period,
    startText: restarted ? '收到申请人补正后的申请，答复期限重新计算' : '收到申请',
    startArticle: restarted ? ART.correction : ART.receipt,
  }
}

/** The earlier of two `YYYY-MM-DD` dates; an empty or missing one is ignored. */
function earliest(a: string | null, b: string | null): string | null {
  if (!a) return b || null
  if (!b) return a
  return a < b ? a : b
}

export interface DueComputation {
  state: RequestState
  result: DeadlineResult
  /** The last day a correction notice may go out (第三十条). */
  correctionLimit: string
  /** That day falls in a year the calendar does not know (暂定). */
  correctionLimitProvisional: boolean
}

/** State, due date and its timeline for one request. */
export function computeDue(cal: WorkCalendar, facts: RequestFacts): DueComputation {
  const state = deriveState(facts, cal)
  const result = countDeadline(cal, deadlineInput(facts, state))
  const limit = addWorkingDays(cal, facts.receivedDate, CORRECTION_NOTICE_DAYS)
  return {
    state,
    result,
    correctionLimit: limit.date,
    correctionLimitProvisional: limit.provisional,
  }
}

const refuse = (message: string): never => {
  throw new AppError('VALIDATION', message)
}

const PAUSE_HINT: Partial<Record<RequestStatus, string>> = {
  correction: '申请正在等待补正，请先登记「收到补正」或「逾期未补正，终止」',
  consultation: '征求意见尚未结束，请先登记「征求意见结束」',
  fee: '收费通知尚未了结，请先登记「已缴费」或「逾期未缴费，终止」',
}

/** A new event as the rules check it (dates `YYYY-MM-DD`). */
export type NewEvent =
  | { kind: 'correction_requested'; date: string; deadline: string }
  | { kind: 'correction_received'; date: string }
  | { kind: 'correction_lapsed'; date: string }
  | { kind: 'consultation_started'; date: string }
  | { kind: 'consultation_ended'; date: string }
  | { kind: 'extension'; date: string; days: number }
  | { kind: 'fee_notice'; date: string; amount: number }
  | { kind: 'fee_paid'; date: string }
  | { kind: 'fee_lapsed'; date: string }
  | { kind: 'answer'; date: string; answerType: AnswerType; outcome: RequestOutcome }

/**
 * Refuses (AppError VALIDATION, Chinese) an event recorded out of order or against the rules:
 * dated before the receipt or the previous step or after today, after the request was closed, a
 * second correction or one later than 7 working days after receipt (第三十条), a second extension
 * or one of more than 20 working days or after the period ran out (第三十三条), an answer while
 * the clock is held, an outcome that does not fit the kind of answer.
 */
export function checkEvent(
  cal: WorkCalendar,
  facts: RequestFacts,
  event: NewEvent,
  today: string,
): void {
  const s = deriveState(facts, cal)
  const label = EVENT_KIND_LABELS[event.kind]
  if (s.done) {
    refuse(
      `该申请已于 ${s.done.date} 办结（${outcomeText(s.done.outcome)}），不能再登记「${label}」`,
    )
  }
  if (event.date < facts.receivedDate) {
    refuse(`「${label}」的日期 ${event.date} 早于收到申请之日 ${facts.receivedDate}，请核对日期`)
  }
  if (event.date < s.last.date) {
    refuse(
      `「${label}」的日期 ${event.date} 早于上一办理环节「${EVENT_KIND_LABELS[s.last.kind]}」的日期 ${s.last.date}，请按发生的先后顺序登记`,
    )
  }
  if (event.date > today) refuse(`「${label}」的日期 ${event.date} 晚于今天，不能预先登记`)

  const pauseHint = PAUSE_HINT[s.status]
  const openCorrection = s.correction && !s.correction.received ? s.correction : null
  const openFee = s.fee && !s.fee.paid && !s.fee.lapsed ? s.fee : null
  switch (event.kind) {
    case 'correction_requested': {
      if (s.correction) {
        refuse(`补正只能要求一次（条例第三十条），本申请已于 ${s.correction.date} 发出补正告知`)
      }
      if (pauseHint) refuse(pauseHint)
      if (s.extension)
        refuse('本申请已延期答复，不能再要求补正（补正须在收到申请后 7 个工作日内提出）')
      const limit = addWorkingDays(cal, facts.receivedDate, CORRECTION_NOTICE_DAYS).date
      if (event.date > limit) {
        refuse(
          `补正告知须在收到申请之日起 7 个工作日内发出（条例第三十条）：本申请收到于 ${facts.receivedDate}，最迟 ${limit}，${event.date} 已超过`,
        )
      }
      if (event.deadline <= event.date)
        refuse('补正期限应晚于补正告知的日期，请给申请人合理的补正期限')
      return
    }
    case 'correction_received':
      if (!openCorrection) refuse('没有待补正的补正告知，不能登记「收到补正」')
      return
    case 'correction_lapsed':
      if (!openCorrection) refuse('没有待补正的补正告知，不能按逾期未补正终止')
      if (event.date <= openCorrection!.deadline) {
        refuse(
          `补正期限 ${openCorrection!.deadline} 尚未届满，不能按「（六）1 逾期不补正」终止；期限届满后再登记`,
        )
      }
      return
    case 'consultation_started':
      if (pauseHint) refuse(pauseHint)
      return
    case 'consultation_ended':
      if (!s.consultations.some((c) => c.ended === null)) refuse('没有进行中的征求意见')
      return
    case 'extension': {
      if (s.extension) {
        refuse(`延长答复期限只能一次（条例第三十三条），本申请已于 ${s.extension.date} 延期`)
      }
      if (event.days < 1 || event.days > MAX_EXTENSION_DAYS) {
        refuse('延长答复期限最长不得超过 20 个工作日（条例第三十三条）')
      }
      if (pauseHint) refuse(`暂停计时期间不能延期：${pauseHint}`)
      const due = countDeadline(cal, deadlineInput(facts, s)).dueDate
      if (due && event.date > due) {
        refuse(
          `延期须在答复期限届满前决定并告知申请人（条例第三十三条）：期限为 ${due}，${event.date} 已超过`,
        )
      }
      return
    }
    case 'fee_notice':
      if (s.fee) refuse(`本申请已于 ${s.fee.date} 发出收费通知，不能重复发出`)
      if (pauseHint) refuse(pauseHint)
      if (event.amount <= 0)
        refuse('按此数量不收取信息处理费（按件 10 件以下、按量 30 页以下免费），无需发出收费通知')
      return
    case 'fee_paid':
      if (!openFee) refuse('没有待缴费的收费通知，不能登记「已缴费」')
      if (event.date > openFee!.payBy) {
        refuse(`缴费期限 ${openFee!.payBy} 已过，应登记「逾期未缴费，终止」（（六）2）`)
      }
      return
    case 'fee_lapsed':
      if (!openFee) refuse('没有待缴费的收费通知，不能按逾期未缴费终止')
      if (event.date <= openFee!.payBy) {
        refuse(`缴费期限 ${openFee!.payBy} 尚未届满，不能按「（六）2 逾期未缴费」终止`)
      }
      return
    case 'answer': {
      if (pauseHint) refuse(`暂不能答复：${pauseHint}`)
      if (event.outcome === '6.1' || event.outcome === '6.2') {
        refuse(
          '（六）1、（六）2 由「逾期未补正，终止」「逾期未缴费，终止」登记，不能作为答复结果选择',
        )
      }
      const allowed = OUTCOMES_BY_ANSWER[event.answerType]
      if (!allowed.includes(event.outcome)) {
        refuse(
          `答复类型「${ANSWER_TYPE_LABELS[event.answerType].label}」不能计为「${outcomeText(event.outcome)}」；可选：${allowed.map((o) => OUTCOME_LABELS[o].code + OUTCOME_LABELS[o].label).join('、')}`,
        )
      }
      return
    }
  }
}

/** The event kinds that may be recorded now (ignoring dates), for the detail screen's buttons. */
export function allowedKinds(s: RequestState): RequestEventKind[] {
  if (s.done) return []
  const kinds: RequestEventKind[] = []
  const paused = s.status !== 'open'
  if (!s.correction && !paused && !s.extension) kinds.push('correction_requested')
  if (s.status === 'correction') kinds.push('correction_received', 'correction_lapsed')
  if (!paused) kinds.push('consultation_started')
  if (s.status === 'consultation') kinds.push('consultation_ended')
  if (!s.extension && !paused) kinds.push('extension')
  if (!s.fee && !paused) kinds.push('fee_notice')
  if (s.status === 'fee') kinds.push('fee_paid', 'fee_lapsed')
  if (!paused) kinds.push('answer')
  return kinds
}

/** The reply date a consulted party is given: 15 working days (第三十二条、第三十四条). */
export function consultationReplyBy(cal: WorkCalendar, date: string): string {
  return addWorkingDays(cal, date, CONSULTATION_DAYS).date
}

/** The last day to pay a fee notice: 20 working days from the day after it (国办函〔2020〕109号). */
export function feePayBy(cal: WorkCalendar, date: string): string {
  return addWorkingDays(cal, date, FEE_PAY_DAYS).date
}
