import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { packageCalendarYears } from '../../../src/core/calendar/package-years'
import {
  addCalendarDays,
  addWorkingDays,
  calendarFromYears,
  countDeadline,
  workingDaysBetween,
} from '../../../src/core/deadlines'

// The package's years plus unknown ones after 2026 (provisional Monday–Friday counting).
const cal = calendarFromYears(packageCalendarYears())
const date = fc
  .integer({ min: 0, max: (2028 - 2004) * 366 })
  .map((n) => addCalendarDays('2004-01-01', n))
const days = fc.integer({ min: 1, max: 60 })
const pause = fc.record({
  offset: fc.integer({ min: 0, max: 40 }),
  length: fc.integer({ min: 0, max: 30 }),
})

describe('working-day properties (fast-check)', () => {
  it('adding n working days then counting them back gives n (identity)', () => {
    fc.assert(
      fc.property(date, days, (d, n) => {
        expect(workingDaysBetween(cal, d, addWorkingDays(cal, d, n).date)).toBe(n)
      }),
      { numRuns: 500 },
    )
  })

  it('a due date is never a non-working day', () => {
    fc.assert(
      fc.property(date, days, fc.array(pause, { maxLength: 3 }), (d, n, ps) => {
        expect(cal.isWorkday(addWorkingDays(cal, d, n).date)).toBe(true)
        const r = countDeadline(cal, {
          start: d,
          days: n,
          pauses: ps.map((p, i) => ({
            from: addCalendarDays(d, p.offset),
            to: addCalendarDays(d, p.offset + p.length),
            reason: `征求意见${i + 1}`,
          })),
        })
        expect(r.dueDate).not.toBeNull()
        expect(cal.isWorkday(r.dueDate!)).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  it('pausing never shortens: a deadline with pauses is never earlier than without', () => {
    fc.assert(
      fc.property(date, days, fc.array(pause, { minLength: 1, maxLength: 3 }), (d, n, ps) => {
        const plain = countDeadline(cal, { start: d, days: n }).dueDate!
        const paused = countDeadline(cal, {
          start: d,
          days: n,
          pauses: ps.map((p) => ({
            from: addCalendarDays(d, p.offset),
            to: addCalendarDays(d, p.offset + p.length),
            reason: '征求第三方意见',
          })),
        }).dueDate!
        expect(paused >= plain).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  it('without pauses countDeadline agrees with addWorkingDays, and an extension adds its days', () => {
    fc.assert(
      fc.property(date, days, days, (d, n, e) => {
        expect(countDeadline(cal, { start: d, days: n }).dueDate).toBe(
          addWorkingDays(cal, d, n).date,
        )
        expect(
          countDeadline(cal, { start: d, days: n, extensions: [{ days: e, reason: '延期' }] })
            .dueDate,
        ).toBe(addWorkingDays(cal, d, n + e).date)
      }),
      { numRuns: 300 },
    )
  })

  it('skipped days are exactly the non-working days between the start and the due date', () => {
    fc.assert(
      fc.property(date, days, (d, n) => {
        const r = addWorkingDays(cal, d, n)
        for (const s of r.skipped) expect(cal.isWorkday(s.date)).toBe(false)
        const span = workingDaysBetween(cal, d, r.date) + r.skipped.length
        let calendarDays = 0
        for (let x = addCalendarDays(d, 1); x <= r.date; x = addCalendarDays(x, 1)) calendarDays++
        expect(span).toBe(calendarDays)
      }),
      { numRuns: 200 },
    )
  })
})
