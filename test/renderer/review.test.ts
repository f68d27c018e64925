import { describe, expect, it } from 'vitest'
import type { ReviewFinding } from '../../src/shared/review/types'
import { locate, spans } from '../../src/renderer/features/review/shared/highlight'
import {
  checklistErrors,
  checklistFrom,
  checklistInput,
  emptyChecklist,
} from '../../src/renderer/features/review/shared/checklist-form'
import { bySeverity, countFindings } from '../../src/renderer/features/review/shared/severity'

const finding = (over: Partial<ReviewFinding>): ReviewFinding => ({
  id: over.id ?? 'f1',
  kind: 'id-card',
  severity: 'high',
  source: 'body',
  sourceLabel: '正文',
  attachmentId: null,
  attachmentName: null,
  start: 0,
  end: 0,
  text: '',
  context: '',
  reason: '',
  suggestion: null,
  masked: null,
  maskable: true,
  ...over,
})

describe('review highlighting', () => {
  it('takes core’s offsets when they point at the text', () => {
    const text = '第一段\n身份证号370303198506121236。'
    const f = finding({ start: 8, end: 26, text: '370303198506121236' })
    expect(locate(text, [f]).get('f1')).toEqual([8, 26])
  })

  it('falls back to the occurrence nearest to core’s offset when line breaks differ', () => {
    // Core dropped a blank line the preview keeps: its offsets are one short.
    const text = '手机13800138000\n\n再次：13800138000'
    const second = finding({ id: 'b', kind: 'mobile', start: 17, end: 28, text: '13800138000' })
    expect(locate(text, [second]).get('b')).toEqual([18, 29])
  })

  it('splits overlapping findings into spans, most serious first', () => {
    const a = finding({ id: 'a', severity: 'warn', start: 0, end: 6, text: 'abcdef' })
    const b = finding({ id: 'b', severity: 'blocker', start: 3, end: 9, text: 'defghi' })
    const out = spans([a, b], locate('abcdefghi', [a, b]))
    expect(out.map((s) => [s.start, s.end, s.findings.map((f) => f.id)])).toEqual([
      [0, 3, ['a']],
      [3, 6, ['b', 'a']],
      [6, 9, ['b']],
    ])
  })

  it('leaves out findings whose text is not in the preview', () => {
    const f = finding({ start: 0, end: 3, text: 'xyz' })
    expect(locate('abc', [f]).size).toBe(0)
  })

  it('counts and orders by severity', () => {
    const list = [
      finding({ id: 'i', severity: 'info', start: 1 }),
      finding({ id: 'h', severity: 'high', start: 5 }),
      finding({ id: 'x', severity: 'blocker', start: 9 }),
    ]
    expect(countFindings(list)).toEqual({ blocker: 1, high: 1, warn: 0, info: 1 })
    expect([...list].sort(bySeverity).map((f) => f.id)).toEqual(['x', 'h', 'i'])
  })
})

describe('checklist form', () => {
  const questions = [
    { id: 'q1', text: '是否标有密级？', noteRequiredOn: ['yes' as const] },
    { id: 'q9', text: '是否已去标识化？', noteRequiredOn: ['no' as const] },
  ]

  it('requires every answer, and a note where the answer flags a risk', () => {
    const values = emptyChecklist(questions)
    expect(Object.keys(checklistErrors(questions, values))).toEqual(['q1', 'q9'])
    values.q1 = { answer: 'yes', note: '' }
    values.q9 = { answer: 'yes', note: '' }
    expect(checklistErrors(questions, values)).toEqual({ q1: '此答案须填写说明' })
    values.q1 = { answer: 'yes', note: ' 已解密 ' }
    expect(checklistErrors(questions, values)).toEqual({})
    expect(checklistInput(questions, values)).toEqual([
      { questionId: 'q1', answer: 'yes', note: '已解密' },
      { questionId: 'q9', answer: 'yes' },
    ])
  })

  it('fills in earlier answers for the questions still asked', () => {
    const values = checklistFrom(questions, [
      { questionId: 'q1', question: '', answer: 'no', note: null },
      { questionId: 'gone', question: '', answer: 'yes', note: 'x' },
    ])
    expect(values).toEqual({ q1: { answer: 'no', note: '' }, q9: { answer: null, note: '' } })
  })
})
