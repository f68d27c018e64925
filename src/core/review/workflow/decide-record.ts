import type { Kysely } from 'kysely'
import { REVIEW_DECISION_LABELS } from '../../../shared/review/labels'
import { auditActor, type Actor } from '../../accounts/actor'
import { appendAudit } from '../../audit/append'
import type { Clock } from '../../clock'
import type { DB } from '../../db/schema'
import type { IdSource } from '../../ids'
import type { CheckedDecision, DecideInput, DecisionFacts } from './decide-check'

/**
 * The record of one checked decision: its `review_decisions` row (step, decider, the revision and
 * content hash seen, answers, comments, article, reasons, the superior's answer) and the audit entry
 * `review.decide`. Written before the decision's transition, in the same transaction.
 */
export async function recordDecision(
  trx: Kysely<DB>,
  actor: Actor,
  input: DecideInput,
  facts: DecisionFacts,
  checked: CheckedDecision,
  at: string,
  clock: Clock,
  ids: IdSource,
): Promise<void> {
  const { item, review } = facts
  const seq = await trx
    .selectFrom('review_decisions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('review_id', '=', review.row.id)
    .executeTakeFirstOrThrow()
  await trx
    .insertInto('review_decisions')
    .values({
      id: ids(),
      review_id: review.row.id,
      seq: Number(seq.n) + 1,
      step_index: checked.stepIndex,
      step_name: checked.step.name,
      decision: input.decision,
      decider_id: actor.id,
      decider_name: actor.displayName,
      decided_at: at,
      revision: item.revision,
      content_hash: item.content_hash,
      checklist_json: JSON.stringify(checked.answers),
      comments_json: JSON.stringify(checked.comments),
      article: input.decision === 'withhold' ? (input.article ?? null) : null,
      reason: input.reason?.trim() || null,
      high_reasons_json: JSON.stringify(input.decision === 'approve' ? input.highReasons : []),
      superior_json: input.superior ? JSON.stringify(input.superior) : null,
    })
    .execute()
  await appendAudit(
    trx,
    {
      actor: auditActor(actor),
      action: 'review.decide',
      target: `item:${item.id}`,
      after: { contentHash: item.content_hash },
      detail: {
        round: review.row.round,
        step: checked.step.name,
        decision: REVIEW_DECISION_LABELS[input.decision],
        revision: item.revision,
        ...(input.article ? { article: input.article } : {}),
        ...(input.superior ? { from: input.superior.authority } : {}),
      },
    },
    clock,
  )
}
