import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src/core/errors'
import { checkHtmlBounds, HTML_BOUNDS, measureHtml } from '../../../src/core/html/bounds'
import { sanitiseHtml } from '../../../src/core/html/sanitise'
import { bigTable } from './fixtures'

/**
 * Issue 8, point 7: pathological bodies are refused by structure, before any DOM is built —
 * never an out-of-memory crash and never a silently emptied body. Outcomes are asserted; the only
 * timing is each test's own generous ceiling (vitest's timeout), as the issue allows.
 */

/** 3.6 M characters of unclosed links (inside the 5 MB body limit): ran the app out of memory. */
function unclosedLinks(): string {
  const unit = '<a href="https://www.gov.cn/zhengce/">相关链接'
  return unit.repeat(Math.floor(3_600_000 / unit.length))
}

/** 100k nested blockquotes: took 62 s and then stored an empty body. */
const nestedQuotes = () => '<blockquote>'.repeat(100_000) + '深' + '</blockquote>'.repeat(100_000)

function refusal(fn: () => unknown): AppError {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(AppError)
    return e as AppError
  }
  throw new Error('expected a refusal')
}

describe('sanitiser bounds (issue 8, point 7)', () => {
  it('refuses 3.6 M characters of unclosed links by structure, with a Chinese message', () => {
    const html = unclosedLinks()
    expect(html.length).toBeGreaterThan(3_500_000)
    expect(html.length).toBeLessThan(HTML_BOUNDS.maxChars)
    const shape = measureHtml(html)
    // The scan stops at the first bound passed: it never walks (let alone parses) the rest.
    expect(shape.repairs).toBe(HTML_BOUNDS.maxRepairs + 1)
    expect(shape.elements).toBeLessThan(HTML_BOUNDS.maxRepairs + 10)
    const e = refusal(() => sanitiseHtml(html))
    expect(e.code).toBe('VALIDATION')
    expect(e.message).toMatch(/^正文结构过于复杂（超过 2000 处未闭合或错位的标记.*请简化后重试/)
  }, 15_000)

  it('refuses 100k nested blockquotes (「嵌套超过 128 层」) instead of storing an empty body', () => {
    const html = nestedQuotes()
    expect(measureHtml(html).depth).toBe(HTML_BOUNDS.maxDepth + 1)
    const e = refusal(() => sanitiseHtml(html))
    expect(e.code).toBe('VALIDATION')
    expect(e.message).toMatch(/^正文结构过于复杂（嵌套超过 128 层）.*请简化后重试/)
    expect(e.details).toEqual({ depth: 129 })
  }, 15_000)

  it('keeps a 16,000-row table whole (every row, in order)', () => {
    const html = bigTable()
    const shape = checkHtmlBounds(html)
    expect(shape).toMatchObject({ elements: 16_000 * 5 + 2, depth: 4, repairs: 0 })
    const clean = sanitiseHtml(html)
    expect(clean).toBe(html)
    expect(clean.match(/<tr>/g)).toHaveLength(16_000)
    expect(clean).toContain('<td>16000</td><td>区政务公开办第16000号</td>')
  }, 60_000)

  it('refuses input over the size limit and too many elements, and keeps ordinary nesting', () => {
    expect(refusal(() => sanitiseHtml('x'.repeat(HTML_BOUNDS.maxChars + 1))).message).toMatch(
      /^正文过长（超过 500 万字符）/,
    )
    const many = '<br>'.repeat(HTML_BOUNDS.maxElements + 1)
    expect(refusal(() => checkHtmlBounds(many)).message).toMatch(
      /^正文结构过于复杂（超过 25 万个元素）.*请简化后重试/,
    )
    // 127 levels of lists are fine; implied end tags (li, p, td) do not count as nesting.
    const deepList = '<ul><li>'.repeat(60) + '项' + '</li></ul>'.repeat(60)
    expect(measureHtml(deepList).depth).toBe(120)
    expect(sanitiseHtml(deepList)).toContain('项')
    expect(measureHtml('<ul>' + '<li>一'.repeat(5000) + '</ul>').depth).toBe(2)
    expect(measureHtml('<p>一'.repeat(5000)).depth).toBe(1)
    expect(measureHtml('<table>' + '<tr><td>一<td>二'.repeat(3000) + '</table>').depth).toBe(3)
    // Raw text and comments are skipped, not parsed as tags.
    expect(
      measureHtml(`<script>${'<div>'.repeat(500)}</script><!-- ${'<p>'.repeat(500)} -->`),
    ).toMatchObject({ depth: 0, elements: 1 })
  })
})
