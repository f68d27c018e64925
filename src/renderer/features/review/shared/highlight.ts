import type { ReviewFinding, ReviewSeverity } from '../../../../shared/review/types'
import { severityRank } from './severity'

/** A stretch of text covered by findings, most serious first. */
export interface Span {
  start: number
  end: number
  findings: ReviewFinding[]
}

/**
 * Where each finding sits in `text`. Core's offsets are into its own plain text of the source (one
 * block per line); the preview's text is built the same way, but may differ by a line break here
 * and there, so the occurrence of the finding's text nearest to core's offset is taken.
 */
export function locate(text: string, findings: ReviewFinding[]): Map<string, [number, number]> {
  const placed = new Map<string, [number, number]>()
  for (const f of findings) {
    if (!f.text) continue
    if (text.slice(f.start, f.end) === f.text) {
      placed.set(f.id, [f.start, f.end])
      continue
    }
    let best = -1
    for (let at = text.indexOf(f.text); at !== -1; at = text.indexOf(f.text, at + 1)) {
      if (best === -1 || Math.abs(at - f.start) < Math.abs(best - f.start)) best = at
    }
    if (best !== -1) placed.set(f.id, [best, best + f.text.length])
  }
  return placed
}

/** Splits the covered parts of the text into spans whose covering findings do not change. */
export function spans(findings: ReviewFinding[], placed: Map<string, [number, number]>): Span[] {
  const cuts = new Set<number>()
  for (const [s, e] of placed.values()) {
    cuts.add(s)
    cuts.add(e)
  }
  const points = [...cuts].sort((a, b) => a - b)
  const out: Span[] = []
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!
    const end = points[i + 1]!
    const covering = findings
      .filter((f) => {
        const p = placed.get(f.id)
        return p !== undefined && p[0] <= start && p[1] >= end
      })
      .sort((a, b) => severityRank(a.severity) - severityRank(b.severity))
    if (covering.length > 0) out.push({ start, end, findings: covering })
  }
  return out
}

export function topSeverity(span: Span): ReviewSeverity {
  return span.findings[0]!.severity
}

/** The DOM id of a finding's first mark, for scrolling to it. */
export function markId(prefix: string, findingId: string): string {
  return `${prefix}-${findingId.replace(/[^A-Za-z0-9_-]/g, '_')}`
}
