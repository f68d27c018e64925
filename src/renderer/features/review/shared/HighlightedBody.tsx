import { createElement, useMemo, type ReactNode } from 'react'
import type { ReviewFinding } from '../../../../shared/review/types'
import { locate, spans, type Span } from './highlight'
import { markText } from './HighlightedText'

/** Tags the preview renders (core's sanitiser allowlist); anything else shows only its text. */
const TAGS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'sub',
  'sup',
  'table',
  'thead',
  'tbody',
  'tr',
  'td',
  'th',
  'br',
  'hr',
  'a',
])
const BLOCK_END = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'tr', 'blockquote'])
const BLOCK_END2 = new Set(['pre', 'table', 'ul', 'ol', 'br', 'hr'])
const VOID = new Set(['br', 'hr'])

/** Text of the parsed body the way core reads it (a line per block) and each text node's offset. */
function textOf(root: Node): { text: string; offsets: Map<Node, number> } {
  const offsets = new Map<Node, number>()
  let text = ''
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      offsets.set(node, text.length)
      text += node.textContent ?? ''
      return
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return
    node.childNodes.forEach(walk)
    const tag = (node as Element).tagName.toLowerCase()
    if (BLOCK_END.has(tag) || BLOCK_END2.has(tag)) text += '\n'
    else if (tag === 'td' || tag === 'th') text += '\t'
  }
  walk(root)
  return { text, offsets }
}

/**
 * A read-only preview of sanitised body HTML with the findings marked in their severity colours
 * (built as React elements from the parsed markup: nothing is injected as HTML, links are inert).
 */
export function HighlightedBody({
  html,
  findings,
  activeId,
  onPick,
  prefix = 'body',
}: {
  html: string
  findings: ReviewFinding[]
  activeId: string | null
  onPick?: (findingId: string) => void
  prefix?: string
}) {
  const parsed = useMemo(() => {
    const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html')
    return { body: doc.body, ...textOf(doc.body) }
  }, [html])
  const all: Span[] = useMemo(
    () => spans(findings, locate(parsed.text, findings)),
    [findings, parsed.text],
  )

  const firstSeen = new Set<string>()
  const render = (node: Node, key: number): ReactNode => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.textContent ?? ''
      const offset = parsed.offsets.get(node) ?? 0
      return (
        <span key={key}>
          {markText(text, offset, all, { prefix, activeId, firstSeen, onPick })}
        </span>
      )
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return null
    const el = node as Element
    const tag = el.tagName.toLowerCase()
    const children = Array.from(el.childNodes).map(render)
    if (!TAGS.has(tag)) return <span key={key}>{children}</span>
    if (VOID.has(tag)) return createElement(tag, { key })
    if (tag === 'a') {
      return (
        <span key={key} className="dd-preview-link" title={el.getAttribute('href') ?? undefined}>
          {children}
        </span>
      )
    }
    const props: Record<string, unknown> = { key }
    if (tag === 'td' || tag === 'th') {
      const colSpan = Number(el.getAttribute('colspan'))
      const rowSpan = Number(el.getAttribute('rowspan'))
      if (colSpan > 1) props.colSpan = colSpan
      if (rowSpan > 1) props.rowSpan = rowSpan
    }
    return createElement(tag, props, ...children)
  }

  if (!html.trim()) {
    return <div className="dd-preview dd-preview-empty">（正文为空）</div>
  }
  return (
    <div className="dd-preview" aria-label="正文预览">
      {Array.from(parsed.body.childNodes).map(render)}
    </div>
  )
}

/** The title with its findings marked (offsets are into the title itself). */
export function HighlightedTitle({
  title,
  findings,
  activeId,
  onPick,
  prefix = 'title',
}: {
  title: string
  findings: ReviewFinding[]
  activeId: string | null
  onPick?: (findingId: string) => void
  prefix?: string
}) {
  const all = spans(findings, locate(title, findings))
  return <>{markText(title, 0, all, { prefix, activeId, firstSeen: new Set<string>(), onPick })}</>
}
