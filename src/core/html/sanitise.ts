import createDOMPurify, { type Config, type DOMPurify } from 'dompurify'
import { JSDOM } from 'jsdom'
import { checkHtmlBounds } from './bounds'

/**
 * The body allowlist: what the editor (tiptap: headings, lists, tables, links) produces and the
 * published page may show. Everything else is dropped — no style, no event handlers, no iframes,
 * svg, math or forms — so nothing executable reaches the store or the central server.
 */
export const ALLOWED_TAGS = [
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'a',
  'strong',
  'em',
  'u',
  's',
  'br',
  'blockquote',
  'code',
  'pre',
  'hr',
] as const

const ALLOWED_ATTR = ['href', 'colspan', 'rowspan']

/** http(s) and mailto only: no javascript:, data:, vbscript:, relative or protocol-relative URLs. */
const SAFE_URL = /^(?:https?:\/\/|mailto:)/i

const CONFIG: Config = {
  ALLOWED_TAGS: [...ALLOWED_TAGS],
  ALLOWED_ATTR,
  ALLOWED_URI_REGEXP: SAFE_URL,
  // Without this DOMPurify would test these values against the URL pattern too (and drop them).
  ADD_URI_SAFE_ATTR: ['colspan', 'rowspan'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ALLOW_SELF_CLOSE_IN_ATTR: false,
  SAFE_FOR_TEMPLATES: false,
  WHOLE_DOCUMENT: false,
  KEEP_CONTENT: true,
}

/** At most this many passes to reach a fixed point (mutation-XSS defence, see sanitiseHtml). */
const MAX_PASSES = 4

let purifier: DOMPurify | undefined

/**
 * One DOMPurify over one jsdom window, built on first use: a jsdom window costs tens of
 * milliseconds, and the purifier holds no per-call state besides its hooks, set once here.
 */
function getPurifier(): DOMPurify {
  if (purifier) return purifier
  const { window } = new JSDOM('<!doctype html><html><body></body></html>')
  const p = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0])
  p.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element
    if (el.tagName === 'A') {
      const href = el.getAttribute('href')
      if (href !== null && !SAFE_URL.test(href.trim())) el.removeAttribute('href')
      if (el.hasAttribute('href')) el.setAttribute('rel', 'noopener noreferrer')
      else el.removeAttribute('rel')
    }
    for (const name of ['colspan', 'rowspan']) {
      const value = el.getAttribute(name)
      if (value === null) continue
      // Only a small positive integer: anything else is dropped rather than guessed.
      if (!/^[1-9]\d{0,2}$/.test(value.trim()) || !['TD', 'TH'].includes(el.tagName)) {
        el.removeAttribute(name)
      }
    }
  })
  // rel is added by the hook above, so it must survive the attribute filter.
  p.addHook('uponSanitizeAttribute', (node, data) => {
    if (data.attrName === 'rel' && (node as Element).tagName === 'A') data.forceKeepAttr = true
  })
  purifier = p
  return p
}

/**
 * Sanitises editor or imported HTML to the strict allowlist. Runs DOMPurify until the output no
 * longer changes (at most a few passes), so serialising and re-parsing cannot turn the result
 * into something else (mutation XSS) and sanitise(sanitise(x)) === sanitise(x).
 *
 * Refuses (AppError VALIDATION, see bounds.ts) input too large, too deeply nested, with too many
 * elements or too many unclosed tags, before building any DOM: a refusal, never an empty body.
 * Synchronous and heavy: the app calls it through the worker pool (src/core/workers).
 */
export function sanitiseHtml(html: string): string {
  checkHtmlBounds(html)
  const p = getPurifier()
  let current = html
  for (let i = 0; i < MAX_PASSES; i++) {
    const next = p.sanitize(current, CONFIG) as unknown as string
    if (next === current) return next
    current = next
  }
  // Not settled after MAX_PASSES: fall back to the text alone, which is always safe.
  return escapeText(p.sanitize(current, { ...CONFIG, ALLOWED_TAGS: [] }) as unknown as string)
}

/** Escapes text for HTML (the fallback when markup does not settle). */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
