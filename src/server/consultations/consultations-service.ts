import { randomBytes, randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import { maskContact } from '../../core/requests/personal'
import { officeToday } from '../../core/requests/office-day'
import { COMMENTER_TYPES, type CommenterType } from '../../shared/engagement/types'
import type {
  CommentsPage,
  ConsultationWire,
  QaExportEntry,
  QaWire,
} from '../../shared/engagement/wire'
import { wireContentHash } from '../../shared/sync/wire'
import type { ServerDB } from '../db/schema'
import { ApiError } from '../errors'
import { knownBlobs, readBlob } from '../uploads/uploads-service'

/**
 * 意见征集 on the district server. A department puts a consultation online only on top of a notice
 * it synced: the notice item (类别 意见征集) must be held here for that department at exactly the
 * revision named and not returned or withdrawn — so what the public page shows has passed the
 * department's 保密审查. Comments are accepted only inside the period (Beijing days). The contact
 * is masked at intake (个人信息保护法第六条, the minimum necessary): no district screen or API
 * uses it in full, and the department only ever receives the masked form — so there is nothing
 * to purge later.
 */

/** Item statuses under which a consultation's notice counts as published. */
const LIVE_ITEM_STATUSES = ['received', 'published'] as const

export interface PutResult {
  id: string
  result: 'created' | 'updated' | 'unchanged'
}

/** Stores (or updates) a department's consultation; refused unless its notice is held here. */
export async function putConsultation(
  db: Kysely<ServerDB>,
  departmentId: string,
  id: string,
  body: ConsultationWire,
  now: string,
): Promise<PutResult> {
  const notice = await db
    .selectFrom('items')
    .select(['department_id', 'revision', 'status', 'kind'])
    .where('id', '=', body.noticeItemId.toLowerCase())
    .executeTakeFirst()
  if (!notice || notice.department_id !== departmentId) {
    throw new ApiError(
      'NOT_FOUND',
      '区级服务器上没有该意见征集的公告条目：请先同步经审查通过的公告。',
    )
  }
  if (notice.kind !== 'consultation') {
    throw new ApiError('VALIDATION', '意见征集须以类别为「意见征集」的公告条目为依据。')
  }
  if (notice.revision !== body.noticeRevision) {
    throw new ApiError(
      'REVISION_CONFLICT',
      `区级服务器上的公告为第 ${notice.revision} 版，与报送的第 ${body.noticeRevision} 版不一致：请先同步最新通过的公告。`,
    )
  }
  if (!(LIVE_ITEM_STATUSES as readonly string[]).includes(notice.status)) {
    throw new ApiError('REVISION_CONFLICT', '该意见征集的公告已被退回或撤回，不能上线。')
  }
  await checkAttachmentsNamedByNotice(db, body)
  const hash = await wireContentHash(body)
  const existing = await db
    .selectFrom('consultations')
    .select(['department_id', 'content_hash'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (existing && existing.department_id !== departmentId) {
    // Another department's consultation: do not reveal that it exists.
    throw new ApiError('NOT_FOUND', '没有该意见征集。')
  }
  if (existing?.content_hash === hash) return { id, result: 'unchanged' }
  const values = {
    notice_item_id: body.noticeItemId.toLowerCase(),
    notice_revision: body.noticeRevision,
    title: body.title,
    draft_title: body.draftTitle,
    decision_type: body.decisionType,
    start_date: body.startDate,
    end_date: body.endDate,
    short_reason: body.shortReason,
    questions: body.questions,
    contact: body.contact,
    channels_json: JSON.stringify(body.channels),
    paragraphs_json: JSON.stringify(body.paragraphs),
    attachments_json: JSON.stringify(body.attachments),
    result_item_id: body.resultItemId?.toLowerCase() ?? null,
    content_hash: hash,
    updated_at: now,
  }
  if (existing) {
    await db.updateTable('consultations').set(values).where('id', '=', id).execute()
    return { id, result: 'updated' }
  }
  await db
    .insertInto('consultations')
    .values({ id, department_id: departmentId, received_at: now, ...values })
    .execute()
  return { id, result: 'created' }
}

/**
 * A file the public may download must have passed 保密审查: every attachment sent with a hash
 * must be one the notice held here names (item_attachments of its revision in force), under the
 * same hash and size. Names without a hash (an older desk) are only shown, never served.
 */
async function checkAttachmentsNamedByNotice(
  db: Kysely<ServerDB>,
  body: ConsultationWire,
): Promise<void> {
  const hashed = body.attachments.filter((a) => a.sha256 !== undefined)
  if (hashed.length === 0) return
  const named = await db
    .selectFrom('item_attachments')
    .select(['sha256', 'size'])
    .where('item_id', '=', body.noticeItemId.toLowerCase())
    .execute()
  const sizes = new Map(named.map((r) => [r.sha256, Number(r.size)]))
  for (const a of hashed) {
    if (sizes.get(a.sha256!) !== a.size) {
      throw new ApiError(
        'VALIDATION',
        `附件「${a.name}」不在区级服务器所存的公告附件中：公众可下载的附件须随公告通过保密审查并同步。`,
      )
    }
  }
}

/** The department's comments after cursor `after`, oldest first, the contact masked. */
export async function commentsFeed(
  db: Kysely<ServerDB>,
  departmentId: string,
  after: number,
  limit: number,
): Promise<CommentsPage> {
  const rows = await db
    .selectFrom('consultation_comments')
    .selectAll()
    .where('department_id', '=', departmentId)
    .where('seq', '>', after)
    .orderBy('seq')
    .limit(limit + 1)
    .execute()
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  return {
    comments: page.map((r) => ({
      id: r.id,
      consultationId: r.consultation_id,
      receiptNo: r.receipt_no,
      paragraphNo: r.paragraph_no,
      body: r.body,
      name: r.name,
      // Masked at intake (and by migration 0270 for older rows): sent as stored.
      contactMasked: r.contact,
      ...(isCommenterType(r.commenter_type) ? { commenterType: r.commenter_type } : {}),
      receivedAt: r.received_at,
    })),
    next: last ? Number(last.seq) : after,
    hasMore: rows.length > limit,
  }
}

const isCommenterType = (v: string | null): v is CommenterType =>
  (COMMENTER_TYPES as readonly (string | null)[]).includes(v)

/** A consultation as the public page shows it, or null when it is not (or no longer) online. */
export interface LiveConsultation {
  id: string
  departmentName: string
  title: string
  draftTitle: string
  decisionType: string
  startDate: string
  endDate: string
  shortReason: string
  questions: string
  contact: string
  channels: string[]
  paragraphs: { no: number; text: string }[]
  attachments: LiveAttachment[]
  /**
   * The adoption result (意见采纳情况说明) once the district holds it, of the same department, as
   * published (登记发布 with its address); null before.
   */
  result: { title: string; url: string } | null
}

/**
 * A file of a live consultation: `sha256`/`size` null when the desk sent the name only;
 * `arrived` once the whole file is on the district server (upload_blobs).
 */
export interface LiveAttachment {
  name: string
  sha256: string | null
  size: number | null
  arrived: boolean
}

export async function liveConsultation(
  db: Kysely<ServerDB>,
  id: string,
): Promise<LiveConsultation | null> {
  const row = await db
    .selectFrom('consultations as c')
    .innerJoin('departments as d', 'd.id', 'c.department_id')
    .innerJoin('items as i', 'i.id', 'c.notice_item_id')
    .select([
      'c.id',
      'd.name as departmentName',
      'c.title',
      'c.draft_title',
      'c.decision_type',
      'c.start_date',
      'c.end_date',
      'c.short_reason',
      'c.questions',
      'c.contact',
      'c.channels_json',
      'c.paragraphs_json',
      'c.attachments_json',
      'c.result_item_id',
      'c.notice_revision',
      'i.revision',
      'i.status',
      'i.department_id as itemDepartment',
      'c.department_id',
    ])
    .where('c.id', '=', id)
    .executeTakeFirst()
  if (!row) return null
  if (row.itemDepartment !== row.department_id) return null
  if (!(LIVE_ITEM_STATUSES as readonly string[]).includes(row.status)) return null
  if (row.revision !== row.notice_revision) return null
  const listed = JSON.parse(row.attachments_json) as ConsultationWire['attachments']
  const result = row.result_item_id
    ? await db
        .selectFrom('items')
        .select(['title', 'published_url'])
        .where('id', '=', row.result_item_id)
        .where('department_id', '=', row.department_id)
        .where('status', '=', 'published')
        .where('published_url', 'is not', null)
        .executeTakeFirst()
    : undefined
  const arrived = new Set(
    await knownBlobs(
      db,
      listed.flatMap((a) => (a.sha256 ? [a.sha256] : [])),
    ),
  )
  return {
    id: row.id,
    departmentName: row.departmentName,
    title: row.title,
    draftTitle: row.draft_title,
    decisionType: row.decision_type,
    startDate: row.start_date,
    endDate: row.end_date,
    shortReason: row.short_reason,
    questions: row.questions,
    contact: row.contact,
    channels: JSON.parse(row.channels_json) as string[],
    paragraphs: JSON.parse(row.paragraphs_json) as { no: number; text: string }[],
    attachments: listed.map((a) => ({
      name: a.name,
      sha256: a.sha256 ?? null,
      size: a.size ?? null,
      arrived: a.sha256 !== undefined && arrived.has(a.sha256),
    })),
    // 登记发布 accepts http(s) addresses only; checked again before it becomes a link.
    result:
      result?.published_url && /^https?:\/\//i.test(result.published_url)
        ? { title: result.title, url: result.published_url }
        : null,
  }
}

export type AttachmentOutcome =
  | { kind: 'not_found' }
  /** Listed, but its bytes have not all reached the server yet. */
  | { kind: 'pending'; name: string }
  | { kind: 'ok'; name: string; size: number; bytes: AsyncGenerator<Buffer> }

/**
 * The download of file `sha256` from the public page of consultation `id`: only while the
 * consultation is online, only a hash that consultation lists (never any other file of the
 * district, whoever uploaded it), and only once the whole verified file is here.
 */
export async function consultationAttachment(
  db: Kysely<ServerDB>,
  id: string,
  sha256: string,
): Promise<AttachmentOutcome> {
  const c = await liveConsultation(db, id)
  const file = c?.attachments.find((a) => a.sha256 === sha256)
  if (!file || file.size === null) return { kind: 'not_found' }
  const bytes = file.arrived ? await readBlob(db, sha256) : null
  if (!bytes) return { kind: 'pending', name: file.name }
  return { kind: 'ok', name: file.name, size: file.size, bytes }
}

/** Every consultation online now, newest period first (the public list page). */
export async function liveConsultations(
  db: Kysely<ServerDB>,
): Promise<
  { id: string; title: string; departmentName: string; startDate: string; endDate: string }[]
> {
  const rows = await db
    .selectFrom('consultations as c')
    .innerJoin('departments as d', 'd.id', 'c.department_id')
    .innerJoin('items as i', 'i.id', 'c.notice_item_id')
    .select(['c.id', 'c.title', 'd.name as departmentName', 'c.start_date', 'c.end_date'])
    .where('i.status', 'in', [...LIVE_ITEM_STATUSES])
    .whereRef('i.revision', '=', 'c.notice_revision')
    .whereRef('i.department_id', '=', 'c.department_id')
    .orderBy('c.start_date', 'desc')
    .limit(200)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    departmentName: r.departmentName,
    startDate: r.start_date,
    endDate: r.end_date,
  }))
}

/** Where a consultation's period stands on `today` (Beijing date). */
export function periodState(c: { startDate: string; endDate: string }, today: string) {
  if (today < c.startDate) return 'not_started' as const
  if (today > c.endDate) return 'ended' as const
  return 'open' as const
}

export interface CommentInput {
  body: string
  paragraphNo: number | null
  name: string
  contact: string
  /** 身份 chosen on the form, null when not chosen. */
  commenterType: CommenterType | null
}

/** A receipt number: `YJ` + Beijing date + 8 random base-32 characters (not guessable, unique). */
export function receiptNumber(now: Date): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
  const bytes = randomBytes(8)
  let tail = ''
  for (const b of bytes) tail += alphabet[b % alphabet.length]
  return `YJ${officeToday(() => now).replace(/-/g, '')}${tail}`
}

export type SubmitOutcome =
  | { kind: 'accepted'; receiptNo: string }
  | { kind: 'not_found' }
  | { kind: 'not_started'; startDate: string }
  | { kind: 'ended'; endDate: string }
  | { kind: 'invalid'; message: string }

/**
 * Stores a comment from the public page: only while the consultation is online and inside its
 * period (Beijing days, start and end included), with a paragraph the draft has. The text is
 * stored exactly as typed (it is only ever shown escaped, never as HTML).
 */
export async function submitComment(
  db: Kysely<ServerDB>,
  id: string,
  input: CommentInput,
  now: Date,
): Promise<SubmitOutcome> {
  const c = await liveConsultation(db, id)
  if (!c) return { kind: 'not_found' }
  const state = periodState(
    c,
    officeToday(() => now),
  )
  if (state === 'not_started') return { kind: 'not_started', startDate: c.startDate }
  if (state === 'ended') return { kind: 'ended', endDate: c.endDate }
  if (input.paragraphNo !== null && !c.paragraphs.some((p) => p.no === input.paragraphNo)) {
    return { kind: 'invalid', message: '所选段落不存在，请重新选择。' }
  }
  const department = await db
    .selectFrom('consultations')
    .select('department_id')
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  const receiptNo = receiptNumber(now)
  await db
    .insertInto('consultation_comments')
    .values({
      id: randomUUID(),
      consultation_id: id,
      department_id: department.department_id,
      receipt_no: receiptNo,
      paragraph_no: input.paragraphNo,
      body: input.body,
      name: input.name,
      contact: maskContact(input.contact),
      commenter_type: input.commenterType,
      received_at: now.toISOString(),
    })
    .execute()
  return { kind: 'accepted', receiptNo }
}

/** Stores a department's Q&A entry (the hotline's knowledge base). */
export async function putQa(
  db: Kysely<ServerDB>,
  departmentId: string,
  id: string,
  body: QaWire,
  now: string,
): Promise<PutResult> {
  const hash = await wireContentHash(body)
  const existing = await db
    .selectFrom('qa_entries')
    .select(['department_id', 'content_hash'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (existing && existing.department_id !== departmentId) {
    throw new ApiError('NOT_FOUND', '没有该问答。')
  }
  if (existing?.content_hash === hash) return { id, result: 'unchanged' }
  const values = {
    entry_json: JSON.stringify(body),
    valid: body.valid ? 1 : 0,
    content_hash: hash,
    updated_at: now,
  }
  if (existing) {
    await db.updateTable('qa_entries').set(values).where('id', '=', id).execute()
    return { id, result: 'updated' }
  }
  await db
    .insertInto('qa_entries')
    .values({ id, department_id: departmentId, ...values })
    .execute()
  return { id, result: 'created' }
}

/** Removes a department's entry (deleted, or no longer approved at the desk). */
export async function deleteQa(
  db: Kysely<ServerDB>,
  departmentId: string,
  id: string,
): Promise<void> {
  await db
    .deleteFrom('qa_entries')
    .where('id', '=', id)
    .where('department_id', '=', departmentId)
    .execute()
}

/** The whole knowledge base (every department), for the hotline's export. */
export async function qaKnowledgeBase(db: Kysely<ServerDB>): Promise<QaExportEntry[]> {
  const rows = await db
    .selectFrom('qa_entries as q')
    .innerJoin('departments as d', 'd.id', 'q.department_id')
    .select(['q.id', 'q.entry_json', 'q.updated_at', 'd.name', 'd.code'])
    .orderBy('d.code')
    .orderBy('q.updated_at')
    .execute()
  return rows.map((r) => ({
    ...(JSON.parse(r.entry_json) as QaWire),
    id: r.id,
    department: r.name,
    departmentCode: r.code,
    updatedAt: r.updated_at,
  }))
}
