/**
 * Plain text of sanitised body HTML, one block (paragraph, heading, list item, table row) per
 * line: for full-text search, snippets and the line diff. Regex-based on purpose — the input has
 * already been through the sanitiser, so its structure is the small allowlist, and this runs on
 * every save and for every item of the bench.
 */
const BLOCK_END = /<\/(?:p|h[1-6]|li|tr|blockquote|pre|table|ul|ol)>|<br\s*\/?>|<hr\s*\/?>/gi
const CELL_END = /<\/t[dh]>/gi
const TAG = /<[^>]*>/g

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
}

/** Decodes the entities a serialiser emits (named basics and numeric). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, code: string) => {
    if (code[0] === '#') {
      const n =
        code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : Number(code.slice(1))
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : all
    }
    return NAMED[code.toLowerCase()] ?? all
  })
}

/** Text of sanitised HTML: blocks on their own lines, cells separated by a tab, blank lines dropped. */
export function htmlToText(html: string): string {
  const text = decodeEntities(
    html
      .replace(BLOCK_END, (m) => `${m}\n`)
      .replace(CELL_END, '\t')
      .replace(TAG, ''),
  )
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0\u3000]+$/u, '').replace(/^[ \t\u00a0]+/u, ''))
    .filter((line) => line !== '')
    .join('\n')
}

/**
 * Escapes text for HTML element content and double-quoted attribute values: every value an officer
 * or a commenter typed goes through it before core writes it into a body, a notice or an SVG.
 */
export function escapeText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

/** Each non-empty line of `text` (trimmed) as an escaped `<p>`. */
export function textParagraphs(text: string): string {
  return text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => `<p>${escapeText(l)}</p>`)
    .join('')
}
