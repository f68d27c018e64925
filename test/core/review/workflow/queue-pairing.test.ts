import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { reviewSubmitSchema, OTHER_CHANNEL_REQUIRED } from '../../../../src/shared/review/schemas'
import type { TestCore } from '../../../helpers/test-core'
import {
  approve,
  cleanAnswers,
  decision,
  LEADER,
  loginAs,
  newItem,
  OFFICER,
  OFFICER2,
  REVIEWER,
  reviewCore,
  submit,
} from './helpers'

let t: TestCore
beforeEach(async () => {
  t = await reviewCore()
})
afterEach(async () => t.cleanup())

describe('review queue 已完成 (issue 10)', () => {
  it('lists the rounds I took part in and the department’s closed rounds, newest first, with the last decision', async () => {
    const a = await newItem(t, { title: '关于甲事项的通知' })
    const b = await newItem(t, { title: '关于乙事项的通知' })
    await submit(t, a)
    await submit(t, b)
    await loginAs(t, REVIEWER)
    await approve(t, a.id)
    await loginAs(t, LEADER)
    await approve(t, a.id)
    t.clock.advanceMinutes(5)
    await loginAs(t, REVIEWER)
    await t.call(
      'review:decide',
      await decision(t, b.id, {
        decision: 'return',
        checklist: [],
        comments: [{ text: '请补充依据', findingId: null }],
      }),
    )

    // The reviewer decided a step of both rounds.
    const mine = await t.call('review:queue', { scope: 'done-mine' })
    expect(mine.map((r) => r.title)).toEqual(['关于乙事项的通知', '关于甲事项的通知'])
    expect(mine.map((r) => r.state)).toEqual(['returned', 'approved'])
    expect(mine[0]?.lastDecision).toMatchObject({ decision: 'return', deciderName: '李审核' })
    expect(mine[1]?.lastDecision).toMatchObject({ decision: 'approve', deciderName: '刘签发' })
    expect(mine.every((r) => !r.canDecide && r.closedAt !== null)).toBe(true)
    // Neither is open any more.
    expect(await t.call('review:queue', { scope: 'all' })).toEqual([])

    // Another officer took part in neither; the department's list has both.
    await loginAs(t, OFFICER2)
    expect(await t.call('review:queue', { scope: 'done-mine' })).toEqual([])
    const all = await t.call('review:queue', { scope: 'done-all' })
    expect(all.map((r) => r.itemId).sort()).toEqual([a.id, b.id].sort())
    // The submitter took part too.
    await loginAs(t, OFFICER)
    expect((await t.call('review:queue', { scope: 'done-mine' })).length).toBe(2)
  }, 30_000)

  it('carries the item’s due date from the catalogue 时限 (20 working days when none) and whether it is late', async () => {
    const item = await newItem(t, { title: '有成文日期的通知', signedDate: '2026-11-20' })
    expect(item.dueDate).toBe('2026-12-18')
    await submit(t, item)
    await loginAs(t, REVIEWER)
    const [row] = await t.call('review:queue', { scope: 'mine' })
    expect(row?.dueDate).toBe(item.dueDate)
    expect(row?.late).toBe(item.late)
  })
})

describe('政策文件 and its 政策解读 together (issue 10)', () => {
  it('pairs the two in the queue and the review view, and tells before the checklist that the policy must be approved first', async () => {
    const policy = await newItem(t, { title: '关于促进商贸流通业发展的若干措施' })
    const interp = await newItem(t, { kind: 'interpretation', title: '《若干措施》政策解读' })
    await t.call('items:link', { policyId: policy.id, interpretationId: interp.id })
    await submit(t, await t.call('items:get', { id: policy.id }))
    await submit(t, await t.call('items:get', { id: interp.id }))

    await loginAs(t, REVIEWER)
    const queue = await t.call('review:queue', { scope: 'mine' })
    const byId = new Map(queue.map((r) => [r.itemId, r]))
    expect(byId.get(interp.id)?.paired).toEqual([
      {
        relation: 'policy',
        item: expect.objectContaining({ id: policy.id, status: 'pending_review' }),
      },
    ])
    expect(byId.get(policy.id)?.paired).toEqual([
      { relation: 'interpretation', item: expect.objectContaining({ id: interp.id }) },
    ])
    // At the first (middle) step the rule is said, but does not stop this step.
    const first = await t.call('review:get', { itemId: interp.id })
    expect(first.paired[0]?.item.id).toBe(policy.id)
    expect(first.approvalNotice).toEqual({
      message: expect.stringContaining('请先审核通过政策文件「关于促进商贸流通业发展的若干措施」'),
      atFinalStep: false,
    })
    expect(byId.get(interp.id)?.approvalNotice?.atFinalStep).toBe(false)
    expect(byId.get(policy.id)?.approvalNotice).toBeNull()
    await approve(t, interp.id)
    await approve(t, policy.id)

    // At the final step the leader is told before answering anything, and core refuses.
    await loginAs(t, LEADER)
    const last = await t.call('review:get', { itemId: interp.id })
    expect(last.approvalNotice?.atFinalStep).toBe(true)
    const refused = await t.send('review:decide', await decision(t, interp.id))
    expect(refused.ok ? '' : refused.error.message).toBe(last.approvalNotice?.message)
    // Policy first, then the interpretation goes through and the notice is gone.
    await approve(t, policy.id)
    expect((await t.call('review:get', { itemId: interp.id })).approvalNotice).toBeNull()
    const done = await approve(t, interp.id)
    expect(done.item.status).toBe('approved')
  }, 30_000)
})

describe('拟公开方式 其他 (issue 9: the rule in the shared schema and in core)', () => {
  it('the shared schema requires the text of 其他', () => {
    const base = {
      itemId: 'x',
      revision: 1,
      contentHash: 'a'.repeat(64),
      checklistVersion: 1,
      selfCheck: [],
      carrier: 'official',
      channels: ['website', 'other'],
    }
    const r = reviewSubmitSchema.safeParse(base)
    expect(r.success ? null : r.error.issues[0]).toMatchObject({
      path: ['channelOther'],
      message: OTHER_CHANNEL_REQUIRED,
    })
    expect(reviewSubmitSchema.safeParse({ ...base, channelOther: '   ' }).success).toBe(false)
    expect(reviewSubmitSchema.safeParse({ ...base, channelOther: '社区公告栏' }).success).toBe(true)
  })

  it('core refuses 其他 without its text and stores it with the text', async () => {
    const item = await newItem(t)
    const checklist = await t.call('review:checklist-get', {})
    const input = {
      itemId: item.id,
      revision: item.revision,
      contentHash: item.contentHash,
      checklistVersion: checklist.version,
      selfCheck: await cleanAnswers(t),
      carrier: 'official' as const,
      channels: ['other' as const],
    }
    const refused = await t.send('review:submit', input)
    expect(refused.ok ? '' : refused.error.code).toBe('VALIDATION')
    expect(refused.ok ? '' : refused.error.message).toContain('请填写具体方式')
    const view = await t.call('review:submit', { ...input, channelOther: '社区公告栏' })
    expect(view.channels).toEqual(['other'])
    expect(view.channelOther).toBe('社区公告栏')
  })
})
