import { describe, expect, it } from 'vitest'
import { decodeEntities, escapeText, textParagraphs } from '../../../src/core/html/html-text'

describe('the one text → HTML escape of core (notices, drafts, the report body, chart SVG)', () => {
  it('escapes &, <, > and " so typed text is content, never markup or an attribute break', () => {
    expect(escapeText('甲&乙 <script>alert("x")</script>')).toBe(
      '甲&amp;乙 &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;',
    )
    expect(escapeText('&amp;')).toBe('&amp;amp;')
    const typed = `"><img src=x onerror=alert(1)> & 第三条`
    expect(decodeEntities(escapeText(typed))).toBe(typed)
  })

  it('makes one escaped <p> per non-empty line, trimmed (CRLF too)', () => {
    expect(textParagraphs('  一、补贴条件 \r\n\r\n\n二、<时限>\n   \n')).toBe(
      '<p>一、补贴条件</p><p>二、&lt;时限&gt;</p>',
    )
    expect(textParagraphs(' \n ')).toBe('')
  })
})
