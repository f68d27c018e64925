import type { Kysely } from 'kysely'
import type {
  CommentDecision,
  CommenterType,
  CommentGroup,
  CommentList,
  CommentView,
  ConsultationChannel,
  DraftParagraph,
} from '../../shared/engagement/types'
import { auditActor, requireRole, type Actor } from '../accounts/actor'
import { appendAudit } from '../audit/append'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import type { CommentRow } from '../db/tables/engagement'
import { AppError } from '../errors'
import type { IdSource } from '../ids'
import { officeToday } from '../requests/office-day'
import { maskContact } from '../requests/personal'
import { loadConsultationRow } from './consultations'
import { groupComments } from './grouping'
import { commentRows, requireCommentChangeable } from './result-basis'

/**
 * The comments of a consultation: received from the district's public page on sync (contact
 * already masked there) or typed in by the officer from a letter, e-mail or fax (masked here,
 * before it is stored — the full contact never reaches the desk's database). Near-identical
 * comments are grouped automatically (grouping.ts); the officer may move a comment in or out of a
 * group, and decides each comment or a whole group.
 */

function toView(r: CommentRow, sizes: Map<string, number>): CommentView {
  return {
    id: r.id,
    consultationId: r.consultation_id,
    receiptNo: r.receipt_no,
    paragraphNo: r.paragraph_no,
    body: r.body,
    commenterName: r.commenter_name,
    contactMasked: r.contact_masked,
    commenterType: r.commenter_type,
    channel: r.channel,
    receivedAt: r.received_at,
    groupId: r.group_id,
    groupSize: r.group_id ? (sizes.get(r.group_id) ?? 1) : 1,
    decision: r.decision,
    reason: r.reason,
    decisionParagraphNo: r.decision_paragraph_no,
    changedRevision: r.changed_revision,
    decidedAt: r.decided_at,
    decidedByName: r.decided_by_name,
  }
}

/** The comments with their groups (largest first). */
export async function listComments(db: Kysely<DB>, consultationId: string): Promise<CommentList> {
  await loadConsultationRow(db, consultationId)
  const rows = await commentRows(db, consultationId)
  const byGroup = new Map<string, CommentRow[]>()
  for (const r of rows) {
    if (!r.group_id) continue
    const list = byGroup.get(r.group_id)
    if (list) list.push(r)
    else byGroup.set(r.group_id, [r])
  }
  const sizes = new Map([...byGroup].map(([k, v]) => [k, v.length]))
  const groups: CommentGroup[] = [...byGroup]
    .map(([id, list]) => ({ id, sample: list[0]!.body, commentIds: list.map((r) => r.id) }))
    .sort((a, b) => b.commentIds.length - a.commentIds.length || a.id.localeCompare(b.id))
  return { comments: rows.map((r) => toView(r, sizes)), groups }
}

/**
 * Recomputes the automatic groups of a consultation: comments grouped by hand keep their group;
 * every other comment is grouped with its near-identical peers (or none). An automatic group keeps
 * the id most of its members already carry — so a group the officer joined a comment to by hand
 * (「并入」) stays one group when new letters of the campaign arrive — else it is `g-<first id>`.
 */
export async function regroup(db: Kysely<DB>, consultationId: string, clock: Clock): Promise<void> {
  const rows = await commentRows(db, consultationId)
  const auto = rows.filter((r) => r.group_manual === 0)
  const current = new Map(rows.map((r) => [r.id, r.group_id]))
  const groups = groupComments(auto.map((r) => ({ id: r.id, body: r.body })))
  const assigned = new Map<string, string>()
  const claimed = new Set<string>()
  for (const g of [...groups].sort((a, b) => b.length - a.length)) {
    const votes = new Map<string, number>()
    for (const id of g) {
      const was = current.get(id)
      if (was && !claimed.has(was)) votes.set(was, (votes.get(was) ?? 0) + 1)
    }
    let groupId = `g-${g[0]!}`
    let best = 0
    for (const [was, n] of votes) if (n > best) [groupId, best] = [was, n]
    claimed.add(groupId)
    for (const id of g) assigned.set(id, groupId)
  }
  const now = clock().toISOString()
  const run = async (trx: Kysely<DB>) => {
    for (const r of auto) {
      const groupId = assigned.get(r.id) ?? null
      if (groupId === r.group_id) continue
      await trx
        .updateTable('consultation_comments')
        .set({ group_id: groupId, updated_at: now })
        .where('id', '=', r.id)
        .execute()
    }
    await dropLoneGroups(trx, consultationId, now)
  }
  if (db.isTransaction) await run(db)
  else await db.transaction().execute(run)
}

/** A group left with one comment is no group: its last member stands alone. */
async function dropLoneGroups(trx: Kysely<DB>, consultationId: string, now: string): Promise<void> {
  const lone = await trx
    .selectFrom('consultation_comments')
    .select('group_id')
    .where('consultation_id', '=', consultationId)
    .where('group_id', 'is not', null)
    .groupBy('group_id')
    .having((eb) => eb.fn.countAll(), '=', 1)
    .execute()
  if (lone.length === 0) return
  await trx
    .updateTable('consultation_comments')
    .set({ group_id: null, updated_at: now })
    .where('consultation_id', '=', consultationId)
    .where(
      'group_id',
      'in',
      lone.map((r) => r.group_id!),
    )
    .execute()
}

/** A comment as the district's feed delivers it (contact masked by the server). */
export interface ReceivedComment {
  id: string
  consultationId: string
  receiptNo: string
  paragraphNo: number | null
  body: string
  name: string
  contactMasked: string
  /** 身份 chosen on the public form; absent (older server, or not chosen): 社会公众. */
  commenterType?: CommenterType
  receivedAt: string
}

/**
 * Stores comments received on sync (idempotent on the comment id; a comment for a consultation
 * this desk does not hold is skipped) and regroups the consultations that got new ones.
 * Returns how many were new.
 */
export async function receiveComments(
  db: Kysely<DB>,
  comments: readonly ReceivedComment[],
  clock: Clock,
): Promise<number> {
  const now = clock().toISOString()
  let added = 0
  const touched = new Set<string>()
  await db.transaction().execute(async (trx) => {
    for (const c of comments) {
      const consultation = await trx
        .selectFrom('consultations')
        .select('id')
        .where('id', '=', c.consultationId)
        .executeTakeFirst()
      if (!consultation) continue
      const result = await trx
        .insertInto('consultation_comments')
        .values({
          id: c.id,
          consultation_id: c.consultationId,
          receipt_no: c.receiptNo,
          paragraph_no: c.paragraphNo,
          body: c.body,
          commenter_name: c.name,
          contact_masked: c.contactMasked,
          commenter_type: c.commenterType ?? 'public',
          channel: 'online',
          received_at: c.receivedAt,
          group_id: null,
          group_manual: 0,
          decision: null,
          reason: '',
          decision_paragraph_no: null,
          changed_revision: null,
          decided_at: null,
          decided_by_name: null,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst()
      if (Number(result.numInsertedOrUpdatedRows ?? 0) > 0) {
        added++
        touched.add(c.consultationId)
      }
    }
    for (const id of touched) await regroup(trx, id, clock)
  })
  return added
}

/** The prefix of a receipt number the officer's desk gives (the public page's are YJ…). */
export const OFFLINE_RECEIPT_PREFIX = '线下'

/**
 * A receipt number for a comment typed in by the officer: 「线下」, the Beijing office day it was
 * registered (core's clock, not UTC: a letter registered at 07:00 is today's) and a sequence.
 */
async function offlineReceipt(db: Kysely<DB>, clock: Clock): Promise<string> {
  const day = officeToday(clock).replace(/-/g, '')
  const prefix = `${OFFLINE_RECEIPT_PREFIX}${day}`
  const row = await db
    .selectFrom('consultation_comments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('receipt_no', 'like', `${prefix}%`)
    .executeTakeFirstOrThrow()
  return `${prefix}${String(Number(row.n) + 1).padStart(4, '0')}`
}

export interface CommentAddInput {
  consultationId: string
  body: string
  paragraphNo: number | null
  commenterName: string
  contact: string
  commenterType: CommenterType
  channel: ConsultationChannel
}

function checkParagraph(paragraphs: DraftParagraph[], no: number | null): void {
  if (no !== null && !paragraphs.some((p) => p.no === no)) {
    throw new AppError('VALIDATION', `征求意见稿没有第 ${no} 段，请重新选择段落`, {
      field: 'paragraphNo',
    })
  }
}

/** Records a comment received by letter, e-mail or fax; the contact is masked before storing. */
export async function addComment(
  db: Kysely<DB>,
  actor: Actor,
  input: CommentAddInput,
  clock: Clock,
  ids: IdSource,
): Promise<CommentView> {
  requireRole(actor, 'officer')
  const consultation = await loadConsultationRow(db, input.consultationId)
  checkParagraph(JSON.parse(consultation.paragraphs_json) as DraftParagraph[], input.paragraphNo)
  const id = ids()
  const now = clock().toISOString()
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('consultation_comments')
      .values({
        id,
        consultation_id: consultation.id,
        receipt_no: await offlineReceipt(trx, clock),
        paragraph_no: input.paragraphNo,
        body: input.body,
        commenter_name: input.commenterName,
        contact_masked: maskContact(input.contact),
        commenter_type: input.commenterType,
        channel: input.channel,
        received_at: now,
        group_id: null,
        group_manual: 0,
        decision: null,
        reason: '',
        decision_paragraph_no: null,
        changed_revision: null,
        decided_at: null,
        decided_by_name: null,
        created_at: now,
        updated_at: now,
      })
      .execute()
    await regroup(trx, consultation.id, clock)
    await appendAudit(
      trx,
      {
        actor: auditActor(actor),
        action: 'consultation.comment_add',
        target: `consultation:${consultation.id}`,
        detail: { comment: id, channel: input.channel },
      },
      clock,
    )
  })
  const list = await listComments(db, consultation.id)
  return list.comments.find((c) => c.id === id)!
}

export interface DecideInput {
  consultationId: string
  commentId: string
  wholeGroup: boolean
  decision: CommentDecision
  reason: string
  paragraphNo: number | null
  changedRevision: number | null
}

/**
 * Decides a comment (or its whole group): 采纳 / 部分采纳 / 不予采纳 / 不属于本次征集范围, with a
 * reason (required except for 采纳), the paragraph it concerns, and — when the draft changed
 * because of it — the draft revision made after the consultation opened (713号令第十五条: the
 * handling of opinions is explained). After the adoption result is generated a change makes it
 * 需更新 (result-basis.ts); once the result passed review, a comment it counted is refused and a
 * whole-group decision reaches only the group's comments received since.
 */
export async function decideComment(
  db: Kysely<DB>,
  actor: Actor,
  input: DecideInput,
  clock: Clock,
): Promise<void> {
  requireRole(actor, 'officer')
  const consultation = await loadConsultationRow(db, input.consultationId)
  if (input.decision !== 'adopted' && input.reason.trim() === '') {
    throw new AppError('VALIDATION', '部分采纳、不予采纳和不属于本次征集范围须写明理由', {
      field: 'reason',
    })
  }
  checkParagraph(JSON.parse(consultation.paragraphs_json) as DraftParagraph[], input.paragraphNo)
  if (input.changedRevision !== null) {
    if (input.decision === 'rejected' || input.decision === 'out_of_scope') {
      throw new AppError('VALIDATION', '未采纳的意见不对应修改稿版本，请清除「修改稿版本」', {
        field: 'changedRevision',
      })
    }
    const revision = await db
      .selectFrom('item_revisions')
      .select('revision')
      .where('item_id', '=', consultation.draft_item_id)
      .where('revision', '=', input.changedRevision)
      .executeTakeFirst()
    if (!revision || input.changedRevision <= consultation.draft_revision) {
      throw new AppError(
        'VALIDATION',
        `修改稿版本应为发起征集（第 ${consultation.draft_revision} 版）之后征求意见稿的某一版`,
        { field: 'changedRevision' },
      )
    }
  }
  const comment = await db
    .selectFrom('consultation_comments')
    .selectAll()
    .where('id', '=', input.commentId)
    .where('consultation_id', '=', consultation.id)
    .executeTakeFirst()
  if (!comment) throw new AppError('NOT_FOUND', '找不到该意见，请刷新列表')
  const locked = await requireCommentChangeable(db, consultation, comment)
  const now = clock().toISOString()
  await db.transaction().execute(async (trx) => {
    let q = trx
      .updateTable('consultation_comments')
      .set({
        decision: input.decision,
        reason: input.reason.trim(),
        decision_paragraph_no: input.paragraphNo ?? comment.paragraph_no,
        changed_revision: input.changedRevision,
        decided_at: now,
        decided_by_name: actor.displayName,
        updated_at: now,
      })
      .where('consultation_id', '=', consultation.id)
    q =
      input.wholeGroup && comment.group_id
        ? q.where('group_id', '=', comment.group_id)
        : q.where('id', '=', comment.id)
    if (locked) q = q.where('decision', 'is', null)
    const res = await q.executeTakeFirst()
    await appendAudit(
      trx,
      {
        actor: auditActor(actor),
        action: 'consultation.comment_decide',
        target: `consultation:${consultation.id}`,
        detail: {
          comment: comment.id,
          decision: input.decision,
          count: Number(res.numUpdatedRows),
        },
      },
      clock,
    )
  })
}

/** Sets who a comment comes from (公众 / 企业 / 行业协会商会 / 专家学者 / 其他). */
export async function setCommenterType(
  db: Kysely<DB>,
  actor: Actor,
  commentId: string,
  type: CommenterType,
  clock: Clock,
): Promise<CommentView> {
  requireRole(actor, 'officer')
  const row = await db
    .selectFrom('consultation_comments')
    .selectAll()
    .where('id', '=', commentId)
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', '找不到该意见，请刷新列表')
  // The result counts by 身份: a comment the approved result counted keeps its type.
  await requireCommentChangeable(db, await loadConsultationRow(db, row.consultation_id), row)
  await db
    .updateTable('consultation_comments')
    .set({ commenter_type: type, updated_at: clock().toISOString() })
    .where('id', '=', commentId)
    .execute()
  const list = await listComments(db, row.consultation_id)
  return list.comments.find((c) => c.id === commentId)!
}

/**
 * Moves a comment into the group of `joinCommentId` (both then count as grouped by hand; the
 * other members stay automatic and the group keeps its id on regrouping), or out of its group
 * (`null`: it stays alone, also on later regrouping).
 */
export async function editGroup(
  db: Kysely<DB>,
  actor: Actor,
  input: { consultationId: string; commentId: string; joinCommentId: string | null },
  clock: Clock,
): Promise<void> {
  requireRole(actor, 'officer')
  await loadConsultationRow(db, input.consultationId)
  const rows = await commentRows(db, input.consultationId)
  const comment = rows.find((r) => r.id === input.commentId)
  if (!comment) throw new AppError('NOT_FOUND', '找不到该意见，请刷新列表')
  const other = input.joinCommentId === null ? null : rows.find((r) => r.id === input.joinCommentId)
  if (other === undefined) throw new AppError('NOT_FOUND', '找不到要并入的意见，请刷新列表')
  if (other?.id === comment.id) throw new AppError('VALIDATION', '不能把意见并入它自己')
  const now = clock().toISOString()
  await db.transaction().execute(async (trx) => {
    if (other === null) {
      await trx
        .updateTable('consultation_comments')
        .set({ group_id: null, group_manual: 1, updated_at: now })
        .where('id', '=', comment.id)
        .execute()
    } else {
      const groupId = other.group_id ?? `g-${other.id}`
      await trx
        .updateTable('consultation_comments')
        .set({ group_id: groupId, group_manual: 1, updated_at: now })
        .where('id', 'in', [comment.id, other.id])
        .execute()
    }
    await dropLoneGroups(trx, input.consultationId, now)
    await appendAudit(
      trx,
      {
        actor: auditActor(actor),
        action: 'consultation.comment_group',
        target: `consultation:${input.consultationId}`,
        detail: { comment: comment.id, join: input.joinCommentId },
      },
      clock,
    )
  })
}
