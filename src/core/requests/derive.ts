import { countDeadline, workingDaysBetween, type WorkCalendar } from '../deadlines'
import type { RequestRowDb } from '../db/tables/requests'
import type { DueStep, RequestStatus } from '../../shared/requests/types'
import type { DerivedColumns } from './repository'
import { computeDue, deadlineInput, type RequestFacts, type RequestState } from './rules'

/** What `due_json` holds: the timeline and what the held clock waits for. */
export interface DueRecord {
  steps: DueStep[]
  /** While paused: the date the applicant / consulted party was given (补正期限, 答复期限, 缴费期限). */
  holdUntil: string | null
  /** That date falls in a year the calendar does not know (暂定). */
  holdProvisional: boolean
  /** The correction-notice limit (第三十条) falls in a year the calendar does not know (暂定). */
  correctionLimitProvisional: boolean
  unknownYears: number[]
  /** Working days counted so far and in all (base + extension). */
  counted: number
  total: number
  /** The due date before the extension (for the 延期答复告知书); null without one. */
  baseDue: string | null
}

/** The deadline the held clock waits for, and whether it is 暂定. */
function holdUntil(s: RequestState): { date: string | null; provisional: boolean } {
  if (s.status === 'correction') return { date: s.correction?.deadline ?? null, provisional: false }
  if (s.status === 'consultation') {
    const c = s.consultations.find((x) => x.ended === null)
    return { date: c?.replyBy ?? null, provisional: c?.replyByProvisional ?? false }
  }
  if (s.status === 'fee') {
    return { date: s.fee?.payBy ?? null, provisional: s.fee?.payByProvisional ?? false }
  }
  return { date: null, provisional: false }
}

/** The stored, derived columns of a request: status, due date, provisional flag, timeline. */
export function deriveColumns(cal: WorkCalendar, facts: RequestFacts): DerivedColumns {
  const { state, result, correctionLimit, correctionLimitProvisional } = computeDue(cal, facts)
  const done = state.done !== null
  const hold = holdUntil(state)
  const record: DueRecord = {
    steps: result.timeline,
    holdUntil: hold.date,
    holdProvisional: hold.provisional,
    correctionLimitProvisional,
    unknownYears: result.unknownYears,
    counted: result.countedDays,
    total: result.totalDays,
    baseDue: state.extension
      ? countDeadline(cal, { ...deadlineInput(facts, state), extensions: [] }).dueDate
      : null,
  }
  const mayCorrect = !done && !state.correction && !state.extension && state.status === 'open'
  return {
    status: state.status,
    due_date: result.dueDate,
    provisional: result.provisional ? 1 : 0,
    due_json: JSON.stringify(record),
    correction_limit: mayCorrect ? correctionLimit : null,
    answered_date: state.done?.date ?? null,
    answer_type: state.answer?.answerType || null,
    outcome: state.done?.outcome ?? null,
  }
}

export function parseDueRecord(json: string): DueRecord {
  const v = JSON.parse(json) as Partial<DueRecord> | DueStep[]
  if (Array.isArray(v)) {
    return {
      steps: v,
      holdUntil: null,
      holdProvisional: false,
      correctionLimitProvisional: false,
      unknownYears: [],
      counted: 0,
      total: 0,
      baseDue: null,
    }
  }
  return {
    steps: v.steps ?? [],
    holdUntil: v.holdUntil ?? null,
    holdProvisional: v.holdProvisional ?? false,
    correctionLimitProvisional: v.correctionLimitProvisional ?? false,
    unknownYears: v.unknownYears ?? [],
    counted: v.counted ?? 0,
    total: v.total ?? 0,
    baseDue: v.baseDue ?? null,
  }
}

const OPEN: ReadonlySet<RequestStatus> = new Set(['open', 'correction', 'consultation', 'fee'])

/** Working days from `today` to the due date: 0 = due today, negative = overdue by that many. */
export function daysLeft(cal: WorkCalendar, today: string, due: string | null): number | null {
  if (!due) return null
  return due >= today ? workingDaysBetween(cal, today, due) : -workingDaysBetween(cal, due, today)
}

/** The Chinese warnings a row carries (暂定, 补正告知期限, 逾期 …). */
export function rowFlags(
  cal: WorkCalendar,
  row: Pick<RequestRowDb, 'status' | 'due_date' | 'provisional' | 'due_json' | 'correction_limit'>,
  today: string,
): string[] {
  const flags: string[] = []
  if (!OPEN.has(row.status)) return flags
  const record = parseDueRecord(row.due_json)
  if (row.provisional === 1) {
    flags.push(`暂定：${record.unknownYears.join('、')} 年节假日安排尚未录入`)
  }
  const tentative = (p: boolean) => (p ? '（暂定）' : '')
  if (row.correction_limit && row.correction_limit >= today) {
    const left = workingDaysBetween(cal, today, row.correction_limit)
    if (left <= 2) {
      flags.push(
        `补正告知最迟 ${row.correction_limit}${tentative(record.correctionLimitProvisional)}`,
      )
    }
  }
  if (record.holdUntil) {
    const until = `${record.holdUntil}${tentative(record.holdProvisional)}`
    if (record.holdUntil >= today) flags.push(`等待至 ${until}`)
    // 第三十二条: 15 working days to reply; the clock runs on after them.
    else if (row.status === 'consultation') flags.push(`征求意见已逾期（答复期限 ${until}）`)
    // 国办函〔2020〕109号: 20 working days to pay.
    else if (row.status === 'fee') flags.push(`缴费期限已过（${until}）`)
    else flags.push(`期限 ${until} 已过，请登记结果`)
  }
  if (row.due_date && row.due_date < today) flags.push('已逾期')
  return flags
}
