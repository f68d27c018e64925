import type { Kysely } from 'kysely'
import {
  COMMENT_DECISION_LABELS,
  COMMENTER_TYPE_LABELS,
  draftCitation,
} from '../../shared/engagement/labels'
import {
  COMMENT_DECISIONS,
  COMMENTER_TYPES,
  type AdoptionFigures,
  type CommentDecision,
  type CommenterType,
} from '../../shared/engagement/types'
import { auditActor, requireRole, type Actor } from '../accounts/actor'
import { appendAudit } from '../audit/append'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import type { CommentRow } from '../db/tables/engagement'
import { chineseDate } from '../documents'
import { AppError } from '../errors'
import type { EventBus } from '../events/bus'
import type { IdSource } from '../ids'
import { loadItemRow } from '../items/items-repo'
import { saveGeneratedItem } from '../items/save-item'
import { officeToday } from '../requests/office-day'
import { commentRows } from './comments'
import { loadConsultationRow } from './consultations'
import { escapeText } from '../html/html-text'

/** The adoption result's figures, counted from the decisions (what the result states). */
export function adoptionFigures(rows: readonly CommentRow[]): AdoptionFigures {
  const byType = Object.fromEntries(COMMENTER_TYPES.map((t) => [t, 0])) as Record<
    CommenterType,
    number
  >
  const byDecision = Object.fromEntries(COMMENT_DECISIONS.map((d) => [d, 0])) as Record<
    CommentDecision,
    number
  >
  const groups = new Set<string>()
  let alone = 0
  for (const r of rows) {
    byType[r.commenter_type]++
    if (r.decision) byDecision[r.decision]++
    if (r.group_id) groups.add(r.group_id)
    else alone++
  }
  return {
    total: rows.length,
    distinct: alone + groups.size,
    formLetterGroups: groups.size,
    byType,
    byDecision,
  }
}

/** One line of the result's table: a distinct opinion (a group, or one comment) and its handling. */
interface OpinionLine {
  sample: string
  count: number
  paragraph: number | null
  decision: CommentDecision
  reason: string
  revision: number | null
}

function opinionLines(rows: readonly CommentRow[]): OpinionLine[] {
  const lines = new Map<string, OpinionLine>()
  for (const r of rows) {
    const key = `${r.group_id ?? r.id}|${r.decision}|${r.reason}`
    const line = lines.get(key)
    if (line) line.count++
    else
      lines.set(key, {
        sample: r.body,
        count: 1,
        paragraph: r.decision_paragraph_no ?? r.paragraph_no,
        decision: r.decision!,
        reason: r.reason,
        revision: r.changed_revision,
      })
  }
  const order = (d: CommentDecision) => COMMENT_DECISIONS.indexOf(d)
  return [...lines.values()].sort(
    (a, b) => order(a.decision) - order(b.decision) || (a.paragraph ?? 0) - (b.paragraph ?? 0),
  )
}

/** A comment shortened for the published table (the full texts stay in the desk). */
const summary = (text: string) => {
  const t = text.replace(/\s+/g, ' ').trim()
  return t.length > 200 ? `${t.slice(0, 200)}……` : t
}

/**
 * The 意见采纳情况说明 as HTML: the period, how many opinions from whom by type, what was
 * adopted, and the reasons for what was not — never a commenter's name or contact (personal
 * data, domain file).
 */
export function resultHtml(input: {
  draftTitle: string
  startDate: string
  endDate: string
  rows: readonly CommentRow[]
}): string {
  const f = adoptionFigures(input.rows)
  const start = chineseDate(input.startDate) ?? input.startDate
  const end = chineseDate(input.endDate) ?? input.endDate
  const types = COMMENTER_TYPES.filter((t) => f.byType[t] > 0)
    .map((t) => `${COMMENTER_TYPE_LABELS[t]} ${f.byType[t]} 条`)
    .join('，')
  const decisions = COMMENT_DECISIONS.map(
    (d) => `${COMMENT_DECISION_LABELS[d]} ${f.byDecision[d]} 条`,
  ).join('，')
  const p = (t: string) => `<p>${escapeText(t)}</p>`
  if (f.total === 0) {
    return [
      p(`${start}至${end}，我单位就${draftCitation(input.draftTitle)}公开征求社会各界意见。`),
      '<h2>意见收集情况</h2>',
      p('征求意见期间未收到意见建议。'),
    ].join('')
  }
  const lines = opinionLines(input.rows)
  return [
    p(
      `${start}至${end}，我单位就${draftCitation(input.draftTitle)}公开征求社会各界意见，现将意见采纳情况说明如下。`,
    ),
    '<h2>意见收集情况</h2>',
    p(
      `征求意见期间共收到意见建议 ${f.total} 条` +
        (f.formLetterGroups > 0
          ? `，其中内容相同或相近的意见合并为 ${f.formLetterGroups} 组，归并后共 ${f.distinct} 条不同意见`
          : '') +
        `。按来源分：${types}。`,
    ),
    '<h2>意见采纳情况</h2>',
    p(`${decisions}。`),
    '<table><thead><tr><th>序号</th><th>意见建议（摘要）</th><th>涉及段落</th><th>条数</th><th>处理结果</th><th>理由及说明</th></tr></thead><tbody>',
    lines
      .map(
        (l, i) =>
          `<tr><td>${i + 1}</td><td>${escapeText(summary(l.sample))}</td><td>${l.paragraph === null ? '总体意见' : `第${l.paragraph}段`}</td><td>${l.count}</td><td>${COMMENT_DECISION_LABELS[l.decision]}</td><td>${escapeText(
            l.reason ||
              (l.revision !== null ? `已在修改稿（第 ${l.revision} 版）中采纳` : '已采纳'),
          )}</td></tr>`,
      )
      .join(''),
    '</tbody></table>',
    p('感谢社会各界对本项工作的关心和支持。'),
  ].join('')
}

export const resultTitle = (draftTitle: string) => `关于《${draftTitle}》征求意见采纳情况的说明`

/**
 * Generates the adoption result (意见采纳情况说明) as a disclosure item (类别 意见征集) from the
 * decisions — an ordinary item, so it goes through 保密审查 and sync like any other. Every comment
 * must be decided first. Run again, it refreshes the same item (a new revision). Returns its id.
 */
export async function generateResult(
  db: Kysely<DB>,
  actor: Actor,
  consultationId: string,
  clock: Clock,
  ids: IdSource,
  events: EventBus,
): Promise<string> {
  requireRole(actor, 'officer')
  const c = await loadConsultationRow(db, consultationId)
  const rows = await commentRows(db, consultationId)
  const undecided = rows.filter((r) => r.decision === null).length
  if (undecided > 0) {
    throw new AppError(
      'CONFLICT',
      `还有 ${undecided} 条意见未处理，请逐条（或按组）作出处理后再生成采纳情况说明`,
    )
  }
  if (officeToday(clock) <= c.end_date && rows.length === 0) {
    throw new AppError('CONFLICT', '征集期尚未结束且未收到意见，请在征集结束后再生成采纳情况说明')
  }
  const draft = await loadItemRow(db, c.draft_item_id)
  const fields = {
    kind: 'consultation' as const,
    title: resultTitle(draft.title),
    bodyHtml: resultHtml({
      draftTitle: draft.title,
      startDate: c.start_date,
      endDate: c.end_date,
      rows,
    }),
    issuer: draft.issuer,
    docNumber: '',
    signedDate: officeToday(clock),
    plannedPublishDate: null,
    topicId: draft.topic_id,
    genreId: null,
    catalogueEntryId: null,
  }
  const existing = c.result_item_id ? await loadItemRow(db, c.result_item_id) : null
  const itemId = await saveGeneratedItem(db, actor, existing, fields, clock, ids, events)
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('consultations')
      .set({ result_item_id: itemId, updated_at: clock().toISOString() })
      .where('id', '=', c.id)
      .execute()
    await appendAudit(
      trx,
      {
        actor: auditActor(actor),
        action: 'consultation.result',
        target: `consultation:${c.id}`,
        detail: { name: c.title, item: itemId, comments: rows.length },
      },
      clock,
    )
  })
  return itemId
}
