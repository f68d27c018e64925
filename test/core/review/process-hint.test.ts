import { describe, expect, it } from 'vitest'
import { findKind } from './helpers/find'

// Rules: 条例第十六条 (过程性信息); confidentiality-review.md "Process-information hints".
describe('process-document hints', () => {
  it.each([
    ['《某办法（征求意见稿）》', '征求意见稿'],
    ['工作方案（讨论稿）', '讨论稿'],
    ['条例（送审稿）', '送审稿'],
    ['区政府第37次常务会议纪要', '会议纪要'],
    ['关于申请专项资金的请示\n', '请示'],
    ['《关于某事的请示》', '请示'],
    ['《某条例（草案）》', '草案'],
  ])('%j → warn', (text, word) => {
    expect(findKind(text, 'process-hint')).toEqual([{ text: word, severity: 'warn' }])
  })

  it('请示 as a verb is not a process document', () => {
    expect(findKind('遇有问题及时请示报告。', 'process-hint')).toEqual([])
    expect(findKind('及时请示区政务公开办公室。', 'process-hint')).toEqual([])
  })

  it('nothing is reported in an opinion-solicitation (意见征集) item', () => {
    const text = '《某办法（征求意见稿）》会议纪要 关于某事的请示\n'
    expect(findKind(text, 'process-hint', { itemKind: '意见征集' })).toEqual([])
    expect(findKind(text, 'process-hint')).toHaveLength(3)
  })
})
