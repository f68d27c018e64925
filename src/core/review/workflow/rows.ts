import type { Kysely } from 'kysely'
import type {
  ChecklistAnswerInput,
  HighFindingReason,
  PublishChannel,
  ReviewChainStep,
  ReviewComment,
  ReviewFinding,
  ReviewSummary,
  SeverityCounts,
  SuperiorAnswer,
} from '../../../shared/review/types'
import type { DB } from '../../db/schema'
import type { ReviewDecisionRow, ReviewRow } from '../../db/tables/review'
import { AppError } from '../../errors'

/** JSON columns of a review row, parsed. */
export interface ParsedReview {
  row: ReviewRow
  steps: ReviewChainStep[]
  selfCheck: ChecklistAnswerInput[]
  channels: PublishChannel[]
  findings: ReviewFinding[]
  counts: SeverityCounts
}

export function parseReview(row: ReviewRow): ParsedReview {
  return {
    row,
    steps: JSON.parse(row.steps_json) as ReviewChainStep[],
    selfCheck: JSON.parse(row.self_check_json) as ChecklistAnswerInput[],
    channels: JSON.parse(row.channels_json) as PublishChannel[],
    findings: JSON.parse(row.findings_json) as ReviewFinding[],
    counts: JSON.parse(row.counts_json) as SeverityCounts,
  }
}

export interface ParsedDecision {
  row: ReviewDecisionRow
  checklist: ChecklistAnswerInput[]
  comments: ReviewComment[]
  highReasons: HighFindingReason[]
  superior: SuperiorAnswer | null
}

export function parseDecision(row: ReviewDecisionRow): ParsedDecision {
  return {
    row,
    checklist: JSON.parse(row.checklist_json) as ChecklistAnswerInput[],
    comments: JSON.parse(row.comments_json) as ReviewComment[],
    highReasons: JSON.parse(row.high_reasons_json) as HighFindingReason[],
    superior: row.superior_json ? (JSON.parse(row.superior_json) as SuperiorAnswer) : null,
  }
}

export function summaryOf(p: ParsedReview): ReviewSummary {
  const r = p.row
  return {
    id: r.id,
    itemId: r.item_id,
    round: r.round,
    state: r.state,
    referred: r.referred === 1,
    revision: r.revision,
    contentHash: r.content_hash,
    checklistVersion: r.checklist_version,
    submittedAt: r.submitted_at,
    submittedById: r.submitted_by,
    submittedByName: r.submitted_by_name,
    currentStep: r.current_step,
    closedAt: r.closed_at,
    article: r.article,
    counts: p.counts,
  }
}

/** The item's submissions, newest first. */
export async function listReviews(db: Kysely<DB>, itemId: string): Promise<ParsedReview[]> {
  const rows = await db
    .selectFrom('reviews')
    .selectAll()
    .where('item_id', '=', itemId)
    .orderBy('round', 'desc')
    .execute()
  return rows.map(parseReview)
}

/** One review of one item, or NOT_FOUND. */
export async function loadReview(
  db: Kysely<DB>,
  itemId: string,
  reviewId: string,
): Promise<ParsedReview> {
  const row = await db
    .selectFrom('reviews')
    .selectAll()
    .where('id', '=', reviewId)
    .where('item_id', '=', itemId)
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', '审查记录不存在，请刷新后重试')
  return parseReview(row)
}

/** A review's decisions in order. */
export async function listDecisions(db: Kysely<DB>, reviewId: string): Promise<ParsedDecision[]> {
  const rows = await db
    .selectFrom('review_decisions')
    .selectAll()
    .where('review_id', '=', reviewId)
    .orderBy('seq')
    .execute()
  return rows.map(parseDecision)
}
