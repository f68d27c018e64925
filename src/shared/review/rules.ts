import type { HighFindingReason, ReviewFinding } from './types'

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
