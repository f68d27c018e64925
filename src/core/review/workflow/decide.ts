import type { Kysely } from 'kysely'
import type { AuditAction } from '../../../shared/audit/labels'
import { REVIEW_DECISION_LABELS } from '../../../shared/review/labels'
import { auditActor, type Actor } from '../../accounts/actor'
import { appendAudit } from '../../audit/append'
import type { Clock } from '../../clock'
import type { DB } from '../../db/schema'
import type { EventBus } from '../../events/bus'
import { emitStatusChange } from '../../items/item-events'
import type { IdSource } from '../../ids'
import { loadItemRow } from '../../items/items-repo'
import { canPublish } from '../../items/publish-rule'
import { deciderFacts } from './access'
import { getChecklist } from './checklist'
import { checkDecision, Refusal, type DecideInput, type DecisionFacts } from './decide-check'
import { recordDecision } from './decide-record'
import { TRANSITIONS } from './decide-transitions'
import { loadReview } from './rows'

export type { DecideInput } from './decide-check'

/** What a refused decision's audit entry says: the action, its target, the decision and step. */
export interface RefusalAudit {
  action: Extract<AuditAction, `${string}.refused`>
  target: string
  /** The decision's Chinese label. */
  decision: string
  stepIndex: number
}

/**
 * Runs a decision's transaction; when it throws a separation-of-duties {@link Refusal}, the
 * refusal is recorded on its own after the rollback (issue 8: every refused attempt is audited) and
 * rethrown. Also the 政策问答 decision's (core/engagement/qa-review.ts, `qa.refused`).
 */
export async function auditingRefusals(
  db: Kysely<DB>,
  actor: Actor,
  clock: Clock,
  what: RefusalAudit,
  run: () => Promise<void>,
): Promise<void> {
  try {
    await run()
  } catch (e) {
    if (e instanceof Refusal) {
      await appendAudit(
        db,
        {
          actor: auditActor(actor),
          action: what.action,
          target: what.target,
          detail: {
            reason: e.reason,
            decision: what.decision,
            stepIndex: what.stepIndex,
            message: e.message,
          },
        },
        clock,
      )
    }
    throw e
  }
}

/** Reads what {@link checkDecision} checks, inside the decision's transaction. */
async function loadDecisionFacts(
  trx: Kysely<DB>,
  actor: Actor,
  input: DecideInput,
  clock: Clock,
): Promise<DecisionFacts> {
  const item = await loadItemRow(trx, input.itemId)
  const review = await loadReview(trx, input.itemId, input.reviewId)
  const decider = await deciderFacts(trx, item, review, actor.id)
  const reset = await trx
    .selectFrom('users')
    .select('password_reset_by_name')
    .where('id', '=', actor.id)
    .executeTakeFirst()
  const checklist = await getChecklist(trx, clock, review.row.checklist_version)
  const publish = input.decision === 'approve' ? await canPublish(trx, item.id, 'approve') : null
  return {
    item,
    review,
    decider,
    resetBy: reset?.password_reset_by_name ?? '',
    checklist,
    publish,
  }
}

/**
 * One decision at the review's current step, bound to the content hash the decider saw (a changed
 * item → CONFLICT 「内容已变更，请重新审查」), in one transaction: the facts are read, checked by
 * the pure `checkDecision` (decide-check.ts), recorded (decide-record.ts) and applied by the
 * decision's one transition (decide-transitions.ts): 同意公开 advances to the next step, or at the
 * final step makes the item 已通过 (approved hash, 索引号, the interpretation rule, the sync outbox,
 * the audit trail); 退回修改 → 退回修改; 不予公开 → back to 草稿 with the review closed as withheld
 * (citing the article); 报上级审查 → stays 待审查, marked 已报上级, until a leader or administrator
 * records the superior's answer as a decision.
 */
export async function decide(
  db: Kysely<DB>,
  actor: Actor,
  input: DecideInput,
  clock: Clock,
  ids: IdSource,
  events: EventBus,
): Promise<void> {
  const refusal: RefusalAudit = {
    action: 'review.refused',
    target: `item:${input.itemId}`,
    decision: REVIEW_DECISION_LABELS[input.decision],
    stepIndex: input.stepIndex,
  }
  await auditingRefusals(db, actor, clock, refusal, () =>
    db.transaction().execute(async (trx) => {
      const facts = await loadDecisionFacts(trx, actor, input, clock)
      const checked = checkDecision(actor, input, facts)
      const at = clock().toISOString()
      await recordDecision(trx, actor, input, facts, checked, at, clock, ids)
      await TRANSITIONS[input.decision]({ trx, actor, input, facts, checked, at, clock })
      await emitStatusChange(events, trx, {
        itemId: input.itemId,
        before: facts.item.status,
        actor,
        clock,
        onlyIfMoved: true,
      })
    }),
  )
}
