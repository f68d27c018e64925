import { describe, expect, it } from 'vitest'
import { findKind } from './helpers/find'

// Rules: confidentiality-review.md "Classification and restriction markings"; GB/T 9704-2012 layout.
describe('classification markings (密级★保密期限)', () => {
  it.each([
    ['秘密★1年\n关于……的通知', '秘密★1年'],
    ['机密★5年\n正文', '机密★5年'],
    ['绝密★长期\n正文', '绝密★长期'],
    ['000123\n秘密★\n正文', '秘密★'],
    ['000123 机密 ☆ 10 年\n正文', '机密 ☆ 10 年'],
    ['秘密＊１年\n正文', '秘密＊１年'],
    ['  机密*3个月\n正文', '机密*3个月'],
  ])('a marking at the head of %j is a blocker', (text, marking) => {
    expect(findKind(text, 'classification-marking')).toEqual([
      { text: marking, severity: 'blocker' },
    ])
  })

  it('a marking on its own line further down (an attachment) is still a blocker', () => {
    const text = `${'正文内容。'.repeat(60)}\n附件\n秘密★2年\n附件正文`
    expect(findKind(text, 'classification-marking')).toEqual([
      { text: '秘密★2年', severity: 'blocker' },
    ])
  })

  it('the 密级：field form is a blocker', () => {
    expect(findKind('文件名称：某方案\n密级：机密\n', 'classification-marking')).toEqual([
      { text: '密级：机密', severity: 'blocker' },
    ])
  })

  it('a bare level word alone on a head line is a blocker, not further down', () => {
    expect(findKind('机密\n关于某事项的报告', 'classification-marking')).toEqual([
      { text: '机密', severity: 'blocker' },
    ])
    expect(findKind(`${'正文。'.repeat(100)}\n秘密\n`, 'classification-marking')).toEqual([])
  })

  it('a quoted marking inside a sentence is only a warning', () => {
    expect(findKind('对标注“秘密★1年”等密级标志的文件规范管理', 'classification-marking')).toEqual([
      { text: '秘密★1年', severity: 'warn' },
    ])
  })

  it.each([
    '防止国家秘密、工作秘密和敏感信息泄露。',
    '严禁泄露工作秘密。',
    '保护商业秘密和个人隐私。',
    '国家秘密的确定、变更和解除。',
  ])('the words 国家秘密/工作秘密/秘密 in prose are never high or above: %j', (text) => {
    const severe = findKind(text, 'classification-marking').filter((f) => f.severity !== 'info')
    expect(severe).toEqual([])
  })

  it('respects headLength for bare level lines', () => {
    const text = `${'前言。'.repeat(10)}\n秘密\n`
    expect(findKind(text, 'classification-marking', { headLength: 10 })).toEqual([])
    expect(findKind(text, 'classification-marking', { headLength: 100 })).toHaveLength(1)
  })
})

describe('classification markings merged into a head line (PDF text layers)', () => {
  it('an unquoted marking within the head is a blocker even after other text', () => {
    expect(findKind('淄博市人民政府文件 秘密★1年 特急\n正文', 'classification-marking')).toEqual([
      { text: '秘密★1年', severity: 'blocker' },
    ])
  })

  it('a quoted marking within the head is only a warning', () => {
    expect(findKind('培训内容：对标注“机密★5年”的文件如何管理', 'classification-marking')).toEqual([
      { text: '机密★5年', severity: 'warn' },
    ])
  })
})
