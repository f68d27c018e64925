import fc from 'fast-check'
import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { htmlToText } from '../../../src/core/html/html-text'
import { ALLOWED_TAGS, sanitiseHtml } from '../../../src/core/html/sanitise'

/** Parses the output as a browser would and checks it holds nothing executable. */
function assertInert(html: string): void {
  const doc = new JSDOM(`<body>${html}</body>`).window.document
  for (const el of doc.body.querySelectorAll('*')) {
    expect(ALLOWED_TAGS as readonly string[]).toContain(el.tagName.toLowerCase())
    for (const attr of el.attributes) {
      expect(attr.name).not.toMatch(/^on/i)
      expect(['href', 'rel', 'colspan', 'rowspan']).toContain(attr.name)
      if (attr.name === 'href') expect(attr.value).toMatch(/^(https?:\/\/|mailto:)/i)
    }
  }
  // Inside any tag: no handler attribute and no javascript: (text content is inert and kept as typed).
  expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i)
  expect(html).not.toMatch(/<[^>]*javascript:/i)
}

/** OWASP XSS filter-evasion style payloads, and mutation-XSS shapes. */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=http://xss.rocks/xss.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)><circle r=1></svg>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<a href="javascript:alert(1)">点我</a>',
  '<a href="JaVaScRiPt:alert(1)">点我</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<a href="&#x6A;avascript:alert(1)">x</a>',
  '<a href=" javascript:alert(1)">x</a>',
  '<a href="java\tscript:alert(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="//evil.example/x">x</a>',
  '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
  '<p style="background:url(javascript:alert(1))">x</p>',
  '<div style="width: expression(alert(1))">x</div>',
  '<style>body{background:url("javascript:alert(1)")}</style>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="x.swf"></object><embed src="x.swf">',
  '<form action="javascript:alert(1)"><input type=submit></form>',
  '<button formaction="javascript:alert(1)">x</button>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
  '<table><td onmouseover=alert(1)>x</td></table>',
  '<p onclick="alert(1)" ONMOUSEOVER="alert(1)">x</p>',
  '<a href="https://ok.example" onclick="alert(1)" target="_blank">ok</a>',
  '<body onload=alert(1)>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<link rel=stylesheet href="javascript:alert(1)">',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror="alert(1)"></video>',
  '<template><script>alert(1)</script></template>',
  '<!--<img src=x onerror=alert(1)>-->',
  '<p>text<![CDATA[<script>alert(1)</script>]]></p>',
  '"><script>alert(1)</script>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
]

describe('sanitiseHtml', () => {
  it.each(PAYLOADS)('leaves nothing executable: %s', (payload) => {
    const out = sanitiseHtml(`<p>正文</p>${payload}`)
    assertInert(out)
    expect(out).not.toMatch(/javascript:|<script|onerror|onload/i)
    expect(out).toContain('正文')
  })

  it('keeps what the editor produces: headings, lists, tables with spans, safe links', () => {
    const html =
      '<h2>一、总体要求</h2><p><strong>重点</strong><em>强调</em><u>下划</u><s>删除</s><br></p>' +
      '<ul><li>甲</li></ul><ol><li>乙</li></ol><blockquote>引用</blockquote><pre><code>代码</code></pre><hr>' +
      '<table><thead><tr><th colspan="2">表头</th></tr></thead><tbody><tr><td rowspan="2">1</td><td>2</td></tr></tbody></table>' +
      '<p><a href="https://www.gov.cn/">中国政府网</a><a href="mailto:gk@example.gov.cn">邮件</a></p>'
    const out = sanitiseHtml(html)
    expect(out).toContain('<h2>一、总体要求</h2>')
    expect(out).toContain('<th colspan="2">表头</th>')
    expect(out).toContain('<td rowspan="2">1</td>')
    expect(out).toContain('<a href="https://www.gov.cn/" rel="noopener noreferrer">中国政府网</a>')
    expect(out).toContain('href="mailto:gk@example.gov.cn"')
    assertInert(out)
  })

  it('drops non-numeric spans and the style, class and id attributes', () => {
    const out = sanitiseHtml(
      '<table><tr><td colspan="x" class="c" id="i" style="color:red">1</td></tr></table>',
    )
    expect(out).toBe('<table><tbody><tr><td>1</td></tr></tbody></table>')
  })

  it('is idempotent and never emits handlers or javascript: for generated HTML-ish input', () => {
    const tag = fc.constantFrom(
      'p',
      'a',
      'img',
      'svg',
      'script',
      'table',
      'td',
      'tr',
      'style',
      'noscript',
      'math',
      'iframe',
      'form',
      'li',
      'ul',
      'h1',
      'div',
      'span',
      'textarea',
      'title',
      'select',
      'option',
      'template',
    )
    const attr = fc.constantFrom(
      ' onerror=alert(1)',
      ' onclick="x()"',
      ' href="javascript:alert(1)"',
      ' href="https://a.cn"',
      ' src=x',
      ' style="x:expression(1)"',
      ' colspan="2"',
      ' title="</noscript><img src=x onerror=alert(1)>"',
      '',
    )
    const piece = fc.oneof(
      fc.tuple(tag, attr).map(([t, a]) => `<${t}${a}>`),
      tag.map((t) => `</${t}>`),
      fc.constantFrom(
        '文字',
        '&lt;',
        '&amp;',
        '"',
        "'",
        '<',
        '>',
        '<!--',
        '-->',
        'javascript:',
        '&#106;avascript:',
      ),
      fc.string({ maxLength: 5 }),
    )
    const html = fc.array(piece, { maxLength: 25 }).map((parts) => parts.join(''))
    fc.assert(
      fc.property(html, (input) => {
        const once = sanitiseHtml(input)
        expect(sanitiseHtml(once)).toBe(once)
        assertInert(once)
      }),
      { numRuns: 300 },
    )
  })
})

describe('htmlToText', () => {
  it('puts each block on its own line and decodes entities', () => {
    expect(
      htmlToText(
        '<h1>标题</h1><p>甲&amp;乙&nbsp;</p><ul><li>一</li><li>二</li></ul><table><tbody><tr><td>a</td><td>b</td></tr></tbody></table>',
      ),
    ).toBe('标题\n甲&乙\n一\n二\na\tb')
  })
})
