import { describe, expect, it } from 'vitest'
import { parseSheetDate } from '../../../src/core/spreadsheet'

describe('parseSheetDate', () => {
  it.each([
    ['2024-02-20', '2024-02-20'],
    ['2024/2/20', '2024-02-20'],
    ['2024.2.20', '2024-02-20'],
    ['2024年2月20日', '2024-02-20'],
    ['2024 年 2 月 20 日', '2024-02-20'],
    ['２０２４年２月２０日', '2024-02-20'],
    ['20240220', '2024-02-20'],
    ['2024-02-20 09:30', '2024-02-20'],
    ['2024-02-20T09:30:00Z', '2024-02-20'],
    ['45342', '2024-02-20'],
    ['2024-02-29', '2024-02-29'],
  ])('%s → %s', (text, iso) => {
    expect(parseSheetDate(text)).toBe(iso)
  })

  it('reads Excel serials as numbers, including around the 1900 leap-year bug', () => {
    expect(parseSheetDate(45342)).toBe('2024-02-20')
    expect(parseSheetDate(1)).toBe('1900-01-01')
    expect(parseSheetDate(61)).toBe('1900-03-01')
    expect(parseSheetDate(45342.75)).toBe('2024-02-20')
  })

  it.each([
    '',
    '  ',
    '2023-02-29',
    '2024-13-01',
    '2024年2月30日',
    '20241301',
    '2024',
    '7个工作日内',
    '123',
    '二〇二四年二月二十日',
    null,
    undefined,
  ])('%s is not a date', (text) => {
    expect(parseSheetDate(text)).toBeNull()
  })
})
