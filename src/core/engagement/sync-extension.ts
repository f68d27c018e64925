import type { Kysely } from 'kysely'
import type { ConsultationChannel, DraftParagraph } from '../../shared/engagement/types'
import {
  commentsPageSchema,
  consultationReceiptSchema,
  qaReceiptSchema,
  type ConsultationWire,
  type QaWire,
} from '../../shared/engagement/wire'
import { wireContentHash } from '../../shared/sync/wire'
import type { DB } from '../db/schema'
import type { ExtensionOutcome, SyncExtension, SyncExtensionDeps } from '../sync/extensions'
import type { PhaseOutcome } from '../sync/push'
import type { UploadFile } from '../sync/uploads'
import { officeToday } from '../requests/office-day'
import { receiveComments } from './comments'
import { listQa } from './qa'
import { withInForceContent } from '../items/working-revision'
import { loadItemRow } from '../items/items-repo'
import { sanitiseHtmlInWorker } from '../workers'
import { noticeFor } from './consultations'

/**
 * 政民互动's part of a sync run (src/core/sync/extensions-list.ts), after the items phase:
 * 1. each consultation whose notice is synced as it stands (no 修订稿 pending) is put online, when
 *    it changed since the district last took it — only when the approved notice is exactly the one
 *    generated from the consultation's fields and draft (what goes online is what passed review;
 *    a notice edited by hand, or fields changed after the approval, is refused with a 同步 notice);
 * 2. the comment feed is read from the last cursor and stored (contact masked by the server);
 * 3. approved Q&A entries go up (flagged ones as not valid), withdrawn or deleted ones come down.
 */
export const engagementSyncExtension: SyncExtension = {
  name: 'engagement',
  label: '政民互动（意见征集与政策问答）',
  run: (d) => syncEngagement(d),
}

const CURSOR_KEY = 'comments_cursor'

function failed(
  what: string,
  res: { kind: string; message?: string; code?: string },
): Exclude<PhaseOutcome, { kind: 'done' }> {
  if (res.kind === 'unauthorized') return { kind: 'unauthorized' }
  const why =
    res.kind === 'rejected' && res.code === 'NOT_FOUND' && what.includes('读取')
      ? '区级服务器不支持意见征集（版本过旧），请联系区级管理员升级'
      : (res.message ?? '')
  return { kind: 'transient', message: `${what}：${why}` }
}

async function readValue(db: Kysely<DB>, key: string): Promise<string | null> {
  const row = await db
    .selectFrom('engagement_sync')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst()
  return row?.value ?? null
}

async function writeValue(db: Kysely<DB>, key: string, value: string): Promise<void> {
  await db
    .insertInto('engagement_sync')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute()
}

/** A consultation ready to go online: its wire body, and the files the district must have. */
export interface ConsultationToPush {
  id: string
  body: ConsultationWire
  hash: string
  pushed: string | null
  files: UploadFile[]
  /**
   * False when the approved notice is not the one the consultation's fields and draft generate
   * (edited by hand before approval, or the fields changed since): not put online.
   */
  matchesNotice: boolean
}

/** Told on the 同步 page for a consultation whose approved notice differs from its fields. */
export const noticeMismatchNotice = (title: string) =>
  `意见征集「${title}」未上线：经审查通过的公告与征集内容不一致（公告正文被另行修改过，或征集内容在公告通过后有改动），` +
  '区级页面只显示经审查的内容。请在意见征集详情页点「保存并重新生成公告」，公告重新通过保密审查后再同步。'

/**
 * Whether the approved notice (title and sanitised body as stored) is the one generated now from
 * the consultation's fields, its frozen paragraphs and its draft — the text the wire carries.
 */
async function matchesApprovedNotice(
  db: Kysely<DB>,
  r: {
    title: string
    decision_type: ConsultationWire['decisionType']
    start_date: string
    end_date: string
    short_reason: string
    questions: string
    contact: string
    channels_json: string
    paragraphs_json: string
    draft_item_id: string
    notice_title: string
    notice_body: string
  },
): Promise<boolean> {
  const generated = await noticeFor(
    db,
    {
      title: r.title,
      decisionType: r.decision_type,
      startDate: r.start_date,
      endDate: r.end_date,
      shortReason: r.short_reason,
      questions: r.questions,
      contact: r.contact,
      channels: JSON.parse(r.channels_json) as ConsultationChannel[],
    },
    await loadItemRow(db, r.draft_item_id),
    JSON.parse(r.paragraphs_json) as DraftParagraph[],
  )
  return (
    generated.title === r.notice_title &&
    (await sanitiseHtmlInWorker(generated.bodyHtml)) === r.notice_body
  )
}

/**
 * The consultations ready to go online, each with its wire body. The files offered for download
 * are the notice's own attachments: the notice stands approved (no 修订稿 pending), so they are
 * the ones that passed 保密审查 with it — never the draft's, which no one has reviewed.
 */
export async function consultationsToPush(db: Kysely<DB>): Promise<ConsultationToPush[]> {
  const rows = await db
    .selectFrom('consultations as c')
    .innerJoin('items as n', 'n.id', 'c.notice_item_id')
    .innerJoin('items as d', 'd.id', 'c.draft_item_id')
    .select([
      'c.id',
      'c.title',
      'c.decision_type',
      'c.start_date',
      'c.end_date',
      'c.short_reason',
      'c.questions',
      'c.contact',
      'c.channels_json',
      'c.paragraphs_json',
      'c.pushed_hash',
      'c.draft_item_id',
      'c.result_item_id',
      'n.id as notice_id',
      'n.title as notice_title',
      'n.body_html as notice_body',
      'n.revision as notice_revision',
      'n.status as notice_status',
      'd.title as draft_title',
    ])
    .innerJoin('sync_items as s', 's.item_id', 'c.notice_item_id')
    .where('c.deleted_at', 'is', null)
    // The notice as it stands is the approved one (no 修订稿 pending) and the district holds it.
    .where('n.status', 'in', ['approved', 'synced'])
    .whereRef('s.server_revision', '=', 'n.revision')
    .where('s.server_status', 'in', ['received', 'published'])
    .execute()
  const out = []
  for (const r of rows) {
    const files: UploadFile[] = (
      await db
        .selectFrom('item_attachments as a')
        .innerJoin('attachment_blobs as b', 'b.sha256', 'a.sha256')
        .select(['a.name', 'a.sha256', 'b.size_bytes'])
        .where('a.item_id', '=', r.notice_id)
        .orderBy('a.position')
        .limit(100)
        .execute()
    ).map((a) => ({ name: a.name, sha256: a.sha256, size: a.size_bytes }))
    const body: ConsultationWire = {
      noticeItemId: r.notice_id,
      noticeRevision: r.notice_revision,
      title: r.title,
      draftTitle: r.draft_title,
      decisionType: r.decision_type,
      startDate: r.start_date,
      endDate: r.end_date,
      shortReason: r.short_reason,
      questions: r.questions,
      contact: r.contact,
      channels: JSON.parse(r.channels_json) as ConsultationChannel[],
      paragraphs: JSON.parse(r.paragraphs_json) as DraftParagraph[],
      attachments: files.map((f) => ({ name: f.name, sha256: f.sha256, size: f.size })),
      // Only when set, so an unchanged consultation hashes as before and is not put again.
      ...(r.result_item_id ? { resultItemId: r.result_item_id } : {}),
    }
    out.push({
      id: r.id,
      body,
      hash: await wireContentHash(body),
      pushed: r.pushed_hash,
      files,
      matchesNotice: await matchesApprovedNotice(db, r),
    })
  }
  return out
}

/** Told on the 同步 page when the district takes the files' names but serves no download. */
export const OLD_SERVER_ATTACHMENTS_NOTICE =
  '区级服务器版本较旧，意见征集页面只列出附件名称、不提供下载；请联系区级管理员升级服务器。'

/** The body as a server before 2026-12 takes it: attachment names only, no result item. */
const namesOnly = (body: ConsultationWire): ConsultationWire => {
  const { resultItemId: _resultItemId, ...rest } = body
  return { ...rest, attachments: body.attachments.map((a) => ({ name: a.name })) }
}

/**
 * Step 1: the files of the consultations online (period not over) and of those about to change
 * go up first (uploads.ts: one query per run, only missing files sent, progress on the 同步 page),
 * then each changed consultation is put online. A file not there yet is shown on the public page
 * as 「附件正在上传」, never as a dead link. A server that does not know the files' hashes
 * (older) gets the names only, and the officer is told.
 */
async function putConsultations(
  d: SyncExtensionDeps,
): Promise<Exclude<PhaseOutcome, { kind: 'done' }> | { kind: 'done'; notice: string | null }> {
  const today = officeToday(d.clock)
  const candidates = await consultationsToPush(d.db)
  const all = candidates.filter((c) => c.matchesNotice)
  // Told while it matters: not for a closed one the district already holds as it stands.
  const mismatched = candidates.filter(
    (c) => !c.matchesNotice && !(c.pushed === c.hash && c.body.endDate < today),
  )
  const files = new Map<string, UploadFile>()
  for (const c of all) {
    if (c.pushed === c.hash && c.body.endDate < today) continue
    for (const f of c.files) files.set(f.sha256, f)
  }
  let problem: string | null = null
  let namesOnlyServer = false
  if (files.size > 0 && d.uploadFiles) {
    const up = await d.uploadFiles([...files.values()])
    if (up.kind === 'unauthorized') return { kind: 'unauthorized' }
    if (up.kind === 'unsupported') namesOnlyServer = true
    if (up.kind === 'transient') problem = `意见征集附件尚未传完：${up.message}`
    if (up.kind === 'done' && up.failed > 0)
      problem = `意见征集附件有 ${up.failed} 个未能上传，详见同步页的文件列表`
  }
  let notice: string | null = null
  for (const c of all) {
    let body = namesOnlyServer ? namesOnly(c.body) : c.body
    let hash = namesOnlyServer ? await wireContentHash(body) : c.hash
    if (c.pushed === hash) {
      if (hash !== c.hash) notice = OLD_SERVER_ATTACHMENTS_NOTICE
      continue
    }
    let res = await d.request('PUT', `/consultations/${c.id}`, body, consultationReceiptSchema)
    if (
      res.kind === 'rejected' &&
      res.code === 'VALIDATION' &&
      (body.attachments.some((a) => a.sha256 !== undefined) || body.resultItemId !== undefined) &&
      /sha256|size|resultItemId|未知|unrecognized/i.test(res.message)
    ) {
      // A server before 2026-12 refuses the unknown fields `sha256`/`size`: names only.
      body = namesOnly(c.body)
      hash = await wireContentHash(body)
      res = await d.request('PUT', `/consultations/${c.id}`, body, consultationReceiptSchema)
    }
    if (res.kind !== 'ok') return failed(`意见征集「${c.body.title}」上线失败`, res)
    if (hash !== c.hash && c.files.length > 0) notice = OLD_SERVER_ATTACHMENTS_NOTICE
    await d.db
      .updateTable('consultations')
      .set({ pushed_hash: hash, pushed_at: d.clock().toISOString() })
      .where('id', '=', c.id)
      .execute()
  }
  if (problem) return { kind: 'transient', message: problem }
  const refused = mismatched.map((c) => noticeMismatchNotice(c.body.title))
  return { kind: 'done', notice: [...refused, notice].filter((n) => n !== null).join('\n') || null }
}

export async function syncEngagement(d: SyncExtensionDeps): Promise<ExtensionOutcome> {
  // 1. Consultations online, their files first.
  const online = await putConsultations(d)
  if (online.kind !== 'done') return online

  // 2. Comments down.
  let cursor = Number((await readValue(d.db, CURSOR_KEY)) ?? '0')
  for (let pages = 0; pages < 100; pages++) {
    const res = await d.request(
      'GET',
      `/consultations/comments?after=${cursor}&limit=500`,
      undefined,
      commentsPageSchema,
    )
    if (res.kind !== 'ok') return failed('读取公众意见失败', res)
    await receiveComments(d.db, res.body.comments, d.clock)
    cursor = res.body.next
    await writeValue(d.db, CURSOR_KEY, String(cursor))
    if (!res.body.hasMore) break
  }

  // 3. The Q&A base up.
  const entries = await listQa(d.db, d.clock)
  const pushed = new Map(
    (await d.db.selectFrom('qa_entries').select(['id', 'pushed_hash', 'deleted_at']).execute()).map(
      (r) => [r.id, r],
    ),
  )
  for (const q of entries) {
    if (q.state !== 'approved') continue
    // The policy's 发文字号 as in force (修订稿: the approved revision's).
    const [policy] = await withInForceContent(
      d.db,
      await d.db.selectFrom('items').selectAll().where('id', '=', q.policy.id).execute(),
    )
    const body: QaWire = {
      question: q.question,
      answer: q.answer,
      policyItemId: q.policy.id,
      policyTitle: q.policy.title,
      policyDocNumber: policy?.doc_number ?? '',
      interpretationItemId: q.interpretation?.id ?? null,
      interpretationTitle: q.interpretation?.title ?? null,
      keywords: q.keywords,
      validFrom: q.validFrom,
      validTo: q.validTo,
      valid: q.flag === null,
      flag: q.flag,
      reviewedBy: q.reviewedByName ?? '',
      reviewedAt: q.reviewedAt ?? '',
    }
    const hash = await wireContentHash(body)
    if (pushed.get(q.id)?.pushed_hash === hash) continue
    const res = await d.request('PUT', `/qa/${q.id}`, body, qaReceiptSchema)
    if (res.kind !== 'ok') return failed('报送政策问答失败', res)
    await d.db.updateTable('qa_entries').set({ pushed_hash: hash }).where('id', '=', q.id).execute()
  }
  // Entries the district holds that are no longer approved (edited, returned or deleted).
  const approved = new Set(entries.filter((q) => q.state === 'approved').map((q) => q.id))
  for (const [id, r] of pushed) {
    if (r.pushed_hash === null || (approved.has(id) && r.deleted_at === null)) continue
    const res = await d.request('DELETE', `/qa/${id}`, undefined, qaReceiptSchema)
    if (res.kind !== 'ok') return failed('撤下政策问答失败', res)
    await d.db.updateTable('qa_entries').set({ pushed_hash: null }).where('id', '=', id).execute()
  }
  return online.notice ? { kind: 'done', notice: online.notice } : { kind: 'done' }
}
