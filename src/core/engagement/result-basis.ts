import { createHash } from 'node:crypto'
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
import type { DB } from '../db/schema'
import type { ItemRow } from '../db/tables/drafting'
import type { CommentRow, ConsultationRow } from '../db/tables/engagement'
import { chineseDate } from '../documents'
import { AppError } from '../errors'
import { escapeText } from '../html/html-text'

/**
 * What the adoption result (意见采纳情况说明) is made of and whether it still says what the
 * decisions say (713号令第十五条: the handling of opinions is explained): its text is a function of
 * the comments and their decisions; the hash of that text, stored when the result is generated,
 * tells 需更新 (a decision changed, a late comment arrived) from current. Once the result is
 * approved or public, the decisions it counted are fixed.
 */

export async function commentRows(db: Kysely<DB>, consultationId: string): Promise<CommentRow[]> {
  return db
    .selectFrom('consultation_comments')
    .selectAll()
    .where('consultation_id', '=', consultationId)
    .orderBy('received_at')
    .orderBy('id')
    .execute()
}

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
    if (r.decision === null) continue
    const key = `${r.group_id ?? r.id}|${r.decision}|${r.reason}`
    const line = lines.get(key)
    if (line) line.count++
    else
      lines.set(key, {
        sample: r.body,
        count: 1,
        paragraph: r.decision_paragraph_no ?? r.paragraph_no,
        decision: r.decision,
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

export interface ResultInput {
  draftTitle: string
  startDate: string
  endDate: string
  rows: readonly CommentRow[]
}

/**
 * The 意见采纳情况说明 as HTML: the period, how many opinions from whom by type, what was
 * adopted, and the reasons for what was not — never a commenter's name or contact (personal
 * data, domain file).
 */
export function resultHtml(input: ResultInput): string {
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

/** The hash the result is bound to: of its text as the decisions give it. */
export const resultBasisHash = (input: ResultInput) =>
  createHash('sha256').update(resultHtml(input), 'utf8').digest('hex')

/**
 * True while the result item has an approved revision in force (已通过 / 已同步, or a 修订稿 beside
 * one) and was not withdrawn (撤回): what it says of the decisions is what passed 保密审查.
 */
export const isResultLocked = (
  result: Pick<ItemRow, 'status' | 'live_revision'> | undefined,
): boolean =>
  result !== undefined &&
  result.status !== 'withdrawn' &&
  (result.status === 'approved' || result.status === 'synced' || result.live_revision !== null)

export interface ResultState {
  /** 需更新: the result no longer says what the decisions say (or comments wait for a decision). */
  stale: boolean
  /** The decisions the approved result counted may not change (see isResultLocked). */
  locked: boolean
}

/** Where the consultation's result stands against its comments (no result, or withdrawn: neither). */
export async function resultState(
  db: Kysely<DB>,
  c: Pick<ConsultationRow, 'id' | 'start_date' | 'end_date' | 'result_basis_hash'>,
  result: Pick<ItemRow, 'status' | 'live_revision'> | undefined,
  draftTitle: string,
): Promise<ResultState> {
  if (!result || result.status === 'withdrawn') return { stale: false, locked: false }
  const rows = await commentRows(db, c.id)
  const stale =
    rows.some((r) => r.decision === null) ||
    resultBasisHash({ draftTitle, startDate: c.start_date, endDate: c.end_date, rows }) !==
      c.result_basis_hash
  return { stale, locked: isResultLocked(result) }
}

/**
 * Refuses to change a comment the approved result counted (its decision or 身份): the result that
 * passed review must keep saying what the decisions say. A comment received after it (still
 * undecided) may be decided; the result then shows 需更新 and is regenerated as a 修订稿.
 */
export async function requireCommentChangeable(
  db: Kysely<DB>,
  consultation: Pick<ConsultationRow, 'result_item_id'>,
  comment: Pick<CommentRow, 'decision'>,
): Promise<boolean> {
  if (!consultation.result_item_id) return false
  const result = await db
    .selectFrom('items')
    .select(['status', 'live_revision'])
    .where('id', '=', consultation.result_item_id)
    .executeTakeFirst()
  const locked = isResultLocked(result)
  if (locked && comment.decision !== null) {
    throw new AppError(
      'CONFLICT',
      '意见采纳情况说明已审核通过，其中已处理的意见不能再修改；如确需更正，请先撤回该说明（同步 → 撤回）后重新处理并生成',
    )
  }
  return locked
}
