import type { Kysely } from 'kysely'
import type { Actor } from '../accounts/actor'
import { getDepartment } from '../accounts/department'
import { appendAudit } from '../audit/append'
import type { Clock } from '../clock'
import { officeToday } from './office-day'
import { loadWorkCalendar } from '../calendar/load'
import type { DB } from '../db/schema'
import type { WorkCalendar } from '../deadlines'
import { AppError } from '../errors'
import type { IdSource } from '../ids'
import type { z } from 'zod'
import type {
  caseSaveSchema,
  receiptChangeSchema,
  requestRegisterSchema,
  RequestEventParsed,
  requestSettingsPatchSchema,
} from '../../shared/requests/schemas'
import { EVENT_KIND_LABELS } from '../../shared/requests/labels'
import type { RequestCaseView, RequestSettings } from '../../shared/requests/types'
import { deriveColumns } from './derive'
import { feeAmount } from './fees'
import { DEFAULT_NUMBER_PATTERN, assertNumberPattern, formatRequestNo } from './numbering'
import {
  insertEvent,
  insertRequestRow,
  listEventRows,
  loadRequestRow,
  nextSequence,
  readSettingValues,
  requestNoExists,
  toFact,
  updateDerived,
  writeSettingValue,
} from './repository'
import { checkEvent, consultationReplyBy, feePayBy, type NewEvent } from './rules'
import { auditActor } from '../accounts/actor'

/** Services of the request register: every rule is checked here (in core), then stored. */

/** Who may register requests and record events: officers (起草人) and administrators (decision). */
export function requireRequestOfficer(actor: Actor): void {
  if (!actor.roles.includes('officer') && !actor.roles.includes('admin')) {
    throw new AppError('FORBIDDEN', '只有起草人或管理员可以登记和办理政府信息公开申请')
  }
}

const who = (actor: Actor | null) => (actor ? auditActor(actor) : null)

/** Loads the request's events and stores its recomputed status, due date and timeline. */
export async function recomputeRequest(
  db: Kysely<DB>,
  cal: WorkCalendar,
  id: string,
  at: string,
): Promise<void> {
  const row = await loadRequestRow(db, id)
  const events = (await listEventRows(db, id)).map(toFact)
  await updateDerived(db, id, deriveColumns(cal, { receivedDate: row.received_date, events }), at)
}

export async function readRequestSettings(db: Kysely<DB>): Promise<RequestSettings> {
  const values = await readSettingValues(db)
  const department = await getDepartment(db)
  return {
    numberPattern: values.get('numberPattern') ?? DEFAULT_NUMBER_PATTERN,
    letterUnit: values.get('letterUnit') ?? department?.name ?? '',
    reconsiderationOrgan: values.get('reconsiderationOrgan') ?? '',
    court: values.get('court') ?? '',
  }
}

export async function updateRequestSettings(
  db: Kysely<DB>,
  actor: Actor,
  patch: z.output<typeof requestSettingsPatchSchema>,
  clock: Clock,
): Promise<RequestSettings> {
  if (!actor.roles.includes('admin')) {
    throw new AppError('FORBIDDEN', '只有管理员可以修改依申请公开设置')
  }
  if (patch.numberPattern !== undefined) assertNumberPattern(patch.numberPattern)
  await db.transaction().execute(async (trx) => {
    for (const [key, value] of Object.entries(patch)) {
      if (typeof value === 'string') await writeSettingValue(trx, key, value)
    }
    await appendAudit(
      trx,
      {
        actor: who(actor),
        action: 'request.settings_update',
        target: 'requests:settings',
        detail: { changes: Object.keys(patch) },
      },
      clock,
    )
  })
  return readRequestSettings(db)
}

/** The next free number for a request received in `year` (skips numbers taken by an import). */
export async function allocateNumber(db: Kysely<DB>, year: number): Promise<string> {
  const { numberPattern } = await readRequestSettings(db)
  for (let i = 0; i < 10_000; i++) {
    const no = formatRequestNo(numberPattern, year, await nextSequence(db, year))
    if (!(await requestNoExists(db, no))) return no
  }
  throw new AppError('CONFLICT', '无法生成不重复的申请编号，请检查编号规则')
}

export type RegisterInput = z.output<typeof requestRegisterSchema>

/**
 * 登记申请: the receipt date is the date 第三十一条 gives for the channel (签收之日, 确认之日 …), or
 * an edited one with a reason (audited); the number comes from the pattern; the due date is
 * computed at once. Personal data is stored, never audited or logged.
 */
export async function registerRequest(
  db: Kysely<DB>,
  actor: Actor,
  input: RegisterInput,
  clock: Clock,
  ids: IdSource,
): Promise<string> {
  requireRequestOfficer(actor)
  const today = officeToday(clock)
  const receivedDate = input.receivedDate ?? input.channelDate
  if (receivedDate > today) {
    throw new AppError('VALIDATION', `收到申请之日 ${receivedDate} 晚于今天，请核对日期`)
  }
  if (input.submittedDate && input.submittedDate > receivedDate) {
    throw new AppError(
      'VALIDATION',
      `提交日期 ${input.submittedDate} 晚于收到申请之日 ${receivedDate}，请核对日期`,
    )
  }
  const edited = receivedDate !== input.channelDate
  const id = ids()
  const at = clock().toISOString()
  await db.transaction().execute(async (trx) => {
    const cal = await loadWorkCalendar(trx)
    const no = await allocateNumber(trx, Number(receivedDate.slice(0, 4)))
    await insertRequestRow(trx, {
      id,
      no,
      applicant_type: input.applicantType,
      applicant_name: input.applicantName,
      applicant_id_no: input.applicantIdNo,
      applicant_contact: input.applicantContact,
      applicant_address: input.applicantAddress,
      channel: input.channel,
      submitted_date: input.submittedDate,
      channel_date: input.channelDate,
      received_date: receivedDate,
      receipt_reason: edited ? input.receiptReason : null,
      content: input.content,
      form: input.form,
      form_note: input.formNote,
      imported: 0,
      created_at: at,
      created_by: actor.id,
      created_by_name: actor.displayName,
    })
    await insertEvent(trx, {
      id: ids(),
      requestId: id,
      kind: 'received',
      date: receivedDate,
      data: {
        channel: input.channel,
        receiptDate: receivedDate,
        ...(edited ? { derived: input.channelDate, reason: input.receiptReason } : {}),
      },
      byId: actor.id,
      byName: actor.displayName,
      at,
    })
    await recomputeRequest(trx, cal, id, at)
    await appendAudit(
      trx,
      {
        actor: who(actor),
        action: 'request.register',
        target: `request:${id}`,
        detail: {
          no,
          channel: input.channel,
          receivedDate,
          ...(edited ? { derived: input.channelDate, reason: input.receiptReason } : {}),
        },
      },
      clock,
    )
  })
  return id
}

/**
 * Records one event after the rules allow it (order, 7 working days for 补正, one extension of at
 * most 20 working days, …), fills what follows from the calendar (the consulted party's 15 working
 * days, the fee and its 20-working-day payment period), recomputes the due date, audits.
 */
export async function addRequestEvent(
  db: Kysely<DB>,
  actor: Actor,
  input: RequestEventParsed,
  clock: Clock,
  ids: IdSource,
): Promise<void> {
  requireRequestOfficer(actor)
  const today = officeToday(clock)
  const at = clock().toISOString()
  await db.transaction().execute(async (trx) => {
    const cal = await loadWorkCalendar(trx)
    const row = await loadRequestRow(trx, input.requestId)
    const facts = {
      receivedDate: row.received_date,
      events: (await listEventRows(trx, row.id)).map(toFact),
    }
    let data: Record<string, unknown>
    let check: NewEvent
    switch (input.kind) {
      case 'correction_requested':
        data = { deadline: input.deadline, items: input.items }
        check = { kind: input.kind, date: input.date, deadline: input.deadline }
        break
      case 'consultation_started':
        data = {
          party: input.party,
          partyName: input.partyName,
          replyBy: consultationReplyBy(cal, input.date),
        }
        check = { kind: input.kind, date: input.date }
        break
      case 'consultation_ended':
        data = { note: input.note }
        check = { kind: input.kind, date: input.date }
        break
      case 'extension':
        data = { days: input.days, approver: input.approver, reason: input.reason }
        check = { kind: input.kind, date: input.date, days: input.days }
        break
      case 'fee_notice': {
        const amount = feeAmount(input.scheme, input.quantity)
        data = {
          scheme: input.scheme,
          quantity: input.quantity,
          amount,
          payBy: feePayBy(cal, input.date),
        }
        check = { kind: input.kind, date: input.date, amount }
        break
      }
      case 'fee_paid':
        data = { amount: input.amount }
        check = { kind: input.kind, date: input.date }
        break
      case 'answer':
        data = { answerType: input.answerType, outcome: input.outcome, note: input.note }
        check = {
          kind: input.kind,
          date: input.date,
          answerType: input.answerType,
          outcome: input.outcome,
        }
        break
      default:
        data = {}
        check = { kind: input.kind, date: input.date }
    }
    checkEvent(cal, facts, check, today)
    await insertEvent(trx, {
      id: ids(),
      requestId: row.id,
      kind: input.kind,
      date: input.date,
      data,
      byId: actor.id,
      byName: actor.displayName,
      at,
    })
    await recomputeRequest(trx, cal, row.id, at)
    const after = await loadRequestRow(trx, row.id)
    await appendAudit(
      trx,
      {
        actor: who(actor),
        action: 'request.event',
        target: `request:${row.id}`,
        detail: {
          no: row.no,
          step: EVENT_KIND_LABELS[input.kind],
          date: input.date,
          ...(input.kind === 'extension' ? { days: input.days, approver: input.approver } : {}),
          ...(input.kind === 'answer' ? { outcome: input.outcome } : {}),
          from: row.due_date,
          to: after.due_date,
        },
      },
      clock,
    )
  })
}

/** 更正收到日期 with a reason: audited, shown in the timeline, the due date recomputed. */
export async function changeReceiptDate(
  db: Kysely<DB>,
  actor: Actor,
  input: z.output<typeof receiptChangeSchema>,
  clock: Clock,
  ids: IdSource,
): Promise<void> {
  requireRequestOfficer(actor)
  const today = officeToday(clock)
  const at = clock().toISOString()
  await db.transaction().execute(async (trx) => {
    const cal = await loadWorkCalendar(trx)
    const row = await loadRequestRow(trx, input.requestId)
    if (row.answered_date) {
      throw new AppError('VALIDATION', `该申请已于 ${row.answered_date} 办结，不能再更正收到日期`)
    }
    if (input.receivedDate > today) {
      throw new AppError('VALIDATION', `收到申请之日 ${input.receivedDate} 晚于今天，请核对日期`)
    }
    if (input.receivedDate === row.received_date) {
      throw new AppError('VALIDATION', '新的收到日期与原日期相同，无需更正')
    }
    const events = (await listEventRows(trx, row.id)).map(toFact)
    const first = events.find((e) => e.kind !== 'received' && e.kind !== 'receipt_changed')
    if (first && input.receivedDate > first.date) {
      throw new AppError(
        'VALIDATION',
        `收到日期不能晚于已登记的「${EVENT_KIND_LABELS[first.kind]}」（${first.date}）`,
      )
    }
    await trx
      .updateTable('requests')
      .set({ received_date: input.receivedDate, receipt_reason: input.reason, updated_at: at })
      .where('id', '=', row.id)
      .execute()
    await insertEvent(trx, {
      id: ids(),
      requestId: row.id,
      kind: 'receipt_changed',
      date: today,
      data: { from: row.received_date, to: input.receivedDate, reason: input.reason },
      byId: actor.id,
      byName: actor.displayName,
      at,
    })
    await recomputeRequest(trx, cal, row.id, at)
    await appendAudit(
      trx,
      {
        actor: who(actor),
        action: 'request.receipt_changed',
        target: `request:${row.id}`,
        detail: {
          no: row.no,
          from: row.received_date,
          to: input.receivedDate,
          reason: input.reason,
        },
      },
      clock,
    )
  })
}

/**
 * Saves a 行政复议 / 行政诉讼 case linked to a request (table 四). 复议后起诉 needs a decided
 * reconsideration of the same request first.
 */
export async function saveCase(
  db: Kysely<DB>,
  actor: Actor,
  input: z.output<typeof caseSaveSchema>,
  clock: Clock,
  ids: IdSource,
): Promise<RequestCaseView> {
  requireRequestOfficer(actor)
  const at = clock().toISOString()
  const today = officeToday(clock)
  const id = input.id ?? ids()
  await db.transaction().execute(async (trx) => {
    const row = await loadRequestRow(trx, input.requestId)
    if (input.filedDate < row.received_date) {
      throw new AppError(
        'VALIDATION',
        `立案日期 ${input.filedDate} 早于收到申请之日 ${row.received_date}`,
      )
    }
    if (input.filedDate > today || (input.decidedDate && input.decidedDate > today)) {
      throw new AppError('VALIDATION', '日期不能晚于今天')
    }
    if (input.kind === 'litigation_after') {
      const decided = await trx
        .selectFrom('request_cases')
        .select(['decided_date'])
        .where('request_id', '=', row.id)
        .where('kind', '=', 'reconsideration')
        .where('outcome', '!=', 'pending')
        .where('id', '!=', id)
        .executeTakeFirst()
      if (!decided) {
        throw new AppError('VALIDATION', '「复议后起诉」须先登记该申请已审结的行政复议')
      }
      if (decided.decided_date && input.filedDate < decided.decided_date) {
        throw new AppError(
          'VALIDATION',
          `复议后起诉的立案日期不能早于复议审结日期 ${decided.decided_date}`,
        )
      }
    }
    const values = {
      request_id: row.id,
      kind: input.kind,
      filed_date: input.filedDate,
      organ: input.organ,
      case_no: input.caseNo,
      outcome: input.outcome,
      decided_date: input.outcome === 'pending' ? null : input.decidedDate,
      note: input.note,
      updated_at: at,
      updated_by_name: actor.displayName,
    }
    if (input.id) {
      const r = await trx
        .updateTable('request_cases')
        .set(values)
        .where('id', '=', input.id)
        .where('request_id', '=', row.id)
        .executeTakeFirst()
      if (Number(r.numUpdatedRows) === 0) throw new AppError('NOT_FOUND', '找不到该案件')
    } else {
      await trx
        .insertInto('request_cases')
        .values({ id, created_at: at, ...values })
        .execute()
    }
    await appendAudit(
      trx,
      {
        actor: who(actor),
        action: 'request.case_save',
        target: `request:${row.id}`,
        detail: { no: row.no, kind: input.kind, outcome: input.outcome },
      },
      clock,
    )
  })
  const saved = await db
    .selectFrom('request_cases')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  return toCaseView(saved)
}

export function toCaseView(r: {
  id: string
  request_id: string
  kind: RequestCaseView['kind']
  filed_date: string
  organ: string
  case_no: string
  outcome: RequestCaseView['outcome']
  decided_date: string | null
  note: string
}): RequestCaseView {
  return {
    id: r.id,
    requestId: r.request_id,
    kind: r.kind,
    filedDate: r.filed_date,
    organ: r.organ,
    caseNo: r.case_no,
    outcome: r.outcome,
    decidedDate: r.decided_date,
    note: r.note,
  }
}
