import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TEST_ADMIN, type TestCore } from '../../../helpers/test-core'
import {
  approve,
  decision,
  LEADER,
  loginAdmin,
  loginAs,
  newItem,
  query,
  REVIEWER,
  reviewCore,
  submit,
} from './helpers'

/**
 * Issue 8 point 3: one person could complete the whole review chain. 保密审查 (先审查、后公开;
 * 谁起草、不签审查): each step of one round is decided by a different person, and an account made
 * or taken over after the item was submitted cannot decide on it. Every refusal is audited.
 */
let t: TestCore
beforeEach(async () => {
  t = await reviewCore()
})
afterEach(async () => t.cleanup())

const refusals = (itemId: string) =>
  query<{ actor_name: string; detail_json: string }>(
    t,
    "SELECT actor_name, detail_json FROM audit_log WHERE action = 'review.refused' AND target = ? ORDER BY seq",
    `item:${itemId}`,
  ).map((r) => ({ actor: r.actor_name, ...(JSON.parse(r.detail_json) as { reason: string }) }))

describe('one person cannot complete the review chain (issue 8 point 3)', () => {
  it('an administrator who is not the author approves step 1 and is refused at step 2', async () => {
    const item = await newItem(t) // 张起草 drafts
    await submit(t, item)
    await loginAdmin(t) // holds reviewer and leader roles, is not an author
    const first = await approve(t, item.id)
    expect(first.review?.currentStep).toBe(1)

    const view = await t.call('review:get', { itemId: item.id })
    expect(view.canDecide).toBe(false)
    expect(view.cannotDecideReason).toBe('decided_other_step')
    expect(await t.call('review:queue', {})).toHaveLength(0)
    const second = await t.send('review:decide', await decision(t, item.id))
    expect(second.ok ? null : second.error.code).toBe('FORBIDDEN')
    expect(second.ok ? '' : second.error.message).toContain('每一步须由不同的人审查')
    // 退回 at the second step is refused too: the person is used up for this round.
    const ret = await t.send(
      'review:decide',
      await decision(t, item.id, {
        decision: 'return',
        comments: [{ text: '退回', findingId: null }],
      }),
    )
    expect(ret.ok ? null : ret.error.code).toBe('FORBIDDEN')
    expect((await t.call('items:get', { id: item.id })).status).toBe('pending_review')
    expect(refusals(item.id)).toMatchObject([
      { actor: TEST_ADMIN.displayName, reason: 'decided_other_step' },
      { actor: TEST_ADMIN.displayName, reason: 'decided_other_step' },
    ])

    await loginAs(t, LEADER)
    expect((await approve(t, item.id)).item.status).toBe('approved')
  })

  it('an author-administrator creates a second account with reviewer roles and cannot approve their own item through it', async () => {
    await loginAdmin(t)
    const item = await newItem(t) // the administrator is the author
    await submit(t, item)
    t.clock.advanceMinutes(5)
    const sock = { username: 'puppet', displayName: '傀儡账号', password: 'Puppet1234' }
    await t.call('users:create', { ...sock, roles: ['reviewer', 'leader'] })
    await loginAs(t, sock)

    const view = await t.call('review:get', { itemId: item.id })
    expect(view.cannotDecideReason).toBe('account_after_submission')
    expect(await t.call('review:queue', {})).toHaveLength(0)
    const attempt = await t.send('review:decide', await decision(t, item.id))
    expect(attempt.ok ? null : attempt.error.code).toBe('FORBIDDEN')
    expect(attempt.ok ? '' : attempt.error.message).toMatch(
      /您的账号创建于 .+，晚于该条目提交审查的时间（.+）/,
    )
    expect(refusals(item.id)).toMatchObject([
      { actor: '傀儡账号', reason: 'account_after_submission' },
    ])
    expect((await t.call('items:get', { id: item.id })).status).toBe('pending_review')

    // The same account may review items submitted after it existed.
    await loginAs(t, { username: 'zhang', password: 'Officer123' })
    const later = await newItem(t, { title: '关于开展2027年度道路养护的通知' })
    await submit(t, later)
    await loginAs(t, sock)
    expect((await approve(t, later.id)).review?.currentStep).toBe(1)
  })

  it('an administrator resets a reviewer’s password, logs in as them and is refused; the owner is told on the home page', async () => {
    const item = await newItem(t)
    await submit(t, item)
    t.clock.advanceMinutes(10)
    await loginAdmin(t)
    const users = await t.call('users:list', {})
    const li = users.find((u) => u.username === REVIEWER.username)!
    await t.call('users:reset-password', { id: li.id, password: 'Hijack1234' })
    await loginAs(t, { username: REVIEWER.username, password: 'Hijack1234' })

    const attempt = await t.send('review:decide', await decision(t, item.id))
    expect(attempt.ok ? null : attempt.error.code).toBe('FORBIDDEN')
    expect(attempt.ok ? '' : attempt.error.message).toContain(
      `由管理员${TEST_ADMIN.displayName}重置，晚于该条目提交审查的时间`,
    )
    expect((await t.call('review:get', { itemId: item.id })).cannotDecideReason).toBe(
      'password_reset_after_submission',
    )
    expect(refusals(item.id)).toMatchObject([
      { actor: REVIEWER.displayName, reason: 'password_reset_after_submission' },
    ])

    // 「您的密码已于 … 由管理员 … 重置」 until acknowledged.
    const notice = await t.call('accounts:reset-notice', {})
    expect(notice).toEqual({
      resetAt: t.clock.clock().toISOString(),
      resetByName: TEST_ADMIN.displayName,
    })
    await t.call('accounts:acknowledge-reset', {})
    expect(await t.call('accounts:reset-notice', {})).toBeNull()
    expect(
      query<{ action: string }>(
        t,
        "SELECT action FROM audit_log WHERE target = ? AND action LIKE 'user.password_reset%' ORDER BY seq",
        `user:${li.id}`,
      ).map((r) => r.action),
    ).toEqual(['user.password_reset', 'user.password_reset_acknowledged'])
  })

  it('the notice stays after the owner changes the reset password, until acknowledged', async () => {
    await loginAdmin(t)
    const li = (await t.call('users:list', {})).find((u) => u.username === REVIEWER.username)!
    await t.call('users:reset-password', { id: li.id, password: 'Temp123456' })
    await loginAs(t, { username: REVIEWER.username, password: 'Temp123456' })
    await t.call('auth:change-password', { oldPassword: 'Temp123456', newPassword: 'Mine123456' })
    expect(await t.call('accounts:reset-notice', {})).toMatchObject({
      resetByName: TEST_ADMIN.displayName,
    })
    await t.call('accounts:acknowledge-reset', {})
    expect(await t.call('accounts:reset-notice', {})).toBeNull()
  })

  it('the legitimate path still works: author, a reviewer and a leader — three people; a reset before submission does not bar', async () => {
    await loginAdmin(t)
    const li = (await t.call('users:list', {})).find((u) => u.username === REVIEWER.username)!
    await t.call('users:reset-password', { id: li.id, password: 'Fresh12345' })
    t.clock.advanceMinutes(1)
    await loginAs(t, { username: 'zhang', password: 'Officer123' })
    const item = await newItem(t)
    await submit(t, item)
    await loginAs(t, { username: REVIEWER.username, password: 'Fresh12345' })
    expect((await approve(t, item.id)).review?.currentStep).toBe(1)
    await loginAs(t, LEADER)
    const done = await approve(t, item.id)
    expect(done.item.status).toBe('approved')
    expect(new Set(done.steps.flatMap((s) => s.decisions.map((d) => d.deciderName))).size).toBe(2)
    expect(refusals(item.id)).toEqual([])
  })
})
