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

  // Issue 10: a label used as an instruction to the reader in the body is the material wearing it.
  it.each([
    ['请注意保存，不得外传。', ['注意保存', '不得外传']],
    ['会议要求各参会单位：严禁外传。', ['严禁外传']],
    ['（本纪要发至各副区长，不得外传）', ['不得外传']],
    ['本材料仅供内部参阅。', ['内部参阅']],
    ['本文件属于工作秘密，请勿外传。', ['工作秘密', '请勿外传']],
  ])('a label used as an instruction in the body is high: %j', (tail, labels) => {
    const found = findKind(`${'正文。'.repeat(80)}${tail}`, 'restricted-label')
    expect(found).toEqual(labels.map((text) => ({ text, severity: 'high' })))
  })

  it.each([
    '对标注“不得外传”的文件，各单位应当登记后集中保管。',
    '文件标有「内部资料」字样的，不予公开。',
    '清单第 2 项：是否有“注意保存”“内部使用”等标注？',
    '工作人员严禁外传工作秘密。',
    '各单位要注意保存好原始凭证。',
  ])('the same words quoted or discussed stay informational: %j', (tail) => {
    const found = findKind(`${'正文。'.repeat(80)}${tail}`, 'restricted-label')
    expect(found.every((f) => f.severity === 'info')).toBe(true)
  })

  it('a quoted label is informational even as its own clause', () => {
    expect(findKind(`${'正文。'.repeat(80)}标注为：“严禁外传”。`, 'restricted-label')).toEqual([
      { text: '严禁外传', severity: 'info' },
    ])
  })
})
