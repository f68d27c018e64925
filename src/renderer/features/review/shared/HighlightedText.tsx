import { Fragment, type ReactNode } from 'react'
import type { ReviewFinding } from '../../../../shared/review/types'
import { FINDING_KIND_LABELS, SEVERITY_LABELS } from '../../../../shared/review/labels'
import { markId, topSeverity, type Span } from './highlight'

/** Marks for one stretch of text `[offset, offset + text.length)` given the spans over the whole. */
export function markText(
  text: string,
  offset: number,
  all: Span[],
  opts: {
    prefix: string
    activeId: string | null
    firstSeen: Set<string>
    onPick?: (id: string) => void
  },
): ReactNode {
  const end = offset + text.length
  const inside = all.filter((s) => s.end > offset && s.start < end)
  if (inside.length === 0) return text
  const parts: ReactNode[] = []
  let at = offset
  for (const s of inside) {
    const from = Math.max(s.start, offset)
    const to = Math.min(s.end, end)
    if (from > at) parts.push(text.slice(at - offset, from - offset))
    const top = s.findings[0]!
    const anchor = s.findings.find((f) => !opts.firstSeen.has(f.id))
    const ids = s.findings.map((f) => f.id)
    for (const f of s.findings) opts.firstSeen.add(f.id)
    parts.push(
      <mark
        key={`${from}-${to}`}
        id={anchor ? markId(opts.prefix, anchor.id) : undefined}
        className="dd-finding"
        data-severity={topSeverity(s)}
        data-active={ids.includes(opts.activeId ?? '') || undefined}
        data-finding-ids={ids.join(' ')}
        title={s.findings
          .map(
            (f) => `${SEVERITY_LABELS[f.severity]} · ${FINDING_KIND_LABELS[f.kind]}：${f.reason}`,
          )
          .join('\n')}
        onClick={opts.onPick ? () => opts.onPick?.(top.id) : undefined}
      >
        {text.slice(from - offset, to - offset)}
      </mark>,
    )
    at = to
  }
  if (at < end) parts.push(text.slice(at - offset))
  return (
    <>
      {parts.map((p, i) => (
        <Fragment key={i}>{p}</Fragment>
      ))}
    </>
  )
}

/** A finding's context line with its matched text marked (attachments, metadata). */
export function ContextLine({ finding }: { finding: ReviewFinding }) {
  const ctx = finding.context || finding.text
  const at = ctx.indexOf(finding.text)
  if (at === -1 || !finding.text) return <>{ctx}</>
  return (
    <>
      {ctx.slice(0, at)}
      <mark className="dd-finding" data-severity={finding.severity}>
        {finding.text}
      </mark>
      {ctx.slice(at + finding.text.length)}
    </>
  )
}
