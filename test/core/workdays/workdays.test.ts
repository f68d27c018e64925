import { describe, expect, it } from 'vitest'
import { addCalendarDays, addWorkdays, isWorkday } from '../../../src/core/workdays'

describe('working days (chinese-days, State Council holiday notices)', () => {
  it('skips the 2025 National Day and Mid-Autumn holiday (10月1日–8日)', () => {
    expect(isWorkday('2025-10-01')).toBe(false)
    expect(isWorkday('2025-10-08')).toBe(false)
    // 2025-09-30 (Tue) + 1 working day lands after the whole holiday.
    expect(addWorkdays('2025-09-30', 1)).toBe('2025-10-09')
  })

  it('counts a 调休 Saturday as a working day (2025-10-11)', () => {
    expect(isWorkday('2025-10-11')).toBe(true)
    expect(isWorkday('2025-10-12')).toBe(false)
    // 10-09 (Thu) → 10-10 (Fri) → 10-11 (调休 Sat).
    expect(addWorkdays('2025-10-09', 2)).toBe('2025-10-11')
  })

  it('gives 20 working days across 国庆 (第二十六条: 20 个工作日)', () => {
    // Counted from the day after 2025-09-26: 9-28 (调休 Sun) … 10-30.
    expect(addWorkdays('2025-09-26', 20)).toBe('2025-10-30')
  })

  it('adds calendar days across a month end', () => {
    expect(addCalendarDays('2026-01-25', 10)).toBe('2026-02-04')
  })

  it('rejects malformed dates and counts', () => {
    expect(() => addWorkdays('2025/10/01', 1)).toThrow(RangeError)
    expect(() => addWorkdays('2025-10-01', 0)).toThrow(RangeError)
  })
})
