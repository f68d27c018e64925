import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { packageCalendarYears } from '../../../src/core/calendar/package-years'
import { calendarFromYears } from '../../../src/core/deadlines'
import { computeDue, type EventFact } from '../../../src/core/requests/rules'
import { createTestCore, type TestCore } from '../../helpers/test-core'
import { register } from './helpers'

const cal = calendarFromYears(packageCalendarYears())
let seq = 1
const ev = (kind: EventFact['kind'], date: string, data: Record<string, unknown> = {}) => ({
  seq: seq++,
  kind,
  date,
  data,
})
const due = (events: EventFact[]) =>
  computeDue(cal, { receivedDate: '2025-03-03', events: [ev('received', '2025-03-03'), ...events] })

describe('pauses are capped by the periods the regulation gives', () => {
  it('条例第三十二条: a third party has 15 working days; a late reply does not hold the clock longer', () => {
    // Started 3/5 → reply by 3/26 (15 working days), derived, whatever was stored at the time.
    const onTime = due([
      ev('consultation_started', '2025-03-05', { party: 'third_party', partyName: '某公司' }),
      ev('consultation_ended', '2025-03-26'),
    ])
    const late = due([
      ev('consultation_started', '2025-03-05', {
        party: 'third_party',
        partyName: '某公司',
        replyBy: '2025-06-30',
      }),
      ev('consultation_ended', '2025-04-30'),
    ])
    expect(late.state.consultations[0]?.replyBy).toBe('2025-03-26')
    expect(late.result.dueDate).toBe(onTime.result.dueDate)
    // 3/4 = 1, 3/5 = 2, paused to 3/26, 3/27 = 3 … 4/3 = 8, 4/4 清明, 4/7–11 = 9–13, 4/14–18 = 14–18, 4/21 = 19, 4/22 = 20
    expect(late.result.dueDate).toBe('2025-04-22')
  })

  it('条例第三十二条: a consultation never answered holds the clock only until the reply date', () => {
    const r = due([
      ev('consultation_started', '2025-03-05', { party: 'agency', partyName: '区财政局' }),
    ])
    expect(r.state.status).toBe('consultation')
    expect(r.result.dueDate).toBe('2025-04-22')
  })

  it('国办函〔2020〕109号: an unpaid fee notice holds the clock only until its 20 working days end', () => {
    // Notice 3/4 → pay by 4/1; 3/4 = 1, 4/2 = 2 … 4/25 = 18, 4/27 (Sun, 调休) = 19, 4/28 = 20
    const r = due([
      ev('fee_notice', '2025-03-04', { scheme: 'per_page', quantity: 120, amount: 1100 }),
    ])
    expect(r.state.fee?.payBy).toBe('2025-04-01')
    expect(r.state.status).toBe('fee')
    expect(r.result.dueDate).toBe('2025-04-28')
  })
})

describe('flags on an overdue consultation or fee (条例第三十二条, 国办函〔2020〕109号)', () => {
  let t: TestCore
  beforeEach(async () => {
    t = await createTestCore({ now: new Date('2025-04-10T02:00:00Z') })
  })
  afterEach(async () => {
    await t.cleanup()
  })

  it('shows 征求意见已逾期 and 缴费期限已过 in the list and the detail view', async () => {
    const a = await register(t)
    await t.call('requests:add-event', {
      requestId: a.id,
      kind: 'consultation_started',
      date: '2025-03-05',
      party: 'third_party',
      partyName: '某公司',
    })
    const b = await register(t)
    await t.call('requests:add-event', {
      requestId: b.id,
      kind: 'fee_notice',
      date: '2025-03-04',
      scheme: 'per_page',
      quantity: 120,
    })
    const list = await t.call('requests:list', { tab: 'all' })
    const flags = (id: string) => list.rows.find((r) => r.id === id)?.flags.join('；') ?? ''
    expect(flags(a.id)).toContain('征求意见已逾期')
    expect(flags(b.id)).toContain('缴费期限已过')
    expect((await t.call('requests:get', { id: a.id })).warnings.join('；')).toContain(
      '征求意见已逾期',
    )
  })
})

describe('secondary deadlines follow the calendar and say 暂定 (条例第三十条、第三十二条)', () => {
  let t: TestCore
  beforeEach(async () => {
    t = await createTestCore({ now: new Date('2026-12-29T02:00:00Z') })
  })
  afterEach(async () => {
    await t.cleanup()
  })

  it('reply date, pay-by date and correction limit in an unknown year are 暂定, then recomputed', async () => {
    const g = await register(t, { channelDate: '2026-12-28', submittedDate: '2026-12-28' })
    // 12/29, 12/30, 12/31, 1/1 (counted Monday–Friday), 1/4, 1/5, 1/6
    expect(g.correctionLimit).toBe('2027-01-06')
    expect(g.correctionLimitProvisional).toBe(true)
    const c = await register(t, { channelDate: '2026-12-28', submittedDate: '2026-12-28' })
    await t.call('requests:add-event', {
      requestId: c.id,
      kind: 'consultation_started',
      date: '2026-12-29',
      party: 'third_party',
      partyName: '某公司',
    })
    const f = await register(t, { channelDate: '2026-12-28', submittedDate: '2026-12-28' })
    await t.call('requests:add-event', {
      requestId: f.id,
      kind: 'fee_notice',
      date: '2026-12-29',
      scheme: 'per_page',
      quantity: 120,
    })
    const summary = async (id: string, kind: string) =>
      (await t.call('requests:get', { id })).events.find((e) => e.kind === kind)?.summary ?? ''
    // Monday–Friday in 2027 until its notice is added: 12/30, 12/31, 1/1 … reply by 2027-01-19.
    expect(await summary(c.id, 'consultation_started')).toContain('2027-01-19（暂定）')
    expect(await summary(f.id, 'fee_notice')).toContain('（暂定）')
    const fBefore = await summary(f.id, 'fee_notice')

    await t.call('calendar:add', {
      year: 2027,
      holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
      workdays: [],
      source: 'manual',
    })
    expect(await summary(c.id, 'consultation_started')).toContain('2027-01-20 前答复')
    expect(await summary(c.id, 'consultation_started')).not.toContain('暂定')
    expect(await summary(f.id, 'fee_notice')).not.toContain('暂定')
    expect(await summary(f.id, 'fee_notice')).not.toBe(fBefore)
    const after = await t.call('requests:get', { id: g.id })
    expect(after.correctionLimit).toBe('2027-01-07')
    expect(after.correctionLimitProvisional).toBe(false)
  })
})
