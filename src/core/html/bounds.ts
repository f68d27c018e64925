import { AppError } from '../errors'

/**
 * Bounds of what the sanitiser will parse (issue 8, point 7). jsdom + DOMPurify on pathological
 * markup ran the Electron main process out of memory (3.6 M characters of unclosed links: the
 * parser's repair of each one costs more the more came before) or took a minute and then stored
 * an empty body (100k nested blockquotes: DOMPurify drops everything nested deeper than 255).
 * A linear pre-scan over the raw text refuses such input with a clear Chinese message before any
 * DOM is built. It approximates the HTML parser (void elements, raw-text elements, implied end
 * tags, the `<a>` and misnesting repairs) closely enough for bounds; it is not a security check —
 * the sanitiser still decides what is kept.
 */
export const HTML_BOUNDS = {
  /** Characters of input (the item schema's limit, 条目正文). */
  maxChars: 5_000_000,
  /** Elements open inside one another; below DOMPurify's own cut at 255. */
  maxDepth: 128,
  /** Elements in all: a 16,000-row table of 14 columns still fits. */
  maxElements: 250_000,
  /** Places the parser must repair: an `<a>` inside an open `<a>`, an end tag that closes others. */
  maxRepairs: 2_000,
}

export type HtmlBounds = typeof HTML_BOUNDS

/** What the pre-scan found (also for tests and the bench). */
export interface HtmlShape {
  chars: number
  elements: number
  depth: number
  repairs: number
}

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'keygen',
])

/** Elements whose content is text up to their own end tag. */
const RAW_TEXT = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
])

/** Start tags that close an open `<p>` (the parser's "close a p element"). */
const CLOSES_P = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'details',
  'div',
  'dl',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'ul',
])

/** For a start tag, the open elements it implicitly closes, up to (not past) the boundary. */
const IMPLIED: Record<string, { closes: string[]; stopAt: string[] }> = {
  li: { closes: ['li'], stopAt: ['ul', 'ol', 'menu'] },
  dt: { closes: ['dt', 'dd'], stopAt: ['dl'] },
  dd: { closes: ['dt', 'dd'], stopAt: ['dl'] },
  td: { closes: ['td', 'th'], stopAt: ['tr', 'table'] },
  th: { closes: ['td', 'th'], stopAt: ['tr', 'table'] },
  tr: { closes: ['tr', 'td', 'th'], stopAt: ['tbody', 'thead', 'tfoot', 'table'] },
  tbody: { closes: ['tbody', 'thead', 'tfoot', 'tr', 'td', 'th'], stopAt: ['table'] },
  thead: { closes: ['tbody', 'thead', 'tfoot', 'tr', 'td', 'th'], stopAt: ['table'] },
  tfoot: { closes: ['tbody', 'thead', 'tfoot', 'tr', 'td', 'th'], stopAt: ['table'] },
  option: { closes: ['option'], stopAt: ['select', 'datalist'] },
}

const TAG = /<(\/?)([a-zA-Z][^\s/>]*)[^>]*>|<!--/g

/** Measures `html` in one pass (no DOM). Stops early once a bound is passed. */
export function measureHtml(html: string, bounds: HtmlBounds = HTML_BOUNDS): HtmlShape {
  const shape: HtmlShape = { chars: html.length, elements: 0, depth: 0, repairs: 0 }
  if (html.length > bounds.maxChars) return shape
  const stack: string[] = []
  const close = (index: number) => {
    stack.length = index
  }
  const lastIndexOf = (name: string, stopAt: string[] = []) => {
    for (let i = stack.length - 1; i >= 0; i--) {
      if (stack[i] === name) return i
      if (stopAt.includes(stack[i]!)) return -1
    }
    return -1
  }
  TAG.lastIndex = 0
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    if (m[0] === '<!--') {
      const end = html.indexOf('-->', TAG.lastIndex)
      TAG.lastIndex = end < 0 ? html.length : end + 3
      continue
    }
    const name = m[2]!.toLowerCase()
    if (m[1]) {
      // An end tag: closes its element and everything opened after it (a repair unless on top).
      const at = lastIndexOf(name)
      if (at < 0) continue
      if (at !== stack.length - 1) shape.repairs++
      close(at)
    } else {
      shape.elements++
      if (CLOSES_P.has(name)) {
        const p = lastIndexOf('p', ['table', 'td', 'th', 'li', 'blockquote', 'div'])
        if (p >= 0) close(p)
      }
      const implied = IMPLIED[name]
      if (implied) {
        for (const other of implied.closes) {
          const at = lastIndexOf(other, implied.stopAt)
          if (at >= 0) {
            close(at)
            break
          }
        }
      }
      if (name === 'a') {
        // An <a> inside an open <a>: the parser runs its adoption agency and closes the first.
        const open = lastIndexOf('a', ['table', 'td', 'th'])
        if (open >= 0) {
          shape.repairs++
          close(open)
        }
      }
      if (RAW_TEXT.has(name)) {
        const endTag = new RegExp(`</${name}`, 'gi')
        endTag.lastIndex = TAG.lastIndex
        const end = endTag.exec(html)
        TAG.lastIndex = end ? end.index : html.length
        continue
      }
      if (!VOID.has(name) && !m[0].endsWith('/>')) {
        stack.push(name)
        if (stack.length > shape.depth) shape.depth = stack.length
      }
    }
    if (
      shape.depth > bounds.maxDepth ||
      shape.elements > bounds.maxElements ||
      shape.repairs > bounds.maxRepairs
    ) {
      break
    }
  }
  return shape
}

const wan = (n: number) => (n >= 10_000 ? `${n / 10_000} 万` : String(n))

/**
 * Refuses HTML the sanitiser must not be given, with a Chinese message that says what to do.
 * Nothing is stored or changed: the caller's save fails and the editor keeps the text.
 */
export function checkHtmlBounds(html: string, bounds: HtmlBounds = HTML_BOUNDS): HtmlShape {
  if (html.length > bounds.maxChars) {
    throw new AppError(
      'VALIDATION',
      `正文过长（超过 ${wan(bounds.maxChars)}字符），无法保存。请拆分为多个条目，或把大段内容改为附件后重试。`,
    )
  }
  const shape = measureHtml(html, bounds)
  if (shape.depth > bounds.maxDepth) {
    throw new AppError(
      'VALIDATION',
      `正文结构过于复杂（嵌套超过 ${bounds.maxDepth} 层），无法安全处理，未作任何更改。请简化后重试：减少层层嵌套的引用、列表或表格。`,
      { depth: shape.depth },
    )
  }
  if (shape.elements > bounds.maxElements) {
    throw new AppError(
      'VALIDATION',
      `正文结构过于复杂（超过 ${wan(bounds.maxElements)}个元素），无法安全处理，未作任何更改。请简化后重试：把大表格拆分或改为附件。`,
      { elements: shape.elements },
    )
  }
  if (shape.repairs > bounds.maxRepairs) {
    throw new AppError(
      'VALIDATION',
      `正文结构过于复杂（超过 ${bounds.maxRepairs} 处未闭合或错位的标记，例如未闭合的链接），无法安全处理，未作任何更改。请简化后重试：重新粘贴为纯文本或从原文件重新导入。`,
      { repairs: shape.repairs },
    )
  }
  return shape
}
