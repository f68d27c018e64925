import type { Selectable } from 'kysely'
import type { QaReviewState } from '../../../shared/engagement/types'

/** `qa_reviews` (migration 0220): one submission (审核轮次) of a 政策问答 entry. */
export interface QaReviewsTable {
  id: string
  qa_id: string
  round: number
  state: QaReviewState
  /** The entry's content hash when submitted; every decision is bound to it. */
  content_hash: string
  chain_version: number
  /** JSON array of ReviewChainStep: the chain the round was submitted under. */
  steps_json: string
  /** Index of the step waiting; null once the round is closed. */
  current_step: number | null
  /** JSON array of ReviewFinding (the scanner over 问题 and 答复). */
  findings_json: string
  /** JSON SeverityCounts. */
  counts_json: string
  submitted_by: string
  submitted_by_name: string | null
  submitted_at: string
  closed_at: string | null
}
export type QaReviewRow = Selectable<QaReviewsTable>

/** `qa_review_decisions` (migration 0220): one step decided in a round. */
export interface QaReviewDecisionsTable {
  id: string
  qa_review_id: string
  seq: number
  step_index: number
  step_name: string
  step_role: string
  decision: 'approve' | 'return'
  decider_id: string
  decider_name: string | null
  decided_at: string
  content_hash: string
  note: string
  /** JSON array of HighFindingReason. */
  high_reasons_json: string
}
export type QaReviewDecisionRow = Selectable<QaReviewDecisionsTable>
