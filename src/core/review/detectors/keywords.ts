import type { Detector } from '../types'

/** Department keyword hits through the Aho–Corasick automaton: one pass whatever the list size. */
export const detectKeywords: Detector = (ctx, out) => {
  const matcher = ctx.options.keywords
  if (matcher === undefined) return
  const { text } = ctx
  const { entries, reasons } = matcher
  matcher.automaton.scan(text, (start, end, index) => {
    const entry = entries[index]
    if (entry === undefined) return
    out.push({
      kind: 'keyword',
      severity: entry.severity,
      start,
      end,
      text: entry.word,
      reason: reasons[index] as string,
    })
  })
}
