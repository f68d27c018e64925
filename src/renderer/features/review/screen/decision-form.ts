import type { ChannelInput } from '../../../../shared/contract'
import { reviewDecideSchema } from '../../../../shared/review/schemas'
import { approvalGaps } from '../../../../shared/review/rules'
import type { ReviewDecision, ReviewView, WithholdArticle } from '../../../../shared/review/types'
import { checklistErrors, checklistInput, type ChecklistValues } from '../shared/checklist-form'

export interface CommentDraft {
  text: string
  findingId: string | null
}

/** What the decision form holds while it is being filled in. */
export interface DecisionDraft {
  checklist: ChecklistValues
  highReasons: Record<string, string>
  comments: CommentDraft[]
  article: WithholdArticle | null
  reason: string
  authority: string
  opinion: string
}

export const needsChecklist = (decision: ReviewDecision) =>
  decision === 'approve' || decision === 'withhold'

/** The `review:decide` input the form stands for, bound to the content hash the user saw. */
export function decideInput(
  data: ReviewView,
  decision: ReviewDecision,
  d: DecisionDraft,
  withChecklist = true,
): ChannelInput<'review:decide'> {
  const review = data.review!
  const highFindings = data.findings.filter((f) => f.severity === 'high')
  return {
    itemId: data.item.id,
    reviewId: review.id,
    stepIndex: review.currentStep ?? 0,
    contentHash: review.contentHash,
    decision,
    checklist:
      needsChecklist(decision) && withChecklist
        ? checklistInput(data.checklist.questions, d.checklist)
        : [],
    comments: d.comments
      .filter((c) => c.text.trim())
      .map((c) => ({ text: c.text.trim(), findingId: c.findingId })),
    ...(decision === 'withhold' && d.article ? { article: d.article } : {}),
    ...(d.reason.trim() ? { reason: d.reason.trim() } : {}),
    highReasons:
      decision === 'approve'
        ? highFindings
            .filter((f) => d.highReasons[f.id]?.trim())
            .map((f) => ({ findingId: f.id, reason: d.highReasons[f.id]!.trim() }))
        : [],
    ...(review.referred && decision !== 'refer'
      ? { superior: { authority: d.authority.trim(), opinion: d.opinion.trim() } }
      : {}),
  }
}

/** Field errors and the summary line of a decision form, from the rules themselves. */
export interface DecisionProblems {
  /** Per field path (`reason`, `article`, `comments`, `superior.authority`…): the schema's message. */
  fields: Record<string, string>
  /** Per question id: the checklist's message. */
  checklist: Record<string, string>
  /** High findings still without a written reason (the shared approvalGaps rule core applies). */
  missingReasons: Set<string>
  /** One line per problem, for the alert above the buttons. */
  summary: string[]
}

/**
 * Checks the form with the shared `reviewDecideSchema` (its refinement: 退回修改 needs a comment,
 * 不予公开 an article, 不予公开/报上级 a reason) and the shared `approvalGaps` (同意公开: a reason
 * per high finding) — the rules core applies, not a copy — plus the checklist's completeness.
 */
export function decisionProblems(
  data: ReviewView,
  decision: ReviewDecision,
  d: DecisionDraft,
): DecisionProblems {
  const checklist = needsChecklist(decision)
    ? checklistErrors(data.checklist.questions, d.checklist)
    : {}
  const fields: Record<string, string> = {}
  const summary: string[] = []
  const incomplete = Object.keys(checklist).length > 0
  if (incomplete) summary.push('请完成审查清单')
  // An unfinished checklist has no input form yet; the rest of the form is checked all the same.
  const parsed = reviewDecideSchema.safeParse(decideInput(data, decision, d, !incomplete))
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.join('.')
      if (!(key in fields)) fields[key] = issue.message
      if (!summary.includes(issue.message)) summary.push(issue.message)
    }
  }
  const gaps =
    decision === 'approve'
      ? approvalGaps(
          data.findings,
          Object.entries(d.highReasons).map(([findingId, reason]) => ({ findingId, reason })),
        )
      : null
  const missingReasons = new Set(gaps?.missing.map((f) => f.id) ?? [])
  if (missingReasons.size > 0) summary.push(`还有 ${missingReasons.size} 项高风险发现未写理由`)
  if (gaps && gaps.blockers.length > 0) summary.push('存在阻断项，不能同意公开')
  return { fields, checklist, missingReasons, summary }
}
