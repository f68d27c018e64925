import type { Selectable } from 'kysely'
import type {
  CarrierForm,
  ReviewDecision,
  ReviewSeverity,
  ReviewState,
  WithholdArticle,
} from '../../../shared/review/types'

/** `review_checklists`: one row per checklist version (questions as JSON). */
export interface ReviewChecklistsTable {
  version: number
  /** JSON ChecklistQuestion[]. */
  questions_json: string
  created_at: string
  created_by: string | null
  created_by_name: string | null
}
export type ReviewChecklistRow = Selectable<ReviewChecklistsTable>

/** `review_chains`: one row per chain version (steps as JSON). */
export interface ReviewChainsTable {
  version: number
  /** JSON ReviewChainStep[]. */
  steps_json: string
  created_at: string
  created_by: string | null
  created_by_name: string | null
}
export type ReviewChainRow = Selectable<ReviewChainsTable>

/** `review_keywords`: the department keyword list. */
export interface ReviewKeywordsTable {
  id: string
  word: string
  severity: ReviewSeverity
  note: string | null
  created_at: string
  created_by_name: string | null
}
export type ReviewKeywordRow = Selectable<ReviewKeywordsTable>

/** `reviews`: one submission (审查轮次) with its chain and findings snapshots. */
export interface ReviewsTable {
  id: string
  item_id: string
  round: number
  state: ReviewState
  referred: number
  revision: number
  content_hash: string
  /** The revision the previous submission reviewed (for the diff). */
  previous_revision: number | null
  checklist_version: number
  chain_version: number
  /** JSON ReviewChainStep[] as the chain was at submission. */
  steps_json: string
  current_step: number | null
  /** JSON ChecklistAnswerInput[]. */
  self_check_json: string
  carrier: CarrierForm
  /** JSON PublishChannel[]. */
  channels_json: string
  channel_other: string | null
  /** JSON ReviewFinding[]. */
  findings_json: string
  /** JSON SeverityCounts. */
  counts_json: string
  article: WithholdArticle | null
  submitted_by: string
  submitted_by_name: string
  submitted_at: string
  closed_at: string | null
}
export type ReviewRow = Selectable<ReviewsTable>

/** `review_decisions`: one row per decision, in order (`seq` within the review). */
export interface ReviewDecisionsTable {
  id: string
  review_id: string
  seq: number
  step_index: number
  step_name: string
  decision: ReviewDecision
  decider_id: string
  decider_name: string
  decided_at: string
  revision: number
  content_hash: string
  /** JSON ChecklistAnswerInput[]. */
  checklist_json: string
  /** JSON ReviewComment[]. */
  comments_json: string
  article: WithholdArticle | null
  reason: string | null
  /** JSON HighFindingReason[]. */
  high_reasons_json: string
  /** JSON SuperiorAnswer. */
  superior_json: string | null
}
export type ReviewDecisionRow = Selectable<ReviewDecisionsTable>
