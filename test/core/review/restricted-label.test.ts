import { describe, expect, it } from 'vitest'
import { findKind } from './helpers/find'

// Rules: confidentiality-review.md checklist item 2 (工作秘密/内部资料/注意保存/内部使用/不得外传).
describe('restriction labels', () => {
  it.each([
    ['【内部资料】\n正文', '内部资料'],
    ['关于某事的通知（内部使用）\n正文', '内部使用'],
    ['[内部资料 注意保存]', '内部资料'],
    ['工作秘密\n关于某事的报告', '工作秘密'],
  ])('a label in label position is high: %j', (text, label) => {
    expect(findKind(text, 'restricted-label')).toContainEqual({ text: label, severity: 'high' })
  })

  it('a line of labels yields each label as high', () => {
    expect(findKind('内部资料  注意保存\n正文', 'restricted-label')).toEqual([
      { text: '内部资料', severity: 'high' },
      { text: '注意保存', severity: 'high' },
    ])
  })

  it('严禁泄露工作秘密 in prose is not a finding at all', () => {
    expect(findKind(`${'正文。'.repeat(80)}严禁泄露工作秘密。`, 'restricted-label')).toEqual([])
    expect(findKind('会议要求：严禁泄露工作秘密。', 'restricted-label')).toEqual([])
  })

  it('other label words in prose are info only', () => {
    expect(
      findKind(`${'正文。'.repeat(80)}不得将内部资料上传至互联网。`, 'restricted-label'),
    ).toEqual([{ text: '内部资料', severity: 'info' }])
  })

  it('brackets holding a sentence are not a label', () => {
    expect(
      findKind(`${'正文。'.repeat(80)}（请勿将内部资料带出办公室）`, 'restricted-label').map(
        (f) => f.severity,
      ),
    ).toEqual(['info'])
  })
})
