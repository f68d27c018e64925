import type { ReviewQueueRow } from '../../../../shared/review/types'

/**
 * 政策文件 and 政策解读 together: each interpretation row is moved right under its policy's row
 * when both are listed (the rest keep their order); returns which rows were moved under a policy.
 */
export function pairRows(rows: readonly ReviewQueueRow[]): {
  rows: ReviewQueueRow[]
  underPolicy: Set<string>
} {
  const listed = new Set(rows.map((r) => r.itemId))
  const policyOf = new Map<string, string>()
  for (const r of rows) {
    const policy = r.paired.find((p) => p.relation === 'policy')
    if (policy && listed.has(policy.item.id) && policy.item.id !== r.itemId) {
      policyOf.set(r.reviewId, policy.item.id)
    }
  }
  const out: ReviewQueueRow[] = []
  const underPolicy = new Set<string>()
  for (const r of rows) {
    if (policyOf.has(r.reviewId)) continue
    out.push(r)
    for (const child of rows) {
      if (policyOf.get(child.reviewId) === r.itemId && !underPolicy.has(child.reviewId)) {
        out.push(child)
        underPolicy.add(child.reviewId)
      }
    }
  }
  // An interpretation whose policy row is a closed or other-round duplicate stays listed.
  for (const r of rows) if (!out.includes(r)) out.push(r)
  return { rows: out, underPolicy }
}
