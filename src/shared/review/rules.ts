import type { ChecklistAnswer, ChecklistQuestion, HighFindingReason, ReviewFinding } from './types'

/**
 * What stands between a review round and 同意公开 on its findings (one rule for core and the form):
 * blockers (a classification marking — never approvable), reasons that cite no finding of the round,
 * and high findings without a written reason. Core refuses on any of them (core/review/workflow
 * decide-check.ts); DecisionModal shows the same lists before the user presses the button.
 */
export interface ApprovalGaps {
  blockers: ReviewFinding[]
  /** findingIds of reasons that name no finding of this round (a stale form). */
  unknown: string[]
  /** High findings with no (non-blank) reason. */
  missing: ReviewFinding[]
}

export function approvalGaps(
  findings: readonly ReviewFinding[],
  highReasons: readonly HighFindingReason[],
): ApprovalGaps {
  const known = new Set(findings.map((f) => f.id))
  const reasoned = new Set(
    highReasons.filter((r) => r.reason.trim() !== '').map((r) => r.findingId),
  )
  return {
    blockers: findings.filter((f) => f.severity === 'blocker'),
    unknown: highReasons.filter((r) => !known.has(r.findingId)).map((r) => r.findingId),
    missing: findings.filter((f) => f.severity === 'high' && !reasoned.has(f.id)),
  }
}

/** A note is required when the answer flags a risk for that question (是 on Q1–Q7, 否 on Q8–Q11). */
export function noteRequiredFor(
  question: Pick<ChecklistQuestion, 'noteRequiredOn'>,
  answer: ChecklistAnswer | null | undefined,
): boolean {
  return !!answer && question.noteRequiredOn.includes(answer)
}

/** What a question still lacks: an answer, or the note its answer requires. */
export type ChecklistGap = 'unanswered' | 'note'

/**
 * The checklist rule for one set of answers (core's checkAnswers with `complete`, and the forms):
 * every question of the version answered, a non-blank note wherever the answer requires one.
 */
export function checklistGaps(
  questions: readonly ChecklistQuestion[],
  answers: readonly {
    questionId: string
    answer: ChecklistAnswer | null
    note?: string | undefined
  }[],
): Map<string, ChecklistGap> {
  const byId = new Map(answers.map((a) => [a.questionId, a]))
  const gaps = new Map<string, ChecklistGap>()
  for (const q of questions) {
    const a = byId.get(q.id)
    if (!a?.answer) gaps.set(q.id, 'unanswered')
    else if (noteRequiredFor(q, a.answer) && !(a.note ?? '').trim()) gaps.set(q.id, 'note')
  }
  return gaps
}
