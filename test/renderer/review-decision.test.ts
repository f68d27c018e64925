import { describe, expect, it } from 'vitest'
import type { ReviewFinding, ReviewQueueRow, ReviewView } from '../../src/shared/review/types'
import { decisionToast } from '../../src/renderer/features/review/screen/decision-toast'
import {
  decisionProblems,
  type DecisionDraft,
} from '../../src/renderer/features/review/screen/decision-form'
import { emptyChecklist } from '../../src/renderer/features/review/shared/checklist-form'
import { pairRows } from '../../src/renderer/features/review/queue/queue-rows'

const high: ReviewFinding = {
  id: 'f1',
  kind: 'mobile',
  severity: 'high',
  source: 'body',
  sourceLabel: '正文',
  attachmentId: null,
  attachmentName: null,
  start: 0,
  end: 11,
  text: '13912345678',
  context: '',
  reason: '',
  suggestion: null,
  masked: '139****5678',
  maskable: true,
}

function view(over: { currentStep?: number | null; state?: 'open' | 'approved' } = {}): ReviewView {
  const state = over.state ?? 'open'
  return {
    item: {
      id: 'i1',
      title: '关于某事的通知',
      indexNumber: state === 'approved' ? 'ZB-2026-001' : null,
    },
    review: {
      id: 'r1',
      state,
      referred: false,
      currentStep: over.currentStep === undefined ? 1 : over.currentStep,
      contentHash: 'a'.repeat(64),
    },
    steps: [
      { index: 0, name: '保密审核', role: 'reviewer', status: 'approved', decisions: [] },
      { index: 1, name: '领导签发', role: 'leader', status: 'current', decisions: [] },
    ],
    findings: [high],
    checklist: { version: 1, questions: [{ id: 'q1', text: '？', noteRequiredOn: ['yes'] }] },
    selfCheck: [],
  } as unknown as ReviewView
}

describe('the toast after a decision (issue 10)', () => {
  it('a middle step says the item went on to the next step, not that it was approved', () => {
    const t = decisionToast('approve', view({ currentStep: 1 }))
    expect(t.title).toBe('已同意，已转交下一步：领导签发审查')
    expect(`${t.title}${t.message}`).not.toMatch(/已审核通过|已同意公开/)
    expect(t.message).toContain('尚未审核通过')
  })

  it('only the final step says 已同意公开, with the 索引号', () => {
    const t = decisionToast('approve', view({ state: 'approved', currentStep: null }))
    expect(t.title).toBe('已同意公开')
    expect(t.message).toContain('ZB-2026-001')
  })
})

describe('the decision form uses the shared rules (issue 9)', () => {
  const draft = (over: Partial<DecisionDraft> = {}): DecisionDraft => ({
    checklist: { q1: { answer: 'no', note: '' } },
    highReasons: {},
    comments: [{ text: '', findingId: null }],
    article: null,
    reason: '',
    authority: '',
    opinion: '',
    ...over,
  })

  it('退回修改 without a comment: the schema’s own message', () => {
    const p = decisionProblems(view(), 'return', draft())
    expect(p.fields.comments).toBe('退回修改须填写修改意见')
  })

  it('不予公开 needs an article and a reason (the schema’s refinement)', () => {
    const p = decisionProblems(view(), 'withhold', draft())
    expect(p.fields.article).toBe('不予公开须选择依据条款')
    expect(p.fields.reason).toBe('请填写理由')
    expect(
      decisionProblems(view(), 'withhold', draft({ article: 'art14', reason: '涉密' })).summary,
    ).toEqual([])
  })

  it('同意公开 needs a reason per high finding (approvalGaps) and a complete checklist', () => {
    const missing = decisionProblems(view(), 'approve', draft())
    expect([...missing.missingReasons]).toEqual(['f1'])
    const unanswered = decisionProblems(
      view(),
      'approve',
      draft({ checklist: emptyChecklist([{ id: 'q1', text: '？', noteRequiredOn: [] }]) }),
    )
    expect(unanswered.summary).toContain('请完成审查清单')
    expect(
      decisionProblems(view(), 'approve', draft({ highReasons: { f1: '本人同意公开' } })).summary,
    ).toEqual([])
  })
})

describe('queue pairing', () => {
  const row = (id: string, paired: ReviewQueueRow['paired'] = []): ReviewQueueRow =>
    ({ reviewId: `r-${id}`, itemId: id, title: id, paired }) as unknown as ReviewQueueRow
  it('puts an interpretation right under its policy', () => {
    const ref = (id: string) =>
      ({
        id,
        kind: 'policy',
        title: id,
        status: 'pending_review',
        docNumber: '',
        validity: 'valid',
      }) as const
    const rows = [
      row('interp', [{ relation: 'policy', item: ref('policy') }]),
      row('other'),
      row('policy', [{ relation: 'interpretation', item: ref('interp') }]),
    ]
    const { rows: out, underPolicy } = pairRows(rows)
    expect(out.map((r) => r.itemId)).toEqual(['other', 'policy', 'interp'])
    expect([...underPolicy]).toEqual(['r-interp'])
  })
})
