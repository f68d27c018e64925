import type { Kysely } from 'kysely'
import type { ReviewDecision } from '../../../shared/review/types'
import { auditActor, type Actor } from '../../accounts/actor'
import { appendAudit } from '../../audit/append'
import type { Clock } from '../../clock'
import type { DB } from '../../db/schema'
import { assignIndexNumber } from '../../items/index-number'
import { enqueueSync } from '../../sync/outbox'
import type { CheckedDecision, DecideInput, DecisionFacts } from './decide-check'

/** What a transition of a recorded decision works with (inside the decision's transaction). */
export interface TransitionContext {
  trx: Kysely<DB>
  actor: Actor
  input: DecideInput
  facts: DecisionFacts
  checked: CheckedDecision
  at: string
  clock: Clock
}

type ClosedState = 'approved' | 'returned' | 'withheld'

/** Closes the round in `state` (the current step cleared, the referral ended). */
async function closeReview(t: TransitionContext, state: ClosedState): Promise<void> {
  await t.trx
    .updateTable('reviews')
    .set({
      state,
      referred: 0,
      current_step: null,
      closed_at: t.at,
      article: state === 'withheld' ? (t.input.article ?? null) : null,
    })
    .where('id', '=', t.facts.review.row.id)
    .execute()
}

/** The item's status after the round; the approved hash is bound only by 已通过. */
async function setItemStatus(
  t: TransitionContext,
  status: 'approved' | 'returned' | 'draft',
): Promise<void> {
  await t.trx
    .updateTable('items')
    .set({
      status,
      approved_content_hash: status === 'approved' ? t.facts.item.content_hash : null,
    })
    .where('id', '=', t.facts.item.id)
    .execute()
}

/** 报上级审查 (条例第十七条): the item stays 待审查, the round is marked 已报上级. */
async function refer(t: TransitionContext): Promise<void> {
  await t.trx
    .updateTable('reviews')
    .set({ referred: 1 })
    .where('id', '=', t.facts.review.row.id)
    .execute()
}

/** 退回修改: the round closes as returned, the item goes back to its author as 退回修改. */
async function returnForChanges(t: TransitionContext): Promise<void> {
  await closeReview(t, 'returned')
  await setItemStatus(t, 'returned')
}

/** 不予公开 (第十四/十五/十六条): the round closes as withheld, the item goes back to 草稿. */
async function withhold(t: TransitionContext): Promise<void> {
  await closeReview(t, 'withheld')
  await setItemStatus(t, 'draft')
}

/**
 * 同意公开: at a middle step the round moves to the next step (a referral ends); at the final step
 * the item becomes 已通过 — approved hash, 索引号, the sync outbox and `review.approved`.
 */
async function approve(t: TransitionContext): Promise<void> {
  const { trx, facts, checked, clock, actor } = t
  const { item, review } = facts
  if (!checked.isFinal) {
    await trx
      .updateTable('reviews')
      .set({ current_step: checked.stepIndex + 1, referred: 0 })
      .where('id', '=', review.row.id)
      .execute()
    return
  }
  await closeReview(t, 'approved')
  await setItemStatus(t, 'approved')
  const indexNumber = await assignIndexNumber(trx, item.id, clock, actor)
  await enqueueSync(
    trx,
    {
      entity: 'item',
      entityId: item.id,
      op: 'upsert',
      revision: item.revision,
      contentHash: `sha256:${item.content_hash}`,
    },
    clock,
  )
  await appendAudit(
    trx,
    {
      actor: auditActor(actor),
      action: 'review.approved',
      target: `item:${item.id}`,
      before: { status: item.status },
      after: { status: 'approved', contentHash: item.content_hash },
      detail: {
        round: review.row.round,
        revision: item.revision,
        indexNumber,
        from: item.status,
        to: 'approved',
      },
    },
    clock,
  )
}

/** One transition per decision. */
export const TRANSITIONS: Record<ReviewDecision, (t: TransitionContext) => Promise<void>> = {
  approve,
  return: returnForChanges,
  withhold,
  refer,
}
