import { XMLParser } from 'fast-xml-parser'

/**
 * Office XML read in document order (fast-xml-parser's `preserveOrder`): every element is
 * `{ tag: children[], ':@'?: attributes }`, text is `{ '#text': string }`. The 保密审查 text
 * extraction and the annual report checker both walk .docx bodies this way.
 */
export type XNode = Record<string, unknown>

/** The parser: attributes kept without a prefix, text neither trimmed nor typed, entities decoded. */
export const orderedXml = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  processEntities: true,
})

/** The element's tag (`w:p`), or '' for a text node. */
export function tagOf(node: XNode): string {
  for (const k of Object.keys(node)) if (k !== ':@') return k
  return ''
}

/** The element's children in order. */
export function childrenOf(node: XNode): XNode[] {
  const c = node[tagOf(node)]
  return Array.isArray(c) ? (c as XNode[]) : []
}

/** The value of attribute `name` (`w:val`), if present. */
export function attr(node: XNode, name: string): string | undefined {
  const a = node[':@'] as Record<string, unknown> | undefined
  const v = a?.[name]
  return typeof v === 'string' ? v : undefined
}

/** The first child with `tag`. */
export function child(node: XNode, tag: string): XNode | undefined {
  return childrenOf(node).find((c) => tagOf(c) === tag)
}

/** The text nodes among `nodes`, concatenated (a `w:t`'s content). */
export function textOf(nodes: XNode[]): string {
  let s = ''
  for (const n of nodes) if (typeof n['#text'] === 'string') s += n['#text']
  return s
}
