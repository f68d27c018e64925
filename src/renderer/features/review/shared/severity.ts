import {
  REVIEW_SEVERITIES,
  type ReviewFinding,
  type ReviewSeverity,
  type SeverityCounts,
} from '../../../../shared/review/types'

/** 阻断 red, 高 orange, 警告 yellow, 提示 grey — the same everywhere findings are shown. */
export const SEVERITY_COLORS: Record<ReviewSeverity, string> = {
  blocker: 'red',
  high: 'orange',
  warn: 'yellow',
  info: 'gray',
}

const RANK: Record<ReviewSeverity, number> = { blocker: 0, high: 1, warn: 2, info: 3 }

/** Most serious first, then in document order. */
export function bySeverity(a: ReviewFinding, b: ReviewFinding): number {
  return RANK[a.severity] - RANK[b.severity] || a.start - b.start
}

export function severityRank(s: ReviewSeverity): number {
  return RANK[s]
}

export function countFindings(findings: ReviewFinding[]): SeverityCounts {
  const counts: SeverityCounts = { blocker: 0, high: 0, warn: 0, info: 0 }
  for (const f of findings) counts[f.severity]++
  return counts
}

export const SEVERITY_ORDER = REVIEW_SEVERITIES
