import { describe, expect, it } from 'vitest'
import { packageCalendarYears } from '../../../src/core/calendar/package-years'
import { calendarFromYears } from '../../../src/core/deadlines'
import {
  computeDue,
  checkEvent,
  type EventFact,
  type NewEvent,
} from '../../../src/core/requests/rules'

/**
 * Deadline tests a reviewer can check against a printed calendar (the State Council notices for
 * 2025 and 2026, as chinese-days ships them). Day 0 is the day of receipt (条例第三十一条), counting
 * starts the next day, 20 working days (条例第三十三条).
 */
const cal = calendarFromYears(packageCalendarYears())

let seq = 1
const ev = (
  kind: EventFact['kind'],
  date: string,
  data: Record<string, unknown> = {},
): EventFact => ({
  seq: seq++,
  kind,
  date,
  data,
})
const due = (receivedDate: string, events: EventFact[] = []) =>
  computeDue(cal, { receivedDate, events: [ev('received', receivedDate), ...events] })

describe('answer deadline (条例第三十三条, 20 working days from the day after receipt)', () => {
  it('a Friday just before National Day 2025: skips 10月1日–8日, counts the 调休 Sundays 9月28日 and Saturday 10月11日', () => {
    // 9/28 Sun(调休)=1, 9/29=2, 9/30=3, 10/1–10/8 off, 10/9=4, 10/10=5, 10/11 Sat(调休)=6 … 10/30=20
    const r = due('2025-09-26')
    expect(r.result.dueDate).toBe('2025-10-30')
    expect(r.result.provisional).toBe(false)
    const text = r.result.timeline.map((s) => s.text).join('\n')
    expect(text).toContain('国庆节')
    expect(text).toContain('调休上班')
  })

  it('received on a 调休 working Sunday (2025-09-28) — that day is day 0', () => {
    expect(due('2025-09-28').result.dueDate).toBe('2025-10-31')
  })

  it('received on a holiday (2025-10-03) — day 0 is the holiday, counting starts 10月9日', () => {
    expect(due('2025-10-03').result.dueDate).toBe('2025-11-04')
  })

  it('just before the Spring Festival 2026: 2月15日–23日 off, Saturdays 2月14日 and 2月28日 worked', () => {
    // 2/9–2/13 = 1–5, 2/14 Sat(调休)=6, 2/24–2/27 = 7–10, 2/28 Sat(调休)=11, 3/2–3/12 = 12–20
    expect(due('2026-02-06').result.dueDate).toBe('2026-03-12')
  })

  it('a correction restarts the clock from the day the corrected request arrives (条例第三十条)', () => {
    const pending = due('2025-03-03', [
      ev('correction_requested', '2025-03-05', { deadline: '2025-03-20', items: '请写明文号' }),
    ])
    expect(pending.state.status).toBe('correction')
    expect(pending.result.dueDate).toBeNull()
    // Restart on Mon 3/10: 3/11 = 1 … 4/3 = 18, 4/4 清明节 off, 4/7 = 19, 4/8 = 20
    const restarted = due('2025-03-03', [
      ev('correction_requested', '2025-03-05', { deadline: '2025-03-20', items: '请写明文号' }),
      ev('correction_received', '2025-03-10'),
    ])
    expect(restarted.state.status).toBe('open')
    expect(restarted.result.dueDate).toBe('2025-04-08')
    expect(restarted.result.timeline[0]?.article).toBe('条例第三十条')
  })

  it('consultation time is not counted (条例第三十二条、第三十三条第三款)', () => {
    // Without: 3/31. Paused after 3/5 up to 3/14 (7 working days) → 7 more: 4/10
    expect(due('2025-03-03').result.dueDate).toBe('2025-03-31')
    const r = due('2025-03-03', [
      ev('consultation_started', '2025-03-05', {
        party: 'third_party',
        partyName: '某公司',
        replyBy: '2025-03-26',
      }),
      ev('consultation_ended', '2025-03-14'),
    ])
    expect(r.result.dueDate).toBe('2025-04-10')
    expect(
      r.result.timeline.some((s) => s.kind === 'pause' && s.article === '条例第三十二条'),
    ).toBe(true)
  })

  it('an open consultation holds the clock only up to the 15 working days of 条例第三十二条/第三十四条', () => {
    const r = due('2025-03-03', [
      ev('consultation_started', '2025-03-05', {
        party: 'agency',
        partyName: '区财政局',
        replyBy: '2025-03-26',
      }),
    ])
    expect(r.state.status).toBe('consultation')
    // Paused after 3/5 up to the reply date 3/26; 18 working days left → 2025-04-22.
    expect(r.result.dueDate).toBe('2025-04-22')
  })

  it('an extension of 20 working days (条例第三十三条第二款) runs on from the original due date, across 劳动节 调休', () => {
    // 3/31 = 20 … 4/25 = 38, 4/27 Sun(调休)=39, 4/28 = 40
    const r = due('2025-03-03', [
      ev('extension', '2025-03-20', { days: 20, approver: '李主任', reason: '需调取档案' }),
    ])
    expect(r.result.dueDate).toBe('2025-04-28')
    expect(r.result.timeline.some((s) => s.text.includes('经批准延长 20 个工作日'))).toBe(true)
  })

  it('a fee notice holds the clock until payment (国办函〔2020〕109号)', () => {
    // 3/4 = 1; paused after 3/4 up to 3/12 (6 working days); due 6 working days after 3/31 → 4/9
    const r = due('2025-03-03', [
      ev('fee_notice', '2025-03-04', {
        scheme: 'per_page',
        quantity: 120,
        amount: 1100,
        payBy: '2025-04-01',
      }),
      ev('fee_paid', '2025-03-12', { amount: 1100 }),
    ])
    expect(r.result.dueDate).toBe('2025-04-09')
  })

  it('a deadline in a year the calendar does not know is 暂定 (provisional), counted Monday–Friday', () => {
    const r = due('2026-12-10')
    expect(r.result.provisional).toBe(true)
    expect(r.result.dueDate).toBe('2027-01-07')
    expect(r.result.timeline.some((s) => s.kind === 'provisional')).toBe(true)
  })
})

describe('events in the wrong order are refused with a clear message', () => {
  const facts = (events: EventFact[] = []) => ({
    receivedDate: '2025-03-03',
    events: [ev('received', '2025-03-03'), ...events],
  })
  const refuse = (f: ReturnType<typeof facts>, e: NewEvent, today = '2025-06-30') =>
    expect(() => checkEvent(cal, f, e, today))

  it('an answer dated before the receipt', () => {
    refuse(facts(), {
      kind: 'answer',
      date: '2025-03-01',
      answerType: 'disclose',
      outcome: '1',
    }).toThrow(/早于收到申请之日 2025-03-03/)
  })

  it('an event dated after today', () => {
    refuse(facts(), { kind: 'extension', date: '2025-07-01', days: 5 }).toThrow(/晚于今天/)
  })

  it('a correction notice after the 7 working days of 条例第三十条 (last day 2025-03-12)', () => {
    expect(() =>
      checkEvent(
        cal,
        facts(),
        { kind: 'correction_requested', date: '2025-03-12', deadline: '2025-03-25' },
        '2025-06-30',
      ),
    ).not.toThrow()
    refuse(facts(), {
      kind: 'correction_requested',
      date: '2025-03-13',
      deadline: '2025-03-25',
    }).toThrow(/7 个工作日内.*最迟 2025-03-12/)
  })

  it('a second correction notice (条例第三十条: once)', () => {
    const f = facts([
      ev('correction_requested', '2025-03-04', { deadline: '2025-03-14', items: 'x' }),
      ev('correction_received', '2025-03-06'),
    ])
    refuse(f, { kind: 'correction_requested', date: '2025-03-07', deadline: '2025-03-20' }).toThrow(
      /只能要求一次/,
    )
  })

  it('a second extension, and one of more than 20 working days (条例第三十三条)', () => {
    const f = facts([ev('extension', '2025-03-20', { days: 10, approver: '李', reason: 'r' })])
    refuse(f, { kind: 'extension', date: '2025-03-21', days: 5 }).toThrow(/只能一次/)
    refuse(facts(), { kind: 'extension', date: '2025-03-20', days: 21 }).toThrow(
      /不得超过 20 个工作日/,
    )
  })

  it('an extension decided after the period ran out', () => {
    refuse(facts(), { kind: 'extension', date: '2025-04-01', days: 10 }).toThrow(
      /期限届满前.*2025-03-31/,
    )
  })

  it('an event earlier than the previous step', () => {
    const f = facts([ev('extension', '2025-03-20', { days: 10, approver: '李', reason: 'r' })])
    refuse(f, { kind: 'answer', date: '2025-03-19', answerType: 'disclose', outcome: '1' }).toThrow(
      /早于上一办理环节「延期答复」/,
    )
  })

  it('an answer while the applicant has not corrected yet', () => {
    const f = facts([
      ev('correction_requested', '2025-03-04', { deadline: '2025-03-14', items: 'x' }),
    ])
    refuse(f, { kind: 'answer', date: '2025-03-10', answerType: 'disclose', outcome: '1' }).toThrow(
      /尚未补正|等待补正/,
    )
  })

  it('closing for no correction (（六）1) before the given deadline', () => {
    const f = facts([
      ev('correction_requested', '2025-03-04', { deadline: '2025-03-14', items: 'x' }),
    ])
    refuse(f, { kind: 'correction_lapsed', date: '2025-03-14' }).toThrow(/尚未届满/)
    expect(() =>
      checkEvent(cal, f, { kind: 'correction_lapsed', date: '2025-03-17' }, '2025-06-30'),
    ).not.toThrow()
  })

  it('anything after the request was answered or closed', () => {
    const f = facts([ev('answer', '2025-03-20', { answerType: 'disclose', outcome: '1' })])
    refuse(f, { kind: 'extension', date: '2025-03-21', days: 5 }).toThrow(/已于 2025-03-20 办结/)
    const lapsed = facts([
      ev('correction_requested', '2025-03-04', { deadline: '2025-03-14', items: 'x' }),
      ev('correction_lapsed', '2025-03-17'),
    ])
    expect(computeDue(cal, lapsed).state.status).toBe('closed')
    expect(computeDue(cal, lapsed).state.done?.outcome).toBe('6.1')
    refuse(lapsed, { kind: 'correction_received', date: '2025-03-18' }).toThrow(/办结/)
  })

  it('an outcome that does not fit the kind of answer (条例第三十六条 / table 三)', () => {
    refuse(facts(), {
      kind: 'answer',
      date: '2025-03-20',
      answerType: 'partial',
      outcome: '1',
    }).toThrow(/不能计为「（一）予以公开」/)
    refuse(facts(), {
      kind: 'answer',
      date: '2025-03-20',
      answerType: 'other',
      outcome: '6.1',
    }).toThrow(/（六）1/)
    expect(() =>
      checkEvent(
        cal,
        facts(),
        { kind: 'answer', date: '2025-03-20', answerType: 'withhold', outcome: '3.4' },
        '2025-06-30',
      ),
    ).not.toThrow()
  })

  it('paying a fee after its 20 working days, and a fee notice for a free quantity', () => {
    const f = facts([
      ev('fee_notice', '2025-03-04', {
        scheme: 'per_page',
        quantity: 40,
        amount: 100,
        payBy: '2025-04-02', // as stored; the rule derives 2025-04-01 from the calendar
      }),
    ])
    refuse(f, { kind: 'fee_paid', date: '2025-04-02' }).toThrow(/缴费期限 2025-04-01 已过/)
    refuse(facts(), { kind: 'fee_notice', date: '2025-03-04', amount: 0 }).toThrow(/不收取/)
  })
})
