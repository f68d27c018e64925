import { describe, expect, it } from 'vitest'
import { packageCalendarYears } from '../../../src/core/calendar/package-years'
import {
  addCalendarDays,
  addWorkingDays,
  calendarFromYears,
  isIsoDate,
  specialDaysOf,
} from '../../../src/core/deadlines'

const cal = calendarFromYears(packageCalendarYears())

describe('WorkCalendar built from data', () => {
  it('knows the package years and names holidays and 调休 days', () => {
    expect(cal.knows(2026)).toBe(true)
    expect(cal.knows(2027)).toBe(false)
    expect(cal.sourceOf(2025)).toBe('package')
    expect(cal.dayInfo('2025-10-01')).toEqual({ kind: 'holiday', name: '国庆节' })
    expect(cal.dayInfo('2025-10-11')).toEqual({ kind: 'makeup', name: '国庆节' })
    expect(cal.dayInfo('2025-10-12')).toEqual({ kind: 'weekend' })
    expect(cal.dayInfo('2025-10-13')).toEqual({ kind: 'workday' })
    expect(cal.isWorkday('2025-10-11')).toBe(true)
    expect(cal.isWorkday('2025-10-08')).toBe(false)
  })

  it('counts Monday–Friday in an unknown year and marks each day provisional', () => {
    expect(cal.dayInfo('2030-01-01')).toEqual({ kind: 'workday', provisional: true })
    expect(cal.dayInfo('2030-01-05')).toEqual({ kind: 'weekend', provisional: true })
  })

  it('lets a later year’s row name a day of the year before (元旦 from 12月31日)', () => {
    const c = calendarFromYears([
      { year: 2022, holidays: [], workdays: [], source: 'manual' },
      {
        year: 2023,
        holidays: ['2022-12-31', '2023-01-01', '2023-01-02'],
        workdays: [],
        source: 'notice',
      },
    ])
    expect(c.dayInfo('2022-12-31').kind).toBe('holiday')
  })

  it('refuses a day that a year names both off and working', () => {
    expect(() =>
      calendarFromYears([
        { year: 2027, holidays: ['2027-01-01'], workdays: ['2027-01-01'], source: 'manual' },
      ]),
    ).toThrow('既是放假日又是上班日')
  })

  it('lists a year’s special days', () => {
    expect(specialDaysOf(cal, 2026).workdays).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ])
  })
})

describe('dates', () => {
  it('adds calendar days across a month end and a leap day', () => {
    expect(addCalendarDays('2026-01-25', 10)).toBe('2026-02-04')
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29')
  })

  it('rejects malformed and impossible dates and counts', () => {
    expect(isIsoDate('2025-02-30')).toBe(false)
    expect(() => addWorkingDays(cal, '2025/10/01', 1)).toThrow(RangeError)
    expect(() => addWorkingDays(cal, '2025-10-01', 0)).toThrow(RangeError)
  })

  it('第二十六条: 20 working days from 成文日期 across 国庆 2025', () => {
    expect(addWorkingDays(cal, '2025-09-26', 20).date).toBe('2025-10-30')
  })
})
