import type { Kysely } from 'kysely'
import type {
  ReviewDecisionView,
  ReviewQueueRow,
  ReviewQueueScope,
  ReviewStepStatus,
  ReviewStepView,
  ReviewView,
} from '../../../shared/review/types'
import type { Actor } from '../../accounts/actor'
import { localDateKey, type Clock } from '../../clock'
import type { DB } from '../../db/schema'
import { diffRevisions } from '../../items/diff'
import { isLate } from '../../items/due-date'
import { loadItemView } from '../../items/item-view'
import { loadItemRow } from '../../items/items-repo'
import { decideCheck, deciderFacts } from './access'
import { answerViews, getChecklist } from './checklist'
import { approvalNoticeOf, pairingsOf } from './pairing'
import { emptyCounts } from './scan-item'
import {
  listDecisions,
  listReviews,
  parseReview,
  summaryOf,
  type ParsedDecision,
  type ParsedReview,
} from './rows'

const DECISION_STATUS: Record<ParsedDecision['row']['decision'], ReviewStepStatus> = {
  approve: 'approved',
  return: 'returned',
  withhold: 'withheld',
  refer: 'referred',
}

function stepStatus(
  review: ParsedReview,
  index: number,
  decisions: readonly ParsedDecision[],
): ReviewStepStatus {
  const last = decisions[decisions.length - 1]
  if (last) return DECISION_STATUS[last.row.decision]
  const r = review.row
  if (r.state === 'open' && r.current_step === index) return 'current'
  if (r.state === 'cancelled') return 'cancelled'
  return 'waiting'
}

/** The steps of a review with their decisions (question texts from the version used). */
export async function stepViews(
  db: Kysely<DB>,
  review: ParsedReview,
  clock: Clock,
): Promise<ReviewStepView[]> {
  const checklist = await getChecklist(db, clock, review.row.checklist_version)
  const decisions = await listDecisions(db, review.row.id)
  return review.steps.map((step, index) => {
    const mine = decisions.filter((d) => d.row.step_index === index)
    const views: ReviewDecisionView[] = mine.map((d) => ({
      id: d.row.id,
      stepIndex: d.row.step_index,
      stepName: d.row.step_name,
      decision: d.row.decision,
      deciderId: d.row.decider_id,
      deciderName: d.row.decider_name,
      decidedAt: d.row.decided_at,
      revision: d.row.revision,
      contentHash: d.row.content_hash,
      checklist: answerViews(checklist, d.checklist),
      comments: d.comments,
      article: d.row.article,
      reason: d.row.reason,
      highReasons: d.highReasons,
      superior: d.superior,
    }))
    return {
      index,
      name: step.name,
      role: step.role,
      status: stepStatus(review, index, mine),
      decisions: views,
    }
  })
}

/** The review screen for one item (any logged-in user may read it). */
export async function loadReviewView(
  db: Kysely<DB>,
  actor: Actor,
  itemId: string,
  clock: Clock,
): Promise<ReviewView> {
  const item = await loadItemView(db, actor, itemId, clock)
  const row = await loadItemRow(db, itemId)
  const [latest, ...history] = await listReviews(db, itemId)
  const review = latest ?? null
  const checklist = await getChecklist(db, clock, review?.row.checklist_version)
  const why = decideCheck(actor, review, await deciderFacts(db, row, review, actor.id))
  let from: number | null = null
  let to = row.revision
  if (review?.row.state === 'open') {
    from = review.row.previous_revision
    to = review.row.revision
  } else if (review) {
    from = review.row.revision
  }
  const diff = from !== null && from !== to ? await diffRevisions(db, itemId, from, to) : null
  return {
    item,
    review: review ? summaryOf(review) : null,
    history: history.map(summaryOf),
    steps: review ? await stepViews(db, review, clock) : [],
    findings: review?.findings ?? [],
    checklist,
    selfCheck: review ? answerViews(checklist, review.selfCheck) : [],
    carrier: review?.row.carrier ?? null,
    channels: review?.channels ?? [],
    channelOther: review?.row.channel_other ?? null,
    diff,
    canDecide: why === null,
    cannotDecideReason: why,
    stale: review?.row.state === 'open' && review.row.content_hash !== row.content_hash,
    paired: (await pairingsOf(db, [itemId])).get(itemId) ?? [],
    approvalNotice: await approvalNoticeOf(db, row, review),
  }
}

/** Closed states listed in 已完成 (a cancelled round was voided by an edit, not decided). */
const DONE_STATES = ['approved', 'returned', 'withheld'] as const

/**
 * The review queue. `mine`: open reviews the acting user may decide now (never their own items);
 * `all`: every open review — both oldest first. `done-mine`: closed rounds the acting user
 * submitted or decided a step of; `done-all`: every closed round of the department — newest first
 * (the 审查单 can be exported again from there). Each row carries the item's due date (catalogue
 * 时限, core/items/due-date), its 政策文件 ↔ 政策解读 pair and the interpretation rule's notice.
 */
export async function reviewQueue(
  db: Kysely<DB>,
  actor: Actor,
  scope: ReviewQueueScope,
  clock: Clock,
): Promise<ReviewQueueRow[]> {
  const done = scope === 'done-mine' || scope === 'done-all'
  let query = db
    .selectFrom('reviews as r')
    .innerJoin('items as i', 'i.id', 'r.item_id')
    .leftJoin('users as u', 'u.id', 'i.author_id')
    .selectAll('r')
    .select(['i.kind as item_kind', 'i.title as item_title', 'i.status as item_status'])
    .select(['i.due_date as item_due_date', 'i.published_date as item_published_date'])
    .select('u.display_name as author_name')
  if (!done) {
    query = query.where('r.state', '=', 'open').orderBy('r.submitted_at').orderBy('r.id')
  } else {
    query = query.where('r.state', 'in', DONE_STATES)
    if (scope === 'done-mine') {
      query = query.where((eb) =>
        eb.or([
          eb('r.submitted_by', '=', actor.id),
          eb.exists(
            eb
              .selectFrom('review_decisions as d')
              .select('d.id')
              .whereRef('d.review_id', '=', 'r.id')
              .where('d.decider_id', '=', actor.id),
          ),
        ]),
      )
    }
    query = query.orderBy('r.closed_at', 'desc').orderBy('r.id', 'desc').limit(500)
  }
  const rows = await query.execute()
  const pairs = await pairingsOf(
    db,
    rows.map((r) => r.item_id),
  )
  const today = localDateKey(clock())
  const out: ReviewQueueRow[] = []
  for (const r of rows) {
    const review = parseReview(r)
    const item = await loadItemRow(db, r.item_id)
    const why = done
      ? ('not_open' as const)
      : decideCheck(actor, review, await deciderFacts(db, item, review, actor.id))
    if (scope === 'mine' && why !== null) continue
    const stepIndex = r.current_step ?? Math.max(0, review.steps.length - 1)
    const step = review.steps[stepIndex]
    const last = done ? (await listDecisions(db, r.id)).at(-1) : undefined
    out.push({
      reviewId: r.id,
      itemId: r.item_id,
      kind: r.item_kind,
      title: r.item_title,
      status: r.item_status,
      revision: r.revision,
      contentHash: r.content_hash,
      authorName: r.author_name ?? null,
      submittedAt: r.submitted_at,
      submittedByName: r.submitted_by_name,
      stepIndex,
      stepName: step?.name ?? '',
      stepRole: step?.role ?? 'reviewer',
      stepCount: review.steps.length,
      referred: r.referred === 1,
      counts: { ...emptyCounts(), ...review.counts },
      canDecide: why === null,
      cannotDecideReason: why,
      state: r.state,
      round: r.round,
      closedAt: r.closed_at,
      lastDecision: last
        ? {
            decision: last.row.decision,
            deciderName: last.row.decider_name,
            decidedAt: last.row.decided_at,
          }
        : null,
      dueDate: r.item_due_date,
      late: isLate(r.item_due_date, r.item_published_date, today),
      paired: pairs.get(r.item_id) ?? [],
      approvalNotice: done ? null : await approvalNoticeOf(db, item, review),
    })
  }
  return out
}
