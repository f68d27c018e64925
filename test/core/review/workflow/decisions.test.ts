import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TestCore } from '../../../helpers/test-core'
import {
  approve,
  auditActions,
  decision,
  fieldsOf,
  LEADER,
  loginAdmin,
  loginAs,
  newItem,
  OFFICER,
  REVIEWER,
  REVIEWER2,
  reviewCore,
  submit,
} from './helpers'

let t: TestCore
beforeEach(async () => {
  t = await reviewCore()
})
afterEach(async () => t.cleanup())

describe('退回修改', () => {
  it('returns with comments (one tied to a finding); the officer edits and resubmits, and the chain starts again', async () => {
    const item = await newItem(t, { bodyHtml: '<p>联系电话 13812345678。</p>' })
    const submitted = await submit(t, item)
    const mobile = submitted.findings.find((f) => f.kind === 'mobile')
    await loginAs(t, REVIEWER)
    await approve(t, item.id, {
      highReasons: submitted.findings
        .filter((f) => f.severity === 'high')
        .map((f) => ({ findingId: f.id, reason: '单位值班电话' })),
    })
    await loginAs(t, LEADER)
    const returned = await t.call(
      'review:decide',
      await decision(t, item.id, {
        decision: 'return',
        checklist: [],
        comments: [
          { text: '手机号请脱敏', findingId: mobile?.id ?? null },
          { text: '标题请写全称' },
        ],
      }),
    )
    expect(returned.item.status).toBe('returned')
    expect(returned.review?.state).toBe('returned')
    expect(returned.steps[1]?.decisions[0]?.comments).toEqual([
      { text: '手机号请脱敏', findingId: mobile?.id },
      { text: '标题请写全称', findingId: null },
    ])

    // A comment must name a finding of this review.
    await loginAs(t, OFFICER)
    const edited = await t.call('items:save', {
      ...fieldsOf(item),
      bodyHtml: '<p>联系电话 138****5678。</p>',
    })
    expect(edited.status).toBe('returned')
    const again = await submit(t, edited)
    expect(again.review).toMatchObject({ round: 2, currentStep: 0 })
    expect(again.findings.some((f) => f.kind === 'mobile')).toBe(false)
    expect(again.diff?.bodySame).toBe(false)
    expect(again.history[0]?.state).toBe('returned')
  })

  it('refuses 退回修改 without a comment', async () => {
    const item = await newItem(t)
    await submit(t, item)
    await loginAs(t, REVIEWER)
    const result = await t.send(
      'review:decide',
      await decision(t, item.id, { decision: 'return', comments: [] }),
    )
    expect(result.ok ? null : result.error.code).toBe('VALIDATION')
  })
})

describe('不予公开', () => {
  it('条例第十五条: records the article and reason, closes the review as withheld and returns the item to 草稿', async () => {
    const item = await newItem(t, { bodyHtml: '<p>申请人李四的家庭住址和收入情况。</p>' })
    await submit(t, item)
    await loginAs(t, REVIEWER)
    const noArticle = await t.send(
      'review:decide',
      await decision(t, item.id, { decision: 'withhold', reason: '涉及个人隐私' }),
    )
    expect(noArticle.ok ? null : noArticle.error.code).toBe('VALIDATION')
    const view = await t.call(
      'review:decide',
      await decision(t, item.id, {
        decision: 'withhold',
        article: 'art15',
        reason: '涉及第三方个人隐私，第三方不同意公开',
      }),
    )
    expect(view.item.status).toBe('draft')
    expect(view.review).toMatchObject({ state: 'withheld', article: 'art15', currentStep: null })
    expect(view.steps[0]?.decisions[0]).toMatchObject({
      decision: 'withhold',
      article: 'art15',
      reason: '涉及第三方个人隐私，第三方不同意公开',
    })
    expect(view.steps[1]?.status).toBe('waiting')
    expect(auditActions(t, item.id)).toContain('review.decide')
  })
})

describe('报上级审查 (条例第十七条: what the agency cannot decide it refers upward)', () => {
  it('marks the review 已报上级 while 待审查; only a leader or admin records the superior answer as a decision', async () => {
    const item = await newItem(t)
    await submit(t, item)
    await loginAs(t, REVIEWER)
    const noReason = await t.send(
      'review:decide',
      await decision(t, item.id, { decision: 'refer' }),
    )
    expect(noReason.ok).toBe(false)
    const referred = await t.call(
      'review:decide',
      await decision(t, item.id, { decision: 'refer', reason: '公开与否界限不清，报区保密局' }),
    )
    expect(referred.item.status).toBe('pending_review')
    expect(referred.review).toMatchObject({ referred: true, currentStep: 0, state: 'open' })
    expect(referred.steps[0]?.status).toBe('referred')

    // A reviewer cannot record the superior's answer.
    await loginAs(t, REVIEWER2)
    const view = await t.call('review:get', { itemId: item.id })
    expect(view.cannotDecideReason).toBe('referred_needs_leader')
    await loginAs(t, LEADER)
    expect((await t.call('review:queue', {}))[0]).toMatchObject({ referred: true })
    const missing = await t.send('review:decide', await decision(t, item.id))
    expect(missing.ok ? null : missing.error.code).toBe('VALIDATION')
    const answered = await approve(t, item.id, {
      superior: { authority: '区保密局', opinion: '经审查不涉密，可以公开' },
    })
    expect(answered.review).toMatchObject({ referred: false, currentStep: 1 })
    expect(answered.steps[0]?.decisions.map((d) => d.decision)).toEqual(['refer', 'approve'])
    expect(answered.steps[0]?.decisions[1]?.superior).toEqual({
      authority: '区保密局',
      opinion: '经审查不涉密，可以公开',
    })
    // The leader then signs the final step as usual.
    const done = await approve(t, item.id)
    expect(done.item.status).toBe('approved')
    void loginAdmin
  })
})
