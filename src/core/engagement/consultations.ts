import type { Kysely } from 'kysely'
import type {
  ConsultationChannel,
  ConsultationListRow,
  ConsultationState,
  ConsultationView,
  DecisionType,
  DraftParagraph,
  ItemBrief,
} from '../../shared/engagement/types'
import { auditActor, requireRole, type Actor } from '../accounts/actor'
import { appendAudit } from '../audit/append'
import { loadWorkCalendar } from '../calendar/load'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import type { ConsultationRow } from '../db/tables/engagement'
import type { ItemRow } from '../db/tables/drafting'
import { AppError } from '../errors'
import type { EventBus } from '../events/bus'
import type { IdSource } from '../ids'
import { loadItemRow } from '../items/items-repo'
import { saveGeneratedItem, saveItem } from '../items/save-item'
import { officeToday } from '../requests/office-day'
import { readSyncValue, SYNC_KEYS } from '../sync/state-store'
import { draftParagraphs } from './paragraphs'
import { checkPeriod } from './period'
import { noticeHtml, noticeTitle } from './notice'
import { resultState } from './result-basis'
import { isConsultationDraftKind } from '../../shared/engagement/rules'

/**
 * 意见征集: a consultation is opened from a draft item (征求意见稿). Its public face is a notice
 * item of 类别 意见征集 generated from the consultation's fields and the draft's numbered
 * paragraphs; that notice is an ordinary item, so it passes the same 保密审查 chain as any
 * disclosure, and only once it is approved and synced does the district server put the comment
 * page online (the server checks the notice it holds is the revision named). Every edit of the
 * consultation regenerates the notice, which voids its approval (core/items' rule).
 */

export interface ConsultationFields {
  title: string
  decisionType: DecisionType
  startDate: string
  endDate: string
  shortReason: string
  questions: string
  contact: string
  channels: ConsultationChannel[]
}

/** The path of the public comment page on the district server. */
export const publicPath = (id: string) => `/consultations/${id}`

export async function loadConsultationRow(db: Kysely<DB>, id: string): Promise<ConsultationRow> {
  const row = await db
    .selectFrom('consultations')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', '找不到该意见征集，可能已被删除')
  return row
}

const brief = (row: ItemRow): ItemBrief => ({
  id: row.id,
  title: row.title,
  status: row.status,
  revision: row.revision,
  kind: row.kind,
})

/** True when the item's approved revision has reached the district (修订稿 model included). */
export const isSynced = (row: Pick<ItemRow, 'status' | 'live_status'> | undefined) =>
  row !== undefined && (row.status === 'synced' || row.live_status === 'synced')

/** The district's last word on an item: status and the revision it refers to. */
export interface ServerState {
  server_status: string
  server_revision: number
}

/**
 * True when the district holds the item's approved revision and has not returned or withdrawn it
 * — the consultation's page is online from then on (the server checks the same).
 */
export function isOnline(row: ItemRow | undefined, server: ServerState | undefined): boolean {
  if (!row || !server) return false
  const approved =
    row.live_revision ??
    (row.status === 'approved' || row.status === 'synced' ? row.revision : null)
  return (
    approved !== null &&
    server.server_revision === approved &&
    (server.server_status === 'received' || server.server_status === 'published')
  )
}

/** Where the consultation stands (see CONSULTATION_STATE_LABELS). */
export function consultationState(
  row: Pick<ConsultationRow, 'start_date' | 'end_date'>,
  notice: ItemRow | undefined,
  result: ItemRow | undefined,
  today: string,
  server: Map<string, ServerState>,
): ConsultationState {
  if (result && result.status !== 'withdrawn') {
    return isOnline(result, server.get(result.id)) ? 'result_published' : 'result_drafted'
  }
  if (!notice || notice.status === 'withdrawn') return 'preparing'
  if (isOnline(notice, server.get(notice.id))) {
    if (today < row.start_date) return 'scheduled'
    if (today <= row.end_date) return 'open'
    return 'closed'
  }
  if (notice.live_status !== null || notice.status === 'approved' || notice.status === 'synced') {
    return 'approved'
  }
  if (notice.status === 'pending_review') return 'in_review'
  return 'preparing'
}

/** The district's status of `ids` (sync_items). */
export async function serverStates(
  db: Kysely<DB>,
  ids: (string | null)[],
): Promise<Map<string, ServerState>> {
  const wanted = ids.filter((x): x is string => x !== null)
  if (wanted.length === 0) return new Map()
  const rows = await db
    .selectFrom('sync_items')
    .select(['item_id', 'server_status', 'server_revision'])
    .where('item_id', 'in', wanted)
    .execute()
  return new Map(rows.map((r) => [r.item_id, r]))
}

async function itemsById(db: Kysely<DB>, ids: (string | null)[]): Promise<Map<string, ItemRow>> {
  const wanted = ids.filter((x): x is string => x !== null)
  if (wanted.length === 0) return new Map()
  const rows = await db.selectFrom('items').selectAll().where('id', 'in', wanted).execute()
  return new Map(rows.map((r) => [r.id, r]))
}

async function commentCounts(
  db: Kysely<DB>,
  ids: string[],
): Promise<Map<string, { total: number; undecided: number }>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('consultation_comments')
    .select(['consultation_id', 'decision'])
    .where('consultation_id', 'in', ids)
    .execute()
  const out = new Map<string, { total: number; undecided: number }>()
  for (const r of rows) {
    const c = out.get(r.consultation_id) ?? { total: 0, undecided: 0 }
    c.total++
    if (r.decision === null) c.undecided++
    out.set(r.consultation_id, c)
  }
  return out
}

/** The full view of one consultation. */
export async function getConsultation(
  db: Kysely<DB>,
  id: string,
  clock: Clock,
): Promise<ConsultationView> {
  const row = await loadConsultationRow(db, id)
  const items = await itemsById(db, [
    row.draft_item_id,
    row.notice_item_id,
    row.result_item_id,
    row.final_item_id,
  ])
  const counts = (await commentCounts(db, [id])).get(id) ?? { total: 0, undecided: 0 }
  const cal = await loadWorkCalendar(db)
  const draft = items.get(row.draft_item_id)
  if (!draft) throw new AppError('NOT_FOUND', '该意见征集的征求意见稿已不存在')
  const pick = (x: string | null) => (x ? items.get(x) : undefined)
  const notice = pick(row.notice_item_id)
  const result = pick(row.result_item_id)
  const finalPolicy = pick(row.final_item_id)
  const today = officeToday(clock)
  const resultNow = await resultState(db, row, result, draft.title)
  return {
    id: row.id,
    title: row.title,
    decisionType: row.decision_type,
    startDate: row.start_date,
    endDate: row.end_date,
    shortReason: row.short_reason,
    questions: row.questions,
    contact: row.contact,
    channels: JSON.parse(row.channels_json) as ConsultationChannel[],
    publicPath: publicPath(row.id),
    publicUrl: await (async () => {
      const server = await readSyncValue(db, SYNC_KEYS.serverUrl)
      return server ? `${server}${publicPath(row.id)}` : null
    })(),
    paragraphs: JSON.parse(row.paragraphs_json) as DraftParagraph[],
    draft: brief(draft),
    draftRevisionAtOpen: row.draft_revision,
    notice: notice ? brief(notice) : null,
    result: result ? brief(result) : null,
    finalPolicy: finalPolicy ? brief(finalPolicy) : null,
    state: consultationState(
      row,
      notice,
      result,
      today,
      await serverStates(db, [row.notice_item_id, row.result_item_id]),
    ),
    period: checkPeriod(cal, {
      decisionType: row.decision_type,
      startDate: row.start_date,
      endDate: row.end_date,
      shortReason: row.short_reason,
    }),
    commentCount: counts.total,
    undecidedCount: counts.undecided,
    periodOver: today > row.end_date,
    resultStale: resultNow.stale,
    resultLocked: resultNow.locked,
    lastPushedAt: row.pushed_at,
    createdAt: row.created_at,
    createdByName: row.created_by_name,
    updatedAt: row.updated_at,
  }
}

/** Every consultation, newest first. */
export async function listConsultations(
  db: Kysely<DB>,
  clock: Clock,
): Promise<ConsultationListRow[]> {
  const rows = await db
    .selectFrom('consultations')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute()
  const items = await itemsById(
    db,
    rows.flatMap((r) => [r.notice_item_id, r.result_item_id]),
  )
  const counts = await commentCounts(
    db,
    rows.map((r) => r.id),
  )
  const today = officeToday(clock)
  const server = await serverStates(
    db,
    rows.flatMap((r) => [r.notice_item_id, r.result_item_id]),
  )
  return rows.map((r) => {
    const c = counts.get(r.id) ?? { total: 0, undecided: 0 }
    return {
      id: r.id,
      title: r.title,
      startDate: r.start_date,
      endDate: r.end_date,
      state: consultationState(
        r,
        r.notice_item_id ? items.get(r.notice_item_id) : undefined,
        r.result_item_id ? items.get(r.result_item_id) : undefined,
        today,
        server,
      ),
      commentCount: c.total,
      undecidedCount: c.undecided,
    }
  })
}

function checkDates(fields: ConsultationFields): void {
  if (fields.endDate < fields.startDate) {
    throw new AppError('VALIDATION', '截止日期不能早于开始日期，请检查征集时间', {
      field: 'endDate',
    })
  }
}

async function noticeFor(
  db: Kysely<DB>,
  fields: ConsultationFields,
  draft: ItemRow,
  paragraphs: DraftParagraph[],
): Promise<{ title: string; bodyHtml: string }> {
  const cal = await loadWorkCalendar(db)
  const period = checkPeriod(cal, fields)
  return {
    title: noticeTitle(draft.title),
    bodyHtml: noticeHtml({
      ...fields,
      draftTitle: draft.title,
      calendarDays: period.calendarDays,
      paragraphs,
    }),
  }
}

/**
 * Opens a consultation on the draft `draftItemId` and generates its notice (类别 意见征集, a new
 * draft item the officer submits for 保密审查). Officers only; audited. Returns the id.
 */
export async function openConsultation(
  db: Kysely<DB>,
  actor: Actor,
  input: ConsultationFields & { draftItemId: string },
  clock: Clock,
  ids: IdSource,
  events: EventBus,
): Promise<string> {
  requireRole(actor, 'officer')
  checkDates(input)
  const draft = await loadItemRow(db, input.draftItemId)
  if (draft.kind === 'consultation') {
    throw new AppError(
      'VALIDATION',
      '请从征求意见稿（政策文件草稿）发起意见征集，而不是从意见征集公告发起',
    )
  }
  if (!isConsultationDraftKind(draft.kind)) {
    throw new AppError(
      'VALIDATION',
      '意见征集须从政策文件、通知公告等文件草稿发起（征求意见稿），该类别的条目不能发起',
    )
  }
  if (draft.status === 'withdrawn') {
    throw new AppError('CONFLICT', '该条目已撤回，不能发起意见征集')
  }
  const paragraphs = draftParagraphs(draft.body_html)
  if (paragraphs.length === 0) {
    throw new AppError('VALIDATION', '征求意见稿正文为空，请先填写正文再发起意见征集')
  }
  const notice = await noticeFor(db, input, draft, paragraphs)
  const noticeId = await saveItem(
    db,
    actor,
    {
      kind: 'consultation',
      title: notice.title,
      bodyHtml: notice.bodyHtml,
      issuer: draft.issuer,
      docNumber: '',
      signedDate: officeToday(clock),
      plannedPublishDate: input.startDate,
      topicId: draft.topic_id,
      genreId: null,
      catalogueEntryId: null,
    },
    'save',
    clock,
    ids,
    events,
  )
  const id = ids()
  const now = clock().toISOString()
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('consultations')
      .values({
        id,
        title: input.title,
        decision_type: input.decisionType,
        start_date: input.startDate,
        end_date: input.endDate,
        short_reason: input.shortReason,
        questions: input.questions,
        contact: input.contact,
        channels_json: JSON.stringify(input.channels),
        paragraphs_json: JSON.stringify(paragraphs),
        draft_item_id: draft.id,
        draft_revision: draft.revision,
        notice_item_id: noticeId,
        result_item_id: null,
        result_basis_hash: null,
        final_item_id: null,
        pushed_hash: null,
        pushed_at: null,
        created_at: now,
        created_by_name: actor.displayName,
        updated_at: now,
        deleted_at: null,
      })
      .execute()
    await appendAudit(
      trx,
      {
        actor: auditActor(actor),
        action: 'consultation.open',
        target: `consultation:${id}`,
        detail: { name: input.title, draft: draft.id, notice: noticeId },
      },
      clock,
    )
  })
  return id
}

/**
 * Changes the consultation's fields and regenerates its notice from them and the draft's current
 * text (paragraphs re-frozen). An approved notice goes back through review (core/items voids the
 * approval of any content change). Refused once the adoption result exists.
 */
export async function updateConsultation(
  db: Kysely<DB>,
  actor: Actor,
  input: ConsultationFields & { id: string },
  clock: Clock,
  ids: IdSource,
  events: EventBus,
): Promise<void> {
  requireRole(actor, 'officer')
  checkDates(input)
  const row = await loadConsultationRow(db, input.id)
  if (row.result_item_id) {
    throw new AppError('CONFLICT', '已生成意见采纳情况说明，不能再修改本次征集')
  }
  const commented = await db
    .selectFrom('consultation_comments')
    .select('id')
    .where('consultation_id', '=', row.id)
    .limit(1)
    .executeTakeFirst()
  const draft = await loadItemRow(db, row.draft_item_id)
  // Once comments name paragraphs, the numbering must not move under them.
  const paragraphs = commented
    ? (JSON.parse(row.paragraphs_json) as DraftParagraph[])
    : draftParagraphs(draft.body_html)
  const notice = await noticeFor(db, input, draft, paragraphs)
  const current = row.notice_item_id ? await loadItemRow(db, row.notice_item_id) : null
  const fields = {
    kind: 'consultation' as const,
    title: notice.title,
    bodyHtml: notice.bodyHtml,
    issuer: draft.issuer,
    docNumber: '',
    signedDate: current?.signed_date ?? officeToday(clock),
    plannedPublishDate: input.startDate,
    topicId: current?.topic_id ?? draft.topic_id,
    genreId: current?.genre_id ?? null,
    catalogueEntryId: current?.catalogue_entry_id ?? null,
  }
  const noticeId = await saveGeneratedItem(db, actor, current, fields, clock, ids, events)
  const now = clock().toISOString()
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('consultations')
      .set({
        title: input.title,
        decision_type: input.decisionType,
        start_date: input.startDate,
        end_date: input.endDate,
        short_reason: input.shortReason,
        questions: input.questions,
        contact: input.contact,
        channels_json: JSON.stringify(input.channels),
        paragraphs_json: JSON.stringify(paragraphs),
        draft_revision: commented ? row.draft_revision : draft.revision,
        notice_item_id: noticeId,
        updated_at: now,
      })
      .where('id', '=', row.id)
      .execute()
    await appendAudit(
      trx,
      {
        actor: auditActor(actor),
        action: 'consultation.update',
        target: `consultation:${row.id}`,
        detail: { name: input.title, notice: noticeId },
      },
      clock,
    )
  })
}

/** Records the policy finally adopted (draft → comments → result → final policy). */
export async function setFinalPolicy(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  finalItemId: string | null,
  clock: Clock,
): Promise<void> {
  requireRole(actor, 'officer')
  const row = await loadConsultationRow(db, id)
  if (finalItemId !== null) {
    const item = await loadItemRow(db, finalItemId)
    if (item.kind === 'consultation') {
      throw new AppError('VALIDATION', '正式文件应为政策文件条目，不能选择意见征集公告')
    }
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('consultations')
      .set({ final_item_id: finalItemId, updated_at: clock().toISOString() })
      .where('id', '=', row.id)
      .execute()
    await appendAudit(
      trx,
      {
        actor: auditActor(actor),
        action: 'consultation.final_policy',
        target: `consultation:${row.id}`,
        detail: { name: row.title, item: finalItemId },
      },
      clock,
    )
  })
}
