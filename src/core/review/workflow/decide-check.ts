import { FINDING_KIND_LABELS } from '../../../shared/review/labels'
import { ROLE_LABELS } from '../../../shared/accounts/labels'
import { approvalGaps } from '../../../shared/review/rules'
import type {
  ChecklistAnswerInput,
  ChecklistVersion,
  HighFindingReason,
  ReviewChainStep,
  ReviewComment,
  ReviewDecision,
  ReviewFinding,
  SuperiorAnswer,
  WithholdArticle,
} from '../../../shared/review/types'
import type { Actor } from '../../accounts/actor'
import { localDateTimeText } from '../../clock'
import type { ItemRow } from '../../db/tables/drafting'
import { AppError } from '../../errors'
import type { PublishCheck } from '../../items/publish-rule'
import { decideCheck, type DecidableRound, type DeciderFacts } from './access'
import { checkAnswers } from './checklist'
import type { ParsedReview } from './rows'
import { contentChanged } from './submit'

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

/** Everything a decision is checked against, read from the store in the decision's transaction. */
export interface DecisionFacts {
  item: ItemRow
  review: ParsedReview
  decider: DeciderFacts
  /** Who reset the decider's password, for the refusal's message. */
  resetBy: string
  /** The checklist version the review uses. */
  checklist: ChecklistVersion
  /** The interpretation rule (canPublish 'approve'), read for 同意公开; null for other decisions. */
  publish: PublishCheck | null
}

/** What the check established: the step decided and the cleaned answers and comments. */
export interface CheckedDecision {
  stepIndex: number
  step: ReviewChainStep
  isFinal: boolean
  answers: ChecklistAnswerInput[]
  comments: ReviewComment[]
}

const describe = (f: ReviewFinding) =>
  `${FINDING_KIND_LABELS[f.kind]}“${f.masked ?? f.text}”（${f.sourceLabel}）`

/** A separation-of-duties refusal: FORBIDDEN with the reason code, audited by `decide`. */
export class Refusal extends AppError {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super('FORBIDDEN', message)
  }
}

/**
 * Throws the Chinese refusal for `actor` deciding `review` now, if any (also the 政策问答 round's
 * check, core/engagement/qa-review.ts).
 */
export function refuse(
  actor: Actor,
  review: DecidableRound,
  facts: DeciderFacts,
  resetBy: string,
): void {
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

/**
 * 同意公开 needs no blocker and a written reason for every high finding (shared approvalGaps); also
 * the 政策问答 round's approval (core/engagement/qa-review.ts).
 */
export function checkApproval(
  review: { findings: readonly ReviewFinding[] },
  highReasons: readonly HighFindingReason[],
): void {
  const gaps = approvalGaps(review.findings, highReasons)
  if (gaps.blockers.length > 0) {
    throw new AppError(
      'CONFLICT',
      `存在未解决的阻断项：${gaps.blockers.map(describe).join('；')}。不能同意公开，请退回修改或不予公开`,
      { findingIds: gaps.blockers.map((f) => f.id) },
    )
  }
  if (gaps.unknown.length > 0) {
    throw new AppError('VALIDATION', '理由所对应的发现不存在，请刷新后重填', {
      findingIds: gaps.unknown,
    })
  }
  if (gaps.missing.length > 0) {
    throw new AppError(
      'VALIDATION',
      `以下高风险发现须逐条填写同意公开的理由：${gaps.missing.map(describe).join('；')}`,
      { findingIds: gaps.missing.map((f) => f.id) },
    )
  }
}

/**
 * The pure check of one decision against the facts (no store access): the review is open and bound
 * to the content the decider saw, separation of duties (refusals as {@link Refusal}), the current
 * step, the referral rules, the checklist (complete for 同意公开/不予公开), comments citing findings
 * of the round, 同意公开's blockers and high-finding reasons, and — at the final step — the
 * interpretation rule (a 政策解读 not before its policy). Throws the Chinese AppError; returns what
 * the record and the transition need.
 */
export function checkDecision(
  actor: Actor,
  input: DecideInput,
  facts: DecisionFacts,
): CheckedDecision {
  const { item, review } = facts
  if (review.row.state !== 'open') {
    throw new AppError('CONFLICT', '该审查已结束或已作废，请刷新后查看')
  }
  if (input.contentHash !== item.content_hash || item.content_hash !== review.row.content_hash) {
    throw contentChanged()
  }
  refuse(actor, review, facts.decider, facts.resetBy)
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
  const complete = input.decision === 'approve' || input.decision === 'withhold'
  const answers = checkAnswers(facts.checklist, input.checklist, complete)
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
  if (input.decision === 'approve' && isFinal && facts.publish && !facts.publish.ok) {
    throw new AppError('CONFLICT', facts.publish.reasons.join('；'))
  }
  return { stepIndex, step, isFinal, answers, comments }
}
