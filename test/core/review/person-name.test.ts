import { describe, expect, it } from 'vitest'
import { scanText } from '../../../src/core/review'
import { findKind } from './helpers/find'

// Rules: confidentiality-review.md (names next to 姓名/当事人/申请人/身份证; say why a span is flagged);
// 行政处罚法 第四十八条 on which names may appear in penalty publicity.
describe('names next to context words', () => {
  it.each([
    ['当事人：张三，男，汉族', '张三', '当事人'],
    ['申请人 李四于2024年提出申请', '李四', '申请人'],
    ['姓名：王五', '王五', '姓名'],
    ['申请人李秀梅不服被申请人某局的决定', '李秀梅', '申请人'],
    ['委托代理人：欧阳娜娜，律师', '欧阳娜娜', '委托代理人'],
  ])('%j → the name only, high, reason names the context word', (text, name, word) => {
    const [f] = scanText(text).filter((x) => x.kind === 'person-name')
    expect(f).toMatchObject({ text: name, severity: 'high' })
    expect(f?.reason).toContain(`“${word}”`)
    expect(text.slice(f?.start, f?.end)).toBe(name)
  })

  it('a list after one context word yields each name', () => {
    expect(findKind('第三人：刘洋、陈静。', 'person-name').map((f) => f.text)).toEqual([
      '刘洋',
      '陈静',
    ])
  })

  it('a name right before an ID number is found without a context word', () => {
    expect(findKind('证人王芳（身份证号370302197612010686）', 'person-name')).toEqual([])
    expect(findKind('。王芳（身份证号370302197612010686）', 'person-name')).toEqual([
      { text: '王芳', severity: 'high' },
    ])
  })

  it.each([
    '当事人：淄博恒信化工有限公司',
    '被申请人：某区自然资源局',
    '当事人：李某，男',
    '申请人向本机关提出申请',
    '姓名 性别 年龄',
    '当事人的上述行为违反了规定',
  ])('not a name: %j', (text) => {
    expect(findKind(text, 'person-name')).toEqual([])
  })
})

// Issue 10: published penalty and licence notices name a company's legal representative by law.
describe('legal representative', () => {
  it('法定代表人姓名 on a published form is info, not a leak', () => {
    expect(findKind('法定代表人姓名：李国庆\n', 'person-name')).toEqual([
      { text: '李国庆', severity: 'info' },
    ])
  })
  it('a private person after 姓名 stays high', () => {
    expect(findKind('违法自然人姓名：李国庆\n', 'person-name')).toEqual([
      { text: '李国庆', severity: 'high' },
    ])
  })
})
