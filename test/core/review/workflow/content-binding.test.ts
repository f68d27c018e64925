import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TestCore } from '../../../helpers/test-core'
import {
  approve,
  auditActions,
  decision,
  fieldsOf,
  LEADER,
  loginAs,
  newItem,
  OFFICER,
  REVIEWER,
  reviewCore,
  submit,
} from './helpers'

let t: TestCore
beforeEach(async () => {
  t = await reviewCore()
})
afterEach(async () => t.cleanup())

describe('findings gate the approval', () => {
  it('refuses 同意公开 with an unresolved blocker and names the finding', async () => {
    const item = await newItem(t, { bodyHtml: '<p>机密★10年</p><p>关于某项工作的通知。</p>' })
    const view = await submit(t, item)
    expect(view.review?.counts.blocker).toBeGreaterThan(0)
    await loginAs(t, REVIEWER)
    const result = await t.send('review:decide', await decision(t, item.id))
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('CONFLICT')
      expect(result.error.message).toContain('阻断项')
      expect(result.error.message).toContain('密级标志')
    }
    // 退回修改 is still possible.
    const back = await t.call(
      'review:decide',
      await decision(t, item.id, { decision: 'return', comments: [{ text: '删除密级标志' }] }),
    )
    expect(back.item.status).toBe('returned')
  })

  it('a high finding needs a written reason per finding; with the reason the approval goes through and is stored', async () => {
    const item = await newItem(t, { bodyHtml: '<p>当事人张三，手机 13912345678。</p>' })
    const view = await submit(t, item)
    const highs = view.findings.filter((f) => f.severity === 'high')
    expect(highs.length).toBeGreaterThanOrEqual(2)
    await loginAs(t, REVIEWER)
    const none = await t.send('review:decide', await decision(t, item.id))
    expect(none.ok ? null : none.error.code).toBe('VALIDATION')
    expect(none.ok ? '' : none.error.message).toContain('理由')
    const partial = await t.send(
      'review:decide',
      await decision(t, item.id, {
        highReasons: [{ findingId: highs[0]?.id ?? '', reason: '已公开的处罚决定' }],
      }),
    )
    expect(partial.ok).toBe(false)
    const reasons = highs.map((f) => ({
      findingId: f.id,
      reason: '依法应予公示（行政处罚法第四十八条）',
    }))
    const ok = await approve(t, item.id, { highReasons: reasons })
    expect(ok.steps[0]?.decisions[0]?.highReasons).toEqual(reasons)
  })
})

describe('the approval binds the exact content', () => {
  it('refuses a decision carrying a stale content hash: 内容已变更，请重新审查', async () => {
    const item = await newItem(t)
    await submit(t, item)
    await loginAs(t, REVIEWER)
    const input = await decision(t, item.id)
    const result = await t.send('review:decide', { ...input, contentHash: 'a'.repeat(64) })
    expect(result.ok ? null : result.error).toMatchObject({
      code: 'CONFLICT',
      message: '内容已变更，请重新审查',
    })
  })

  it('an edit during review cancels the open review and sends the item back to 草稿; the old hash is refused', async () => {
    const item = await newItem(t)
    await submit(t, item)
    await loginAs(t, REVIEWER)
    const input = await decision(t, item.id)
    await loginAs(t, OFFICER)
    // Issue 10: asked first 「修改将撤回本次审查……」; the confirmed edit withdraws the review.
    const edited = await t.call('items:save', {
      ...fieldsOf(item),
      title: '改过的标题',
      confirmRevision: true,
    })
    expect(edited.status).toBe('draft')
    const view = await t.call('review:get', { itemId: item.id })
    expect(view.review?.state).toBe('cancelled')
    expect(view.steps[0]?.status).toBe('cancelled')
    await loginAs(t, REVIEWER)
    const stale = await t.send('review:decide', input)
    expect(stale.ok).toBe(false)
    expect(auditActions(t, item.id)).toContain('review.cancelled')
    // Resubmission starts the chain again.
    await loginAs(t, OFFICER)
    const again = await submit(t, edited)
    expect(again.review).toMatchObject({ round: 2, currentStep: 0, state: 'open' })
    expect(again.history.map((h) => h.state)).toEqual(['cancelled'])
  })

  it('items rule (issue 10, 修订稿): a confirmed edit after approval is a working revision (草稿, its approved hash null) while the approved revision stays in force; 索引号 kept', async () => {
    const item = await newItem(t)
    await submit(t, item)
    await loginAs(t, REVIEWER)
    await approve(t, item.id)
    await loginAs(t, LEADER)
    const approved = await approve(t, item.id)
    expect(approved.item.status).toBe('approved')
    await loginAs(t, OFFICER)
    const edited = await t.call('items:save', {
      ...fieldsOf(approved.item),
      bodyHtml: '<p>新的正文。</p>',
      confirmRevision: true,
    })
    expect(edited.status).toBe('draft')
    expect(edited.approvedContentHash).toBeNull()
    expect(edited.liveRevision).toEqual({ revision: approved.item.revision, status: 'approved' })
    expect(edited.indexNumber).toBe(approved.item.indexNumber)
    expect(auditActions(t, item.id)).toContain('item.revision_started')
    // The editor is now an author again: 张起草 resubmits; the reviewer sees the diff.
    const again = await submit(t, edited)
    expect(again.diff?.from).toBe(item.revision)
    expect(again.diff?.to).toBe(edited.revision)
  })
})

describe('政策解读 (publish rule)', () => {
  it('refuses the final approval of an interpretation before its policy is approved, with the Chinese reason', async () => {
    const policy = await newItem(t)
    const interp = await newItem(t, { kind: 'interpretation', title: '政策解读：关于实施意见' })
    await t.call('items:link', { policyId: policy.id, interpretationId: interp.id })
    const current = await t.call('items:get', { id: interp.id })
    await submit(t, current)
    await loginAs(t, REVIEWER)
    await approve(t, interp.id)
    await loginAs(t, LEADER)
    const refused = await t.send('review:decide', await decision(t, interp.id))
    expect(refused.ok ? null : refused.error.code).toBe('CONFLICT')
    expect(refused.ok ? '' : refused.error.message).toContain('政策解读不能早于政策文件发布')
    expect((await t.call('items:get', { id: interp.id })).status).toBe('pending_review')
  })
})
