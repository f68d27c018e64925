import { ALLOWED_TAGS } from '../../core/html/sanitise'

/**
 * A cheap proof that a body is already in the sanitiser's output form, so the server can store it
 * without running DOMPurify over jsdom (about 6 ms a body, the server's bottleneck at intake): the
 * body is plain paragraphs, headings, lists and quotes with inline emphasis — no attribute at all,
 * so no URL and no event handler; only tags on the app's allowlist; properly nested the way the
 * HTML parser keeps them (nothing it would close, move or insert); text without `<`, `>`, CR, NUL
 * or NBSP, and only the `&amp;` `&lt;` `&gt;` entities. Such a body is what `sanitiseHtml` returns
 * for it unchanged (a property test checks exactly that); anything else goes through the sanitiser.
 */
const INLINE = new Set(['strong', 'em', 'u', 's', 'code'])
const BLOCK = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'ul', 'ol', 'blockquote'])
const ALLOWED: ReadonlySet<string> = new Set(ALLOWED_TAGS)
const TOKEN = /<(\/?)([a-z0-9]+)>|<|>|&(?:amp|lt|gt);|&|[\r\0\u00a0]/g

/** Which children a parent keeps unchanged (`''` is the top level). */
function allowedChild(parent: string, child: string): boolean {
  if (child === 'br') return parent !== 'ul' && parent !== 'ol'
  if (parent === 'ul' || parent === 'ol') return child === 'li'
  if (child === 'li') return false
  if (INLINE.has(parent) || parent === 'p' || /^h\d$/.test(parent)) return INLINE.has(child)
  // '', li, blockquote: blocks and inline.
  return BLOCK.has(child) || INLINE.has(child)
}

/** True when `html` is certainly left unchanged by the sanitiser (see above). */
export function isPlainSafeBody(html: string): boolean {
  const stack: string[] = []
  const textOk = (parent: string) => parent !== 'ul' && parent !== 'ol'
  let last = 0
  for (const m of html.matchAll(TOKEN)) {
    const parent = stack[stack.length - 1] ?? ''
    if (m.index > last && !textOk(parent)) return false
    last = m.index + m[0].length
    const tag = m[2]
    if (tag === undefined) {
      if (m[0].startsWith('&') && m[0].length > 1) {
        if (!textOk(parent)) return false
        continue
      }
      return false // a stray <, >, &, CR, NUL or NBSP
    }
    if (!ALLOWED.has(tag) || (!INLINE.has(tag) && !BLOCK.has(tag) && tag !== 'li' && tag !== 'br'))
      return false
    if (m[1] === '/') {
      if (tag === 'br' || stack.pop() !== tag) return false
      continue
    }
    if (!allowedChild(parent, tag)) return false
    if (tag !== 'br') stack.push(tag)
  }
  if (html.length > last && !textOk(stack[stack.length - 1] ?? '')) return false
  return stack.length === 0
}
