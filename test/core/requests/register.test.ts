import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestCore, type TestCore } from '../../helpers/test-core'
import { register, registerInput, APPLICANT } from './helpers'

let t: TestCore
beforeEach(async () => {
  t = await createTestCore()
})
afterEach(async () => {
  await t.cleanup()
})

describe('registering a request (条例第二十九条、第三十一条)', () => {
  it('numbers requests from the pattern per year of receipt: GK2025-001, GK2025-002, GK2026-001', async () => {
    const a = await register(t)
    const b = await register(t, { channelDate: '2025-03-04' })
    const c = await register(t, { channelDate: '2026-01-05' })
    expect([a.no, b.no, c.no]).toEqual(['GK2025-001', 'GK2025-002', 'GK2026-001'])
    await t.call('requests:update-settings', { numberPattern: '依申请〔{year}〕{seq:4}号' })
    expect((await register(t)).no).toBe('依申请〔2025〕0003号')
    const bad = await t.send('requests:update-settings', { numberPattern: 'GK-{year}' })
    expect(bad.ok).toBe(false)
  })

  it('a request by post is received the day the unit signs for it, not the day it was posted (第三十一条)', async () => {
    const v = await register(t, {
      channel: 'post',
      submittedDate: '2025-02-26',
      channelDate: '2025-03-03',
    })
    expect(v.receivedDate).toBe('2025-03-03')
    expect(v.dueDate).toBe('2025-03-31')
    expect(v.status).toBe('open')
    expect(v.dueSteps[0]?.article).toBe('条例第三十一条')
    expect(v.dueSteps.at(-1)?.kind).toBe('due')
    expect(v.correctionLimit).toBe('2025-03-12')
  })

  it('an edited receipt date needs a reason; it is audited and the due date follows', async () => {
    const refused = await t.send(
      'requests:register',
      registerInput({ receivedDate: '2025-03-04', receiptReason: '' }),
    )
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error.message).toContain('请说明原因')
    const v = await register(t, { receivedDate: '2025-03-04', receiptReason: '周末签收，周一登记' })
    expect(v.receivedDate).toBe('2025-03-04')
    expect(v.derivedReceivedDate).toBe('2025-03-03')
    expect(v.dueDate).toBe('2025-04-01')
    const changed = await t.call('requests:set-receipt', {
      requestId: v.id,
      receivedDate: '2025-03-05',
      reason: '经核对签收单',
    })
    expect(changed.receivedDate).toBe('2025-03-05')
    expect(changed.dueDate).toBe('2025-04-02')
    expect(changed.events.map((e) => e.kind)).toEqual(['received', 'receipt_changed'])
    const audit = await t.call('audit:list', { offset: 0, limit: 20 })
    const entry = audit.entries.find((r) => r.action === 'request.receipt_changed')
    expect(entry).toBeDefined()
    expect(JSON.stringify(entry)).toContain('经核对签收单')
  })

  it('refuses a receipt date after today', async () => {
    const r = await t.send('requests:register', registerInput({ channelDate: '2026-12-01' }))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toContain('晚于今天')
  })

  it('lists mask personal data; the detail view has it in full', async () => {
    const v = await register(t)
    expect(v.applicantName).toBe(APPLICANT.name)
    expect(v.applicantIdNo).toBe(APPLICANT.idNo)
    const list = await t.call('requests:list', { tab: 'all' })
    const row = list.rows[0]!
    expect(row.applicantName).toBe('张某')
    expect(JSON.stringify(list)).not.toContain(APPLICANT.name)
    expect(JSON.stringify(list)).not.toContain(APPLICANT.idNo)
    expect(JSON.stringify(list)).not.toContain(APPLICANT.contact)
    const org = await register(t, {
      applicantType: 'commercial',
      applicantName: '杭州某某科技有限公司',
    })
    const rows = (await t.call('requests:list', { tab: 'all' })).rows
    expect(rows.find((r) => r.id === org.id)?.applicantName).toBe('杭州某某科技有限公司')
  })
})

describe('events through the handlers, audited', () => {
  it('post → correction → corrected → extension → 部分公开: the clock restarts and extends', async () => {
    const v = await register(t)
    const corr = await t.call('requests:add-event', {
      requestId: v.id,
      kind: 'correction_requested',
      date: '2025-03-05',
      deadline: '2025-03-20',
      items: '请写明所需文件的名称或文号',
    })
    expect(corr.status).toBe('correction')
    expect(corr.dueDate).toBeNull()
    expect(corr.allowed).toEqual(['correction_received', 'correction_lapsed'])
    const received = await t.call('requests:add-event', {
      requestId: v.id,
      kind: 'correction_received',
      date: '2025-03-10',
    })
    expect(received.dueDate).toBe('2025-04-08')
    const extended = await t.call('requests:add-event', {
      requestId: v.id,
      kind: 'extension',
      date: '2025-04-01',
      days: 15,
      approver: '李主任',
      reason: '需调取历史档案',
    })
    // 4/8 = 20, 4/9 … 4/25 = 33, 4/27 Sun(调休) = 34, 4/28 = 35
    expect(extended.dueDate).toBe('2025-04-28')
    expect(extended.dueBeforeExtension).toBe('2025-04-08')
    const second = await t.send('requests:add-event', {
      requestId: v.id,
      kind: 'extension',
      date: '2025-04-02',
      days: 5,
      approver: '李主任',
      reason: '再延',
    })
    expect(second.ok).toBe(false)
    if (!second.ok) expect(second.error.message).toContain('只能一次')
    const answered = await t.call('requests:add-event', {
      requestId: v.id,
      kind: 'answer',
      date: '2025-04-20',
      answerType: 'partial',
      outcome: '2',
      note: '第 3 页涉及个人隐私，已作区分处理',
    })
    expect(answered.status).toBe('answered')
    expect(answered.outcome).toBe('2')
    expect(answered.allowed).toEqual([])
    expect(answered.letters).toEqual(['answer', 'correction', 'extension'])
    const audit = await t.call('audit:list', { offset: 0, limit: 50 })
    expect(audit.entries.filter((r) => r.action === 'request.event')).toHaveLength(4)
  })

  it('consultation with a third party gets 15 working days to reply (第三十二条); fee notice computes the amount', async () => {
    const v = await register(t)
    const c = await t.call('requests:add-event', {
      requestId: v.id,
      kind: 'consultation_started',
      date: '2025-03-05',
      party: 'third_party',
      partyName: '杭州某某科技有限公司',
    })
    expect(c.status).toBe('consultation')
    expect(c.events.at(-1)?.data.replyBy).toBe('2025-03-26')
    const ended = await t.call('requests:add-event', {
      requestId: v.id,
      kind: 'consultation_ended',
      date: '2025-03-14',
      note: '第三方不同意公开',
    })
    expect(ended.dueDate).toBe('2025-04-10')
    const fee = await t.call('requests:add-event', {
      requestId: v.id,
      kind: 'fee_notice',
      date: '2025-03-17',
      scheme: 'per_page',
      quantity: 120,
    })
    expect(fee.status).toBe('fee')
    expect(fee.events.at(-1)?.data.amount).toBe(1100)
    const lapsed = await t.send('requests:add-event', {
      requestId: v.id,
      kind: 'fee_lapsed',
      date: '2025-03-18',
    })
    expect(lapsed.ok).toBe(false)
    t.clock.set(new Date('2026-11-26T01:00:00Z'))
    const closed = await t.call('requests:add-event', {
      requestId: v.id,
      kind: 'fee_lapsed',
      date: '2025-04-30',
    })
    expect(closed.status).toBe('closed')
    expect(closed.outcome).toBe('6.2')
  })

  it('cases: 复议后起诉 needs a decided 行政复议 first; outcomes 维持/纠正/其他/尚未审结', async () => {
    const v = await register(t)
    const refused = await t.send('requests:save-case', {
      requestId: v.id,
      kind: 'litigation_after',
      filedDate: '2025-05-10',
    })
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error.message).toContain('须先登记')
    const rec = await t.call('requests:save-case', {
      requestId: v.id,
      kind: 'reconsideration',
      filedDate: '2025-04-20',
      organ: '杭州市人民政府',
      outcome: 'upheld',
      decidedDate: '2025-05-06',
    })
    expect(rec.outcome).toBe('upheld')
    const lit = await t.call('requests:save-case', {
      requestId: v.id,
      kind: 'litigation_after',
      filedDate: '2025-05-10',
    })
    expect(lit.outcome).toBe('pending')
    expect((await t.call('requests:get', { id: v.id })).cases).toHaveLength(2)
  })
})

describe('lists and counts', () => {
  it('due within 3 working days, overdue, paused, by status', async () => {
    // Today is 2026-11-26 (Thu). Received 2026-10-29 → due 2026-11-26 (due today).
    const today = await register(t, { channelDate: '2026-10-29' })
    expect(today.dueDate).toBe('2026-11-26')
    const late = await register(t, { channelDate: '2026-10-20' })
    const fresh = await register(t, { channelDate: '2026-11-25' })
    const paused = await register(t, { channelDate: '2026-11-20' })
    await t.call('requests:add-event', {
      requestId: paused.id,
      kind: 'consultation_started',
      date: '2026-11-24',
      party: 'agency',
      partyName: '区财政局',
    })
    const counts = await t.call('requests:counts', {})
    // The consultation holds the clock at most to its reply date 2026-12-15 (条例第三十四条); the
    // due date then runs into 2027, whose holidays are not known yet: 暂定.
    expect(counts).toEqual({ open: 4, dueSoon: 1, overdue: 1, paused: 1, provisional: 1 })
    const soon = await t.call('requests:list', { tab: 'due_soon' })
    expect(soon.rows.map((r) => r.id)).toEqual([today.id])
    expect(soon.rows[0]?.daysLeft).toBe(0)
    const overdue = await t.call('requests:list', { tab: 'overdue' })
    expect(overdue.rows.map((r) => r.id)).toEqual([late.id])
    expect(overdue.rows[0]!.daysLeft).toBeLessThan(0)
    expect((await t.call('requests:list', { tab: 'paused' })).rows.map((r) => r.id)).toEqual([
      paused.id,
    ])
    const open = await t.call('requests:list', { tab: 'open' })
    expect(open.rows.map((r) => r.id)).toEqual([late.id, today.id, fresh.id, paused.id])
    expect(open.rows.find((r) => r.id === fresh.id)?.dueDate).toBe('2026-12-23')
  })
})

describe('warnings before the 7 working days for a correction run out (条例第三十条)', () => {
  it('flags a request whose last day to ask for a correction is within 2 working days', async () => {
    // Received Wed 2026-11-18: the 7th working day is Fri 2026-11-27; today is Thu 2026-11-26.
    const v = await register(t, { channelDate: '2026-11-18' })
    expect(v.correctionLimit).toBe('2026-11-27')
    expect(v.warnings.some((w) => w.includes('2026-11-27 前发出补正告知'))).toBe(true)
    const row = (await t.call('requests:list', { tab: 'open' })).rows.find((r) => r.id === v.id)
    expect(row?.flags).toContain('补正告知最迟 2026-11-27')
    // Once answered or extended, no correction can be asked for any more: the warning goes.
    const extended = await t.call('requests:add-event', {
      requestId: v.id,
      kind: 'extension',
      date: '2026-11-26',
      days: 5,
      approver: '李主任',
      reason: '需调档',
    })
    expect(extended.correctionLimit).toBeNull()
    expect(extended.warnings.some((w) => w.includes('补正告知'))).toBe(false)
  })
})

describe('persistence', () => {
  it('a request, its events and its number sequence survive a restart', async () => {
    const v = await register(t)
    await t.call('requests:add-event', {
      requestId: v.id,
      kind: 'extension',
      date: '2025-03-20',
      days: 10,
      approver: '李主任',
      reason: '需调档',
    })
    await t.restart()
    await t.call('auth:login', { username: 'admin', password: 'Admin12345' })
    const again = await t.call('requests:get', { id: v.id })
    expect(again.dueDate).toBe('2025-04-15')
    expect(again.events.map((e) => e.kind)).toEqual(['received', 'extension'])
    expect((await register(t)).no).toBe('GK2025-002')
  })
})
