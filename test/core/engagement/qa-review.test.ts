import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TestCore } from '../../helpers/test-core'
import { loginAdmin, OFFICER2, query, REVIEWER2 } from '../review/workflow/helpers'
import { draftPolicy, LEADER, loginAs, OFFICER, passReview, REVIEWER, reviewCore } from './helpers'
import { qaApprove, qaDecision } from './qa-helpers'

/**
 * 政策问答 entries are "reviewed like items" (issue 14): the department's configured 保密审查 chain
 * (保密审核 by a reviewer → 领导签发 by a leader by default), the scanner over 问题 and 答复, the
 * separation-of-duties rules of core/review/workflow (谁起草、不签审查; one person per step; no
 * account made or taken over after submission), every decision bound to the content hash and
 * recorded, every refusal audited.
 */
let t: TestCore
let policyId: string
beforeEach(async () => {
  t = await reviewCore()
  const policy = await draftPolicy(t)
  await passReview(t, policy.id)
  policyId = policy.id
})
afterEach(async () => t.cleanup())

const entry = (fields: { question?: string; answer?: string } = {}) =>
  t.call('engagement:qa-save', {
    question: fields.question ?? '小微企业补贴需要哪些材料？',
    answer: fields.answer ?? '营业执照、社保缴纳证明和申请表。',
    policyItemId: policyId,
    interpretationItemId: null,
    keywords: '补贴',
    validFrom: null,
    validTo: null,
  })

const refusals = (qaId: string) =>
  query<{ actor_name: string; detail_json: string }>(
    t,
    "SELECT actor_name, detail_json FROM audit_log WHERE action = 'qa.refused' AND target = ? ORDER BY seq",
    `qa:${qaId}`,
  ).map((r) => ({ actor: r.actor_name, ...(JSON.parse(r.detail_json) as { reason: string }) }))

const qaActions = (qaId: string) =>
  query<{ action: string }>(
    t,
    'SELECT action FROM audit_log WHERE target = ? ORDER BY seq',
    `qa:${qaId}`,
  ).map((r) => r.action)

const errorOf = (r: { ok: true } | { ok: false; error: { code: string; message: string } }) =>
  r.ok ? null : r.error

describe('政策问答 through the 保密审查 chain (issue 14)', () => {
  it('the full default chain approves — 保密审核 by a reviewer, then 领导签发 by a leader — each decision recorded and audited', async () => {
    const qa = await entry()
    await t.call('engagement:qa-submit', { id: qa.id })
    const submitted = await t.call('engagement:qa-review-get', { id: qa.id })
    expect(submitted.round).toMatchObject({ round: 1, state: 'open', currentStep: 0 })
    expect(submitted.steps.map((s) => [s.name, s.role, s.status])).toEqual([
      ['保密审核', 'reviewer', 'current'],
      ['领导签发', 'leader', 'waiting'],
    ])
    expect(submitted.entry.pendingStep).toMatchObject({ index: 0, count: 2, name: '保密审核' })

    await loginAs(t, REVIEWER)
    const afterFirst = await qaApprove(t, qa.id, { note: '未发现涉密内容' })
    expect(afterFirst.state).toBe('pending')
    expect(afterFirst.pendingStep).toMatchObject({ index: 1, name: '领导签发' })
    await loginAs(t, LEADER)
    const done = await qaApprove(t, qa.id)
    expect(done).toMatchObject({ state: 'approved', reviewedByName: '刘签发', pendingStep: null })

    const view = await t.call('engagement:qa-review-get', { id: qa.id })
    expect(view.round?.state).toBe('approved')
    expect(
      view.steps.map((s) => [s.status, s.decisions.map((d) => [d.deciderName, d.note])]),
    ).toEqual([
      ['approved', [['李审核', '未发现涉密内容']]],
      ['approved', [['刘签发', '']]],
    ])
    const rows = query<{ decider_name: string; content_hash: string; step_name: string }>(
      t,
      'SELECT decider_name, content_hash, step_name FROM qa_review_decisions ORDER BY seq',
    )
    expect(rows).toEqual([
      { decider_name: '李审核', content_hash: qa.contentHash, step_name: '保密审核' },
      { decider_name: '刘签发', content_hash: qa.contentHash, step_name: '领导签发' },
    ])
    expect(qaActions(qa.id)).toEqual([
      'qa.save',
      'qa.submit',
      'qa.decide',
      'qa.decide',
      'qa.approve',
    ])
  })

  it('the author never decides, whatever roles they hold (谁起草、不签审查) — refused and audited', async () => {
    // 孙两岗 is an officer and a reviewer: may review others' entries, never their own.
    await loginAs(t, { username: 'sun', password: 'Both12345' })
    const qa = await entry()
    await t.call('engagement:qa-submit', { id: qa.id })
    const view = await t.call('engagement:qa-review-get', { id: qa.id })
    expect(view.canDecide).toBe(false)
    expect(view.cannotDecideReason).toBe('own_item')
    const r = await t.send('engagement:qa-review', await qaDecision(t, qa.id))
    expect(errorOf(r)).toMatchObject({ code: 'FORBIDDEN', message: '不能审查自己起草的信息' })
    expect(refusals(qa.id)).toMatchObject([{ actor: '孙两岗', reason: 'own_item' }])
  })

  it('whoever edited the entry since its last approval is an author too', async () => {
    const qa = await entry() // 张起草 writes
    await loginAs(t, { username: 'sun', password: 'Both12345' }) // 孙两岗 edits
    await t.call('engagement:qa-save', {
      id: qa.id,
      question: qa.question,
      answer: `${qa.answer}可在区政务服务网下载申请表。`,
      policyItemId: policyId,
      interpretationItemId: null,
      keywords: qa.keywords,
      validFrom: null,
      validTo: null,
    })
    await loginAs(t, OFFICER2) // 赵起草 submits
    await t.call('engagement:qa-submit', { id: qa.id })
    await loginAs(t, { username: 'sun', password: 'Both12345' })
    expect((await t.call('engagement:qa-review-get', { id: qa.id })).cannotDecideReason).toBe(
      'own_item',
    )
    expect(errorOf(await t.send('engagement:qa-review', await qaDecision(t, qa.id)))?.code).toBe(
      'FORBIDDEN',
    )
    await loginAdmin(t) // holds every role, wrote nothing: may decide
    expect((await t.call('engagement:qa-review-get', { id: qa.id })).canDecide).toBe(true)
  })

  it('the wrong role is refused: 领导签发 needs a leader, 保密审核 a reviewer', async () => {
    const qa = await entry()
    await t.call('engagement:qa-submit', { id: qa.id })
    await loginAs(t, LEADER)
    const early = await t.send('engagement:qa-review', await qaDecision(t, qa.id))
    expect(errorOf(early)?.code).toBe('FORBIDDEN')
    expect(errorOf(early)?.message).toContain('当前步骤「保密审核」须由审核人审查')
    await loginAs(t, REVIEWER)
    await qaApprove(t, qa.id)
    await loginAs(t, REVIEWER2)
    const second = await t.send('engagement:qa-review', await qaDecision(t, qa.id))
    expect(errorOf(second)?.message).toContain('当前步骤「领导签发」须由签发人审查')
    expect(refusals(qa.id).map((x) => x.reason)).toEqual(['wrong_role', 'wrong_role'])
    expect((await t.call('engagement:qa-list', {}))[0]?.state).toBe('pending')
  })

  it('one person decides one step of a round: the administrator approves 保密审核 and is refused at 领导签发', async () => {
    const qa = await entry()
    await t.call('engagement:qa-submit', { id: qa.id })
    await loginAdmin(t)
    await qaApprove(t, qa.id)
    const view = await t.call('engagement:qa-review-get', { id: qa.id })
    expect(view.cannotDecideReason).toBe('decided_other_step')
    const second = await t.send('engagement:qa-review', await qaDecision(t, qa.id))
    expect(errorOf(second)?.code).toBe('FORBIDDEN')
    expect(errorOf(second)?.message).toContain('每一步须由不同的人审查')
    const ret = await t.send(
      'engagement:qa-review',
      await qaDecision(t, qa.id, { decision: 'return', note: '退回' }),
    )
    expect(errorOf(ret)?.code).toBe('FORBIDDEN')
    expect(refusals(qa.id).map((x) => x.reason)).toEqual([
      'decided_other_step',
      'decided_other_step',
    ])
    await loginAs(t, LEADER)
    expect((await qaApprove(t, qa.id)).state).toBe('approved')
  })

  it('an account created, or password-reset by an administrator, after submission cannot decide', async () => {
    const qa = await entry()
    await t.call('engagement:qa-submit', { id: qa.id })
    t.clock.advanceMinutes(5)
    await loginAdmin(t)
    const sock = { username: 'puppet', displayName: '傀儡账号', password: 'Puppet1234' }
    await t.call('users:create', { ...sock, roles: ['reviewer'] })
    const li = (await t.call('users:list', {})).find((u) => u.username === REVIEWER.username)!
    await t.call('users:reset-password', { id: li.id, password: 'Hijack1234' })
    await loginAs(t, sock)
    const bySock = await t.send('engagement:qa-review', await qaDecision(t, qa.id))
    expect(errorOf(bySock)?.message).toMatch(/您的账号创建于 .+，晚于该条目提交审查的时间/)
    await loginAs(t, { username: REVIEWER.username, password: 'Hijack1234' })
    expect((await t.call('engagement:qa-review-get', { id: qa.id })).cannotDecideReason).toBe(
      'password_reset_after_submission',
    )
    const byReset = await t.send('engagement:qa-review', await qaDecision(t, qa.id))
    expect(errorOf(byReset)?.code).toBe('FORBIDDEN')
    expect(refusals(qa.id).map((x) => x.reason)).toEqual([
      'account_after_submission',
      'password_reset_after_submission',
    ])
  })

  it('the scanner runs over 问题 and 答复: a blocker refuses 同意; a high finding needs a written reason', async () => {
    const secret = await entry({ answer: '依据机密★10年文件办理。' })
    await t.call('engagement:qa-submit', { id: secret.id })
    const personal = await entry({ question: '张三的补贴到账了吗？手机 13912345678' })
    await t.call('engagement:qa-submit', { id: personal.id })
    await loginAs(t, REVIEWER)

    const s = await t.call('engagement:qa-review-get', { id: secret.id })
    expect(s.round?.counts.blocker).toBeGreaterThan(0)
    expect(s.round?.findings.find((f) => f.severity === 'blocker')?.sourceLabel).toBe('答复')
    const blocked = await t.send('engagement:qa-review', await qaDecision(t, secret.id))
    expect(errorOf(blocked)?.code).toBe('CONFLICT')
    expect(errorOf(blocked)?.message).toContain('阻断项')
    // 退回修改 stays possible.
    const back = await t.call(
      'engagement:qa-review',
      await qaDecision(t, secret.id, { decision: 'return', note: '删除密级标志' }),
    )
    expect(back).toMatchObject({ state: 'returned', reviewNote: '删除密级标志' })

    const p = await t.call('engagement:qa-review-get', { id: personal.id })
    const highs = p.round!.findings.filter((f) => f.severity === 'high')
    expect(highs.length).toBeGreaterThanOrEqual(1)
    expect(highs.every((f) => f.sourceLabel === '问题')).toBe(true)
    const none = await t.send('engagement:qa-review', await qaDecision(t, personal.id))
    expect(errorOf(none)?.code).toBe('VALIDATION')
    expect(errorOf(none)?.message).toContain('高风险发现须逐条填写同意公开的理由')
    const reasons = highs.map((f) => ({ findingId: f.id, reason: '本人同意公开' }))
    const ok = await qaApprove(t, personal.id, { highReasons: reasons })
    expect(ok.pendingStep?.name).toBe('领导签发')
    const [stored] = query<{ high_reasons_json: string }>(
      t,
      'SELECT high_reasons_json FROM qa_review_decisions WHERE decider_name = ?',
      '李审核',
    ).filter((r) => r.high_reasons_json !== '[]')
    expect(JSON.parse(stored!.high_reasons_json)).toEqual(reasons)
  })

  it('each decision is bound to the content hash: a stale hash is refused; an edit while pending returns it to 草稿 and cancels the round', async () => {
    const qa = await entry()
    await t.call('engagement:qa-submit', { id: qa.id })
    await loginAs(t, REVIEWER)
    const stale = await t.send(
      'engagement:qa-review',
      await qaDecision(t, qa.id, { contentHash: 'f'.repeat(64) }),
    )
    expect(errorOf(stale)).toMatchObject({
      code: 'CONFLICT',
      message: '问答内容已变更，请刷新后重新审核',
    })
    const seen = await qaDecision(t, qa.id)
    await qaApprove(t, qa.id)

    // The officer edits while 领导签发 waits: back to 草稿, the round is cancelled.
    await loginAs(t, OFFICER)
    const edited = await t.call('engagement:qa-save', {
      id: qa.id,
      question: qa.question,
      answer: '营业执照和申请表。',
      policyItemId: policyId,
      interpretationItemId: null,
      keywords: qa.keywords,
      validFrom: null,
      validTo: null,
    })
    expect(edited.state).toBe('draft')
    expect(edited.contentHash).not.toBe(qa.contentHash)
    const cancelled = await t.call('engagement:qa-review-get', { id: qa.id })
    expect(cancelled.round?.state).toBe('cancelled')
    await loginAs(t, LEADER)
    const late = await t.send('engagement:qa-review', { ...seen, stepIndex: 1 })
    expect(errorOf(late)?.code).toBe('CONFLICT')

    // Resubmitted: a new round, the chain starts again (李审核 may decide 保密审核 again).
    await loginAs(t, OFFICER)
    await t.call('engagement:qa-submit', { id: qa.id })
    const again = await t.call('engagement:qa-review-get', { id: qa.id })
    expect(again.round).toMatchObject({ round: 2, currentStep: 0, contentHash: edited.contentHash })
    expect(again.history).toMatchObject([{ round: 1, state: 'cancelled' }])
    expect(qaActions(qa.id)).toContain('qa.cancelled')
    // An old round's id is refused.
    await loginAs(t, REVIEWER)
    const old = await t.send('engagement:qa-review', {
      ...(await qaDecision(t, qa.id)),
      reviewId: seen.reviewId,
    })
    expect(errorOf(old)?.code).toBe('CONFLICT')
  })

  it('removing an entry under review cancels its round; it leaves 我的待办', async () => {
    const qa = await entry()
    await t.call('engagement:qa-submit', { id: qa.id })
    await t.call('engagement:qa-remove', { id: qa.id })
    const [round] = query<{ state: string; closed_at: string | null }>(
      t,
      'SELECT state, closed_at FROM qa_reviews WHERE qa_id = ?',
      qa.id,
    )
    expect(round?.state).toBe('cancelled')
    expect(round?.closed_at).not.toBeNull()
    expect(qaActions(qa.id)).toEqual(['qa.save', 'qa.submit', 'qa.cancelled', 'qa.remove'])
    await loginAs(t, REVIEWER)
    expect((await t.call('home:todo', {})).qaAwaitingMyReview.count).toBe(0)
  })

  it('follows the configured chain: a three-step chain needs three different people', async () => {
    await loginAdmin(t)
    await t.call('review:chain-update', {
      steps: [
        { name: '科室初审', role: 'reviewer' },
        { name: '保密审核', role: 'reviewer' },
        { name: '领导签发', role: 'leader' },
      ],
    })
    await loginAs(t, OFFICER)
    const qa = await entry()
    await t.call('engagement:qa-submit', { id: qa.id })
    await loginAs(t, REVIEWER)
    await qaApprove(t, qa.id)
    const same = await t.send('engagement:qa-review', await qaDecision(t, qa.id))
    expect(errorOf(same)?.message).toContain('每一步须由不同的人审查')
    await loginAs(t, REVIEWER2)
    expect((await qaApprove(t, qa.id)).pendingStep).toMatchObject({ index: 2, count: 3 })
    await loginAs(t, LEADER)
    expect((await qaApprove(t, qa.id)).state).toBe('approved')
  })

  it('我的待办 (and the 保密审查 queue) list the entries whose step the user may decide now', async () => {
    const qa = await entry()
    await t.call('engagement:qa-submit', { id: qa.id })
    expect((await t.call('home:todo', {})).qaAwaitingMyReview.count).toBe(0) // the author
    await loginAs(t, LEADER)
    expect((await t.call('home:todo', {})).qaAwaitingMyReview.count).toBe(0) // not the step's role
    await loginAs(t, REVIEWER)
    const mine = (await t.call('home:todo', {})).qaAwaitingMyReview
    expect(mine.count).toBe(1)
    expect(mine.rows[0]).toMatchObject({ itemId: qa.id, title: qa.question })
    expect(mine.rows[0]?.note).toContain('保密审核（第 1/2 步）· 张起草 提交')
    // The 保密审查 queue's note asks the same query.
    expect(await t.call('engagement:qa-queue', {})).toMatchObject([
      { id: qa.id, stepName: '保密审核', stepIndex: 0, stepCount: 2 },
    ])
    await qaApprove(t, qa.id)
    expect((await t.call('home:todo', {})).qaAwaitingMyReview.count).toBe(0)
    await loginAs(t, LEADER)
    expect((await t.call('home:todo', {})).qaAwaitingMyReview.rows[0]?.note).toContain(
      '领导签发（第 2/2 步）',
    )
  })
})
