import { decodeText } from './decode'
import { normaliseNewlines } from './txt'
import { joinSegments, type ExtractResult } from './types'

const NAMED: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  middot: '·',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  times: '×',
  copy: '©',
  reg: '®',
  emsp: ' ',
  ensp: ' ',
  thinsp: ' ',
}

/** Decodes character references: named (common set), decimal and hexadecimal. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return NAMED[ref.toLowerCase()] ?? whole
  })
}

/**
 * HTML: visible text as the body (scripts, styles and tags removed, block elements as line breaks,
 * entities decoded) and HTML comments as a separate segment — editors leave notes there.
 */
export function extractHtml(bytes: Uint8Array): ExtractResult {
  const html = normaliseNewlines(decodeText(bytes))
  const comments: string[] = []
  const body = html
    .replace(/<!--([\s\S]*?)-->/g, (_, c: string) => {
      comments.push(decodeEntities(c.trim()))
      return ''
    })
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(
      /<\/(p|div|li|tr|h[1-6]|table|section|article|header|footer|title|blockquote|pre)\s*>/gi,
      '\n',
    )
    .replace(/<\/t[dh]\s*>/gi, '\t')
    .replace(/<[^>]*>/g, '')
  const text = decodeEntities(body)
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/g, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
  return joinSegments([
    { source: 'body', label: '正文', text },
    { source: 'comment', label: 'HTML 注释', text: comments.join('\n') },
  ])
}
