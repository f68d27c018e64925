import type { Kysely } from 'kysely'
import type { QaView } from '../../shared/engagement/types'
import type { ReviewChainStep, ReviewFinding, SeverityCounts } from '../../shared/review/types'
import { auditActor, type Actor } from '../accounts/actor'
import { appendAudit } from '../audit/append'
import { canonicalJson, sha256 } from '../audit/hash'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import type { QaRow } from '../db/tables/engagement'
import type { QaReviewRow } from '../db/tables/qa-review'

/**
 * The stored side of a 政策问答 review round (审核轮次, migration 0220), shared by the entry's own
 * reads and edits (qa.ts) and the chain (qa-review.ts): the content hash every decision binds, the
 * parsed round, the open rounds of a list, and the cancellation an edit causes.
 */

/**
 * sha256 over canonical JSON of what the hotline receives from the entry: question, answer, the
 * policy and interpretation it rests on, keywords and 有效期. Named fields, so nothing else (state,
 * reviewer, timestamps) can change it.
 */
export function qaContentHash(row: QaRow): string {
  return sha256(
    canonicalJson({
      v: 1,
      question: row.question,
      answer: row.answer,
      policyItemId: row.policy_item_id,
      interpretationItemId: row.interpretation_item_id,
      keywords: row.keywords,
      validFrom: row.valid_from,
      validTo: row.valid_to,
    }),
  )
}

/** Who counts as an author of the entry: its creator and whoever edited it since its last approval. */
export function qaEditorIds(row: QaRow): string[] {
  return [row.author_id, ...(JSON.parse(row.editor_ids_json) as string[])]
}

/**
 * A round with its JSON parsed, shaped as separation of duties reads a review round
 * (core/review/workflow/access.ts `DecidableRound`: a Q&A round is never referred upward).
 */
export interface ParsedQaRound {
  row: QaReviewRow & { referred: number }
  steps: ReviewChainStep[]
  findings: ReviewFinding[]
  counts: SeverityCounts
}

export function parseQaRound(row: QaReviewRow): ParsedQaRound {
  return {
    row: { ...row, referred: 0 },
    steps: JSON.parse(row.steps_json) as ReviewChainStep[],
    findings: JSON.parse(row.findings_json) as ReviewFinding[],
    counts: JSON.parse(row.counts_json) as SeverityCounts,
  }
}

/** The open round of each entry in `qaIds` (at most one per entry). */
export async function openRounds(
  db: Kysely<DB>,
  qaIds: readonly string[],
): Promise<Map<string, ParsedQaRound>> {
  if (qaIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('qa_reviews')
    .selectAll()
    .where('state', '=', 'open')
    .where('qa_id', 'in', [...qaIds])
    .execute()
  return new Map(rows.map((r) => [r.qa_id, parseQaRound(r)]))
}

/** The waiting step of an open round, as a list row shows it (第 index+1/count 步). */
export function pendingStepOf(round: ParsedQaRound | undefined): QaView['pendingStep'] {
  const index = round?.row.current_step
  const step = index === null || index === undefined ? undefined : round?.steps[index]
  if (!round || index === null || index === undefined || !step) return null
  return {
    index,
    count: round.steps.length,
    name: step.name,
    role: step.role,
    counts: round.counts,
  }
}

/**
 * An edit (or removal) of an entry under review cancels its open round in the same transaction —
 * the decisions were bound to content that no longer exists (audited `qa.cancelled`).
 */
export async function cancelOpenQaRound(
  trx: Kysely<DB>,
  actor: Actor,
  qaId: string,
  clock: Clock,
): Promise<void> {
  const open = await trx
    .selectFrom('qa_reviews')
    .select(['id', 'round'])
    .where('qa_id', '=', qaId)
    .where('state', '=', 'open')
    .executeTakeFirst()
  if (!open) return
  await trx
    .updateTable('qa_reviews')
    .set({ state: 'cancelled', current_step: null, closed_at: clock().toISOString() })
    .where('id', '=', open.id)
    .execute()
  await appendAudit(
    trx,
    {
      actor: auditActor(actor),
      action: 'qa.cancelled',
      target: `qa:${qaId}`,
      detail: { round: open.round },
    },
    clock,
  )
}
