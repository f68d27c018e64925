import type { Kysely } from 'kysely'
import { FINDING_KIND_LABELS, REVIEW_DECISION_LABELS } from '../../../shared/review/labels'
import { ROLE_LABELS } from '../../../shared/accounts/labels'
import type {
  ChecklistAnswerInput,
  HighFindingReason,
  ReviewComment,
  ReviewDecision,
  ReviewFinding,
  SuperiorAnswer,
  WithholdArticle,
} from '../../../shared/review/types'
import type { Actor } from '../../accounts/actor'
import { appendAudit } from '../../audit/append'
import { localDateTimeText, type Clock } from '../../clock'
import type { DB } from '../../db/schema'
import { AppError } from '../../errors'
import type { IdSource } from '../../ids'
import { assignIndexNumber } from '../../items/index-number'
import { loadItemRow } from '../../items/items-repo'
import { canPublish } from '../../items/publish-rule'
import { enqueueSync } from '../../sync/outbox'
import { decideCheck, deciderFacts, type DeciderFacts } from './access'
import { checkAnswers, getChecklist } from './checklist'
import { loadReview, type ParsedReview } from './rows'
import { contentChanged } from './submit'
import { auditActor } from '../../accounts/actor'

export interface DecideInput {
  itemId: string
  reviewId: string
  stepIndex: number
  contentHash: string
  decision: ReviewDecision
  checklist: ChecklistAnswerInput[]
  comments: { text: string; findingId: string | null }[]
  article?: WithholdArticle | undefined
  reason?: string | undefined
  highReasons: HighFindingReason[]
  superior?: SuperiorAnswer | undefined
}

const describe = (f: ReviewFinding) =>
  `${FINDING_KIND_LABELS[f.kind]}“${f.masked ?? f.text}”（${f.sourceLabel}）`

/** A separation-of-duties refusal: FORBIDDEN with the reason code, audited by `decide`. */
class Refusal extends AppError {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super('FORBIDDEN', message)
  }
}

/** Throws the Chinese refusal for `actor` deciding `review` now, if any. */
function refuse(actor: Actor, review: ParsedReview, facts: DeciderFacts, resetBy: string): void {
  const why = decideCheck(actor, review, facts)
  if (why === null) return
  if (why === 'not_open') throw new AppError('CONFLICT', '该审查已结束或已作废，请刷新后查看')
  const step = review.steps[review.row.current_step ?? 0]
  const stepName = step?.name ?? ''
  const submitted = localDateTimeText(review.row.submitted_at)
  switch (why) {
    case 'own_item':
      throw new Refusal(why, '不能审查自己起草的信息')
    case 'decided_other_step':
      throw new Refusal(
        why,
        `您已在本轮审查中作出过其他步骤的决定；每一步须由不同的人审查，「${stepName}」请由其他${step ? ROLE_LABELS[step.role] : '审查人'}审查`,
      )
    case 'account_after_submission':
      throw new Refusal(
        why,
        `您的账号创建于 ${localDateTimeText(facts.account?.createdAt ?? '')}，晚于该条目提交审查的时间（${submitted}）；提交后新建的账号不能审查该条目，请由其他审查人审查`,
      )
    case 'password_reset_after_submission':
      throw new Refusal(
        why,
        `您的密码已于 ${localDateTimeText(facts.account?.passwordResetAt ?? '')} 由管理员${resetBy}重置，晚于该条目提交审查的时间（${submitted}）；为防止他人以您的账号审查，您不能审查该条目，请由其他审查人审查`,
      )
    case 'referred_needs_leader':
      throw new Refusal(why, '该条目已报上级审查，须由签发人或管理员登记上级答复')
    case 'wrong_role':
      throw new Refusal(
        why,
        `当前步骤「${stepName}」须由${step ? ROLE_LABELS[step.role] : ''}审查，您没有该角色`,
      )
  }
}

/** 同意公开 needs no blocker and a written reason for every high finding. */
function checkApproval(review: ParsedReview, highReasons: readonly HighFindingReason[]): void {
  const blockers = review.findings.filter((f) => f.severity === 'blocker')
  if (blockers.length > 0) {
    throw new AppError(
      'CONFLICT',
      `存在未解决的阻断项：${blockers.map(describe).join('；')}。不能同意公开，请退回修改或不予公开`,
      { findingIds: blockers.map((f) => f.id) },
    )
  }
  const known = new Set(review.findings.map((f) => f.id))
  const unknown = highReasons.filter((r) => !known.has(r.findingId))
  if (unknown.length > 0) {
    throw new AppError('VALIDATION', '理由所对应的发现不存在，请刷新后重填', {
      findingIds: unknown.map((r) => r.findingId),
    })
  }
  const reasoned = new Set(
    highReasons.filter((r) => r.reason.trim() !== '').map((r) => r.findingId),
  )
  const missing = review.findings.filter((f) => f.severity === 'high' && !reasoned.has(f.id))
  if (missing.length > 0) {
    throw new AppError(
      'VALIDATION',
      `以下高风险发现须逐条填写同意公开的理由：${missing.map(describe).join('；')}`,
      { findingIds: missing.map((f) => f.id) },
    )
  }
}

/**
 * One decision at the review's current step, bound to the content hash the decider saw (a changed
 * item → CONFLICT 「内容已变更，请重新审查」). 同意公开 advances to the next step; at the final step
 * the item becomes 已通过 in this one transaction: approved hash, 索引号, the interpretation rule,
 * the sync outbox and the audit trail. 退回修改 → 退回修改; 不予公开 → back to 草稿 with the
 * review closed as withheld (citing the article); 报上级审查 → stays 待审查, marked 已报上级, until
 * a leader or administrator records the superior's answer as a decision.
 */
export async function decide(
  db: Kysely<DB>,
  actor: Actor,
  input: DecideInput,
  clock: Clock,
  ids: IdSource,
): Promise<void> {
  try {
    await decideInTransaction(db, actor, input, clock, ids)
  } catch (e) {
    // The decision's transaction rolled back; the refusal is recorded on its own (issue 8: every
    // refused attempt at separation of duties is audited).
    if (e instanceof Refusal) {
      await appendAudit(
        db,
        {
          actor: auditActor(actor),
          action: 'review.refused',
          target: `item:${input.itemId}`,
          detail: {
            reason: e.reason,
            decision: REVIEW_DECISION_LABELS[input.decision],
            stepIndex: input.stepIndex,
            message: e.message,
          },
        },
        clock,
      )
    }
    throw e
  }
}

async function decideInTransaction(
  db: Kysely<DB>,
  actor: Actor,
  input: DecideInput,
  clock: Clock,
  ids: IdSource,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const item = await loadItemRow(trx, input.itemId)
    const review = await loadReview(trx, input.itemId, input.reviewId)
    if (review.row.state !== 'open') {
      throw new AppError('CONFLICT', '该审查已结束或已作废，请刷新后查看')
    }
    if (input.contentHash !== item.content_hash || item.content_hash !== review.row.content_hash) {
      throw contentChanged()
    }
    const facts = await deciderFacts(trx, item, review, actor.id)
    const resetBy = await trx
      .selectFrom('users')
      .select('password_reset_by_name')
      .where('id', '=', actor.id)
      .executeTakeFirst()
    refuse(actor, review, facts, resetBy?.password_reset_by_name ?? '')
    const stepIndex = review.row.current_step ?? 0
    if (input.stepIndex !== stepIndex) {
      throw new AppError('CONFLICT', '审查已进入其他步骤，请刷新后重新审查')
    }
    const step = review.steps[stepIndex]
    if (!step) throw new Error(`review ${review.row.id} has no step ${stepIndex}`)
    const referred = review.row.referred === 1
    if (referred && input.decision === 'refer') {
      throw new AppError('CONFLICT', '该条目已报上级审查，请登记上级答复（同意、退回或不予公开）')
    }
    if (referred && !input.superior) {
      throw new AppError('VALIDATION', '请登记上级机关及其答复意见')
    }
    if (!referred && input.superior) {
      throw new AppError('VALIDATION', '该条目未报上级审查，无需登记上级答复')
    }
    const checklist = await getChecklist(trx, clock, review.row.checklist_version)
    const complete = input.decision === 'approve' || input.decision === 'withhold'
    const answers = checkAnswers(checklist, input.checklist, complete)
    const findingIds = new Set(review.findings.map((f) => f.id))
    const comments: ReviewComment[] = input.comments.map((c) => ({
      text: c.text.trim(),
      findingId: c.findingId,
    }))
    if (comments.some((c) => c.findingId !== null && !findingIds.has(c.findingId))) {
      throw new AppError('VALIDATION', '意见所对应的发现不存在，请刷新后重填')
    }
    if (input.decision === 'approve') checkApproval(review, input.highReasons)
    const isFinal = stepIndex === review.steps.length - 1

    // The interpretation rule, before anything is written.
    if (input.decision === 'approve' && isFinal) {
      const check = await canPublish(trx, item.id, 'approve')
      if (!check.ok) throw new AppError('CONFLICT', check.reasons.join('；'))
    }

    const at = clock().toISOString()
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
        step_index: stepIndex,
        step_name: step.name,
        decision: input.decision,
        decider_id: actor.id,
        decider_name: actor.displayName,
        decided_at: at,
        revision: item.revision,
        content_hash: item.content_hash,
        checklist_json: JSON.stringify(answers),
        comments_json: JSON.stringify(comments),
        article: input.decision === 'withhold' ? (input.article ?? null) : null,
        reason: input.reason?.trim() || null,
        high_reasons_json: JSON.stringify(input.decision === 'approve' ? input.highReasons : []),
        superior_json: input.superior ? JSON.stringify(input.superior) : null,
      })
      .execute()

    const actorRef = auditActor(actor)
    const target = `item:${item.id}`
    await appendAudit(
      trx,
      {
        actor: actorRef,
        action: 'review.decide',
        target,
        after: { contentHash: item.content_hash },
        detail: {
          round: review.row.round,
          step: step.name,
          decision: REVIEW_DECISION_LABELS[input.decision],
          revision: item.revision,
          ...(input.article ? { article: input.article } : {}),
          ...(input.superior ? { from: input.superior.authority } : {}),
        },
      },
      clock,
    )

    const close = (state: 'approved' | 'returned' | 'withheld') =>
      trx
        .updateTable('reviews')
        .set({
          state,
          referred: 0,
          current_step: null,
          closed_at: at,
          article: state === 'withheld' ? (input.article ?? null) : null,
        })
        .where('id', '=', review.row.id)
        .execute()
    const setStatus = (status: 'approved' | 'returned' | 'draft') =>
      trx
        .updateTable('items')
        .set({
          status,
          approved_content_hash: status === 'approved' ? item.content_hash : null,
        })
        .where('id', '=', item.id)
        .execute()

    switch (input.decision) {
      case 'refer':
        await trx
          .updateTable('reviews')
          .set({ referred: 1 })
          .where('id', '=', review.row.id)
          .execute()
        return
      case 'return':
        await close('returned')
        await setStatus('returned')
        return
      case 'withhold':
        await close('withheld')
        await setStatus('draft')
        return
      case 'approve':
        if (!isFinal) {
          await trx
            .updateTable('reviews')
            .set({ current_step: stepIndex + 1, referred: 0 })
            .where('id', '=', review.row.id)
            .execute()
          return
        }
        await close('approved')
        await setStatus('approved')
        {
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
              actor: actorRef,
              action: 'review.approved',
              target,
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
        return
    }
  })
}
