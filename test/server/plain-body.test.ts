import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sanitiseHtml } from '../../src/core/html/sanitise'
import { isPlainSafeBody } from '../../src/server/items/plain-body'

/**
 * The server stores a body without running the sanitiser only when `isPlainSafeBody` proves the
 * sanitiser would return it unchanged. Checked here against the sanitiser itself.
 */
const TAGS = ['p', 'h1', 'h3', 'ul', 'ol', 'li', 'blockquote', 'strong', 'em', 'u', 's', 'code']
const texts = fc.constantFrom('政务公开', 'a&amp;b', '1 &lt; 2', ' ', '关于“道路”', 'x\ny', '')

/** Random markup from the tags above, nested at random (often wrongly), with random text. */
const markup: fc.Arbitrary<string> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    texts,
    fc.constant('<br>'),
    fc
      .tuple(fc.constantFrom(...TAGS), fc.array(tie('node'), { maxLength: 4 }))
      .map(([t, kids]) => `<${t}>${(kids as string[]).join('')}</${t}>`),
  ),
})).node as fc.Arbitrary<string>

describe('isPlainSafeBody: the sanitiser leaves every body it accepts unchanged', () => {
  it('holds for random nested markup', () => {
    let accepted = 0
    fc.assert(
      fc.property(fc.array(markup, { maxLength: 4 }), (parts) => {
        const html = parts.join('')
        if (!isPlainSafeBody(html)) return
        accepted++
        expect(sanitiseHtml(html)).toBe(html)
      }),
      { numRuns: 400 },
    )
    expect(accepted).toBeGreaterThan(40)
  })

  it('accepts what the desk sends, refuses anything with attributes, scripts or odd text', () => {
    expect(
      isPlainSafeBody(
        '<p>根据工作安排，现将有关事项<strong>公示</strong>如下。</p><ul><li>一</li></ul>',
      ),
    ).toBe(true)
    for (const bad of [
      '<p onclick="x">a</p>',
      '<script>alert(1)</script>',
      '<p>a</p><img src=x>',
      '<a href="https://x">x</a>',
      '<p><p>a</p></p>',
      '<p>a<ul><li>b</li></ul></p>',
      '<li>a</li>',
      '<table><tr><td>a</td></tr></table>',
      '<p>a &quot; b</p>',
      '<p>a\u00a0b</p>',
      '<p>a\r\nb</p>',
      '<p>1 < 2</p>',
      '<p>a</p',
      '<P>a</P>',
      '<p>a',
      '<ul>text<li>a</li></ul>',
      '<noscript><p>a</p></noscript>',
    ]) {
      expect(isPlainSafeBody(bad), bad).toBe(false)
    }
  })
})
