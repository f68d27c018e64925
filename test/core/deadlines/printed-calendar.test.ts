import { describe, expect, it } from 'vitest'
import { packageCalendarYears } from '../../../src/core/calendar/package-years'
import {
  addWorkingDays,
  calendarFromYears,
  countDeadline,
  type CalendarYear,
} from '../../../src/core/deadlines'

/**
 * Answer deadlines a reviewer can check with a printed calendar (条例第三十三条: 20 个工作日, the
 * day of receipt is day 0, counting from the next day). Each case spells the count out.
 */
const cal = calendarFromYears(packageCalendarYears())
const due20 = (start: string) => countDeadline(cal, { start, days: 20 })

describe('条例第三十三条 — receipt just before National Day', () => {
  it('2025-09-30 (Tue): 10-01…10-08 off, 10-11 (Sat) works → due 2025-11-04', () => {
    // 10-09 ①, 10-10 ②, 10-11 调休 ③, 10-13…17 ④–⑧, 10-20…24 ⑨–⑬, 10-27…31 ⑭–⑱, 11-03 ⑲, 11-04 ⑳
    const r = due20('2025-09-30')
    expect(r.dueDate).toBe('2025-11-04')
    expect(r.provisional).toBe(false)
    const skip = r.timeline.find((s) => s.kind === 'skip' && s.from === '2025-10-01')
    expect(skip).toMatchObject({ to: '2025-10-08' })
    expect(skip?.text).toContain('国庆节')
    expect(skip?.text).toContain('中秋')
    expect(r.timeline.find((s) => s.date === '2025-10-11')?.text).toContain(
      '调休上班，计第 3 个工作日',
    )
  })

  it('2025-09-26 (Fri): 09-28 (Sun) is a make-up working day and counts → due 2025-10-30', () => {
    // 09-28 调休 ①, 09-29 ②, 09-30 ③, 10-01…08 off, 10-09 ④, 10-10 ⑤, 10-11 调休 ⑥, … 10-30 ⑳
    expect(due20('2025-09-26').dueDate).toBe('2025-10-30')
  })

  it('2026-09-30 (Wed): 10-01…10-07 off, 10-10 (Sat) works → due 2026-11-03', () => {
    // 10-08 ①, 10-09 ②, 10-10 调休 ③, 10-12…16 ④–⑧, 10-19…23 ⑨–⑬, 10-26…30 ⑭–⑱, 11-02 ⑲, 11-03 ⑳
    expect(due20('2026-09-30').dueDate).toBe('2026-11-03')
  })
})

describe('条例第三十三条 — receipt just before Spring Festival', () => {
  it('2025-01-27 (Mon): 01-28…02-04 off, 02-08 (Sat) works → due 2025-03-03', () => {
    // 02-05 ①, 02-06 ②, 02-07 ③, 02-08 调休 ④, 02-10…14 ⑤–⑨, 02-17…21 ⑩–⑭, 02-24…28 ⑮–⑲, 03-03 ⑳
    const r = due20('2025-01-27')
    expect(r.dueDate).toBe('2025-03-03')
    expect(r.timeline.find((s) => s.kind === 'skip' && s.from === '2025-01-28')).toMatchObject({
      to: '2025-02-04',
    })
  })

  it('2026-02-13 (Fri): 02-14 (Sat) works, 02-15…23 off, 02-28 (Sat) works → due 2026-03-19', () => {
    // 02-14 调休 ①, 02-24 ②, 02-25 ③, 02-26 ④, 02-27 ⑤, 02-28 调休 ⑥, 03-02…06 ⑦–⑪, 03-09…13 ⑫–⑯, 03-16…19 ⑰–⑳
    const r = due20('2026-02-13')
    expect(r.dueDate).toBe('2026-03-19')
    const makeups = r.timeline.filter((s) => s.kind === 'count' && s.date !== undefined)
    expect(makeups.map((s) => s.date)).toEqual(['2026-02-14', '2026-02-28'])
  })
})

describe('条例第三十三条 — receipt on a 调休 working weekend and on a holiday', () => {
  it('2026-09-20 (Sun, 调休上班) is day 0 → due 2026-10-23', () => {
    // 09-21…24 ①–④, 09-25…27 中秋 off, 09-28…30 ⑤–⑦, 10-01…07 off, 10-08 ⑧, 10-09 ⑨, 10-10 调休 ⑩,
    // 10-12…16 ⑪–⑮, 10-19…23 ⑯–⑳
    expect(due20('2026-09-20').dueDate).toBe('2026-10-23')
  })

  it('2025-01-26 (Sun, 调休上班) before Spring Festival → due 2025-02-28', () => {
    // 01-27 ①, 01-28…02-04 off, 02-05…07 ②–④, 02-08 调休 ⑤, 02-10…14 ⑥–⑩, 02-17…21 ⑪–⑮, 02-24…28 ⑯–⑳
    expect(due20('2025-01-26').dueDate).toBe('2025-02-28')
  })

  it('2025-10-03 (a National Day holiday) is day 0; counting starts 10-09 → due 2025-11-04', () => {
    expect(due20('2025-10-03').dueDate).toBe('2025-11-04')
  })
})

describe('the timeline shows how the due date was computed', () => {
  it('lists every counted run, holiday span, 调休 day and pause with its rule (2025-09-26, consultation 10-14 → 10-17)', () => {
    const r = countDeadline(cal, {
      start: '2025-09-26',
      days: 20,
      pauses: [
        {
          from: '2025-10-14',
          to: '2025-10-17',
          reason: '征求第三方意见',
          article: '条例第三十二条',
        },
      ],
    })
    expect(r.timeline.map((s) => [s.kind, s.text, s.article])).toEqual([
      [
        'start',
        '2025-09-26（星期五）收到申请，当日为第 0 日，自次日起计算 20 个工作日',
        '条例第三十三条',
      ],
      ['skip', '2025-09-27（星期六）周末休息日，不计入', '条例第三十三条'],
      [
        'count',
        '2025-09-28（星期日）国庆节调休上班，计第 1 个工作日',
        '国务院办公厅2025年节假日安排',
      ],
      ['count', '2025-09-29（星期一）至2025-09-30（星期二）计第 2–3 个工作日', '条例第三十三条'],
      [
        'skip',
        '2025-10-01（星期三）至2025-10-08（星期三）国庆节、中秋节放假，不计入',
        '国务院办公厅2025年节假日安排',
      ],
      ['count', '2025-10-09（星期四）至2025-10-10（星期五）计第 4–5 个工作日', '条例第三十三条'],
      [
        'count',
        '2025-10-11（星期六）国庆节调休上班，计第 6 个工作日',
        '国务院办公厅2025年节假日安排',
      ],
      ['skip', '2025-10-12（星期日）周末休息日，不计入', '条例第三十三条'],
      ['count', '2025-10-13（星期一）至2025-10-14（星期二）计第 7–8 个工作日', '条例第三十三条'],
      [
        'pause',
        '征求第三方意见：自2025-10-14（星期二）次日起至2025-10-17（星期五）暂停计算，其间 3 个工作日不计入期限，次日起恢复计算',
        '条例第三十二条',
      ],
      ['skip', '2025-10-18（星期六）至2025-10-19（星期日）周末休息日，不计入', '条例第三十三条'],
      ['count', '2025-10-20（星期一）至2025-10-24（星期五）计第 9–13 个工作日', '条例第三十三条'],
      ['skip', '2025-10-25（星期六）至2025-10-26（星期日）周末休息日，不计入', '条例第三十三条'],
      ['count', '2025-10-27（星期一）至2025-10-31（星期五）计第 14–18 个工作日', '条例第三十三条'],
      ['skip', '2025-11-01（星期六）至2025-11-02（星期日）周末休息日，不计入', '条例第三十三条'],
      ['count', '2025-11-03（星期一）至2025-11-04（星期二）计第 19–20 个工作日', '条例第三十三条'],
      ['due', '2025-11-04（星期二）为第 20 个工作日，期限届满', '条例第三十三条'],
    ])
  })
})

describe('pauses and extensions (条例第三十三条第二款、第三款)', () => {
  it('a third-party consultation 2025-03-05 → 03-12 holds 5 working days; 清明 04-04 skipped → due 2025-04-08', () => {
    // Without the pause: 2025-03-31. 03-04 ①, 03-05 ②; 03-06…03-12 not counted (5 working days);
    // 03-13 ③ … 03-31 ⑮, 04-01…03 ⑯–⑱, 04-04…06 清明 off, 04-07 ⑲, 04-08 ⑳.
    expect(due20('2025-03-03').dueDate).toBe('2025-03-31')
    const r = countDeadline(cal, {
      start: '2025-03-03',
      days: 20,
      pauses: [
        {
          from: '2025-03-05',
          to: '2025-03-12',
          reason: '征求第三方意见',
          article: '条例第三十二条',
        },
      ],
    })
    expect(r.dueDate).toBe('2025-04-08')
    const pause = r.timeline.find((s) => s.kind === 'pause')
    expect(pause).toMatchObject({ from: '2025-03-05', to: '2025-03-12', article: '条例第三十二条' })
    expect(pause?.text).toContain('5 个工作日不计入')
  })

  it('an extension of 20 working days continues after the base period → due 2025-04-28 (04-27 调休 counts)', () => {
    const r = countDeadline(cal, {
      start: '2025-03-03',
      days: 20,
      extensions: [{ days: 20, reason: '需要调取档案' }],
    })
    expect(r.dueDate).toBe('2025-04-28')
    expect(r.totalDays).toBe(40)
    const ext = r.timeline.find((s) => s.article === '条例第三十三条第二款')
    expect(ext?.text).toContain('原期限于2025-03-31（星期一）届满；经批准延长 20 个工作日')
  })

  it('a correction restarts the clock (条例第三十条): day 0 is the day the corrected request arrives', () => {
    // Received 2025-09-22, corrected request arrives 2025-09-30 (Tue) → counted as a new receipt:
    // the same due date as a request received 2025-09-30, 2025-11-04.
    const r = countDeadline(cal, {
      start: '2025-09-30',
      days: 20,
      startText: '收到补正后的申请',
      startArticle: '条例第三十条',
    })
    expect(r.dueDate).toBe('2025-11-04')
    expect(r.timeline[0]).toEqual({
      date: '2025-09-30',
      kind: 'start',
      text: '2025-09-30（星期二）收到补正后的申请，当日为第 0 日，自次日起计算 20 个工作日',
      article: '条例第三十条',
    })
  })

  it('a pause that begins after the deadline does not move it, and the timeline says so', () => {
    const r = countDeadline(cal, {
      start: '2025-03-03',
      days: 20,
      pauses: [{ from: '2025-04-10', to: '2025-04-20', reason: '征求第三方意见' }],
    })
    expect(r.dueDate).toBe('2025-03-31')
    expect(r.timeline.find((s) => s.kind === 'pause')?.text).toContain('在期限届满之后，不影响期限')
  })

  it('an open consultation holds the clock: no due date yet, and it says so', () => {
    const r = countDeadline(cal, {
      start: '2025-03-03',
      days: 20,
      pauses: [{ from: '2025-03-05', reason: '征求其他机关意见', article: '条例第三十四条' }],
    })
    expect(r.dueDate).toBeNull()
    expect(r.paused).toBe(true)
    expect(r.countedDays).toBe(2)
    expect(r.timeline.at(-1)?.text).toContain('尚未结束')
  })

  it('refuses a pause that starts before the day of receipt or ends before it starts', () => {
    expect(() =>
      countDeadline(cal, {
        start: '2025-03-03',
        days: 20,
        pauses: [{ from: '2025-03-01', to: '2025-03-04', reason: '征求第三方意见' }],
      }),
    ).toThrow('早于起算日')
    expect(() =>
      countDeadline(cal, {
        start: '2025-03-03',
        days: 20,
        pauses: [{ from: '2025-03-05', to: '2025-03-04', reason: '征求第三方意见' }],
      }),
    ).toThrow('早于开始日期')
  })
})

describe('a year the calendar does not know (暂定)', () => {
  const known = packageCalendarYears().filter((y) => y.year <= 2026)
  const withoutNext = calendarFromYears(known)

  it('counts Monday–Friday, flags the result provisional and says so in the timeline', () => {
    // 2026-12-15 (Tue): 12-16…18 ①–③, 12-21…25 ④–⑧, 12-28…31 ⑨–⑫, then 2027 unknown:
    // 01-01 (Fri) ⑬, 01-04…08 ⑭–⑱, 01-11 ⑲, 01-12 ⑳.
    const r = countDeadline(withoutNext, { start: '2026-12-15', days: 20 })
    expect(r.dueDate).toBe('2027-01-12')
    expect(r.provisional).toBe(true)
    expect(r.unknownYears).toEqual([2027])
    const step = r.timeline.find((s) => s.kind === 'provisional')
    expect(step?.date).toBe('2027-01-01')
    expect(step?.text).toContain('2027 年的节假日安排尚未录入')
    expect(r.timeline.at(-1)?.text).toContain('（暂定）')
    expect(withoutNext.dayInfo('2027-01-01')).toEqual({ kind: 'workday', provisional: true })
  })

  it('moves the due date once the year is added (元旦 01-01…03 off) and is no longer provisional', () => {
    const y2027: CalendarYear = {
      year: 2027,
      holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
      workdays: [],
      source: 'notice',
    }
    const r = countDeadline(calendarFromYears([...known, y2027]), { start: '2026-12-15', days: 20 })
    expect(r.dueDate).toBe('2027-01-13')
    expect(r.provisional).toBe(false)
  })

  it('addWorkingDays reports the unknown years it passed through', () => {
    const r = addWorkingDays(withoutNext, '2026-12-30', 3)
    expect(r).toMatchObject({ date: '2027-01-04', provisional: true, unknownYears: [2027] })
  })
})
