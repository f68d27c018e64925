import { describe, expect, it } from 'vitest'
import { parseSheetDate } from '../../../src/core/spreadsheet/dates'
import { parseDateText } from '../../../src/shared/dates'

describe('one date parser (issue 10)', () => {
  it('spreadsheet imports read typed dates as the date fields do, plus Excel serials', () => {
    for (const text of ['2024-02-20', '2024年2月20日', '2024/2/20', '20240220', '2024-02-30']) {
      expect(parseSheetDate(text)).toBe(parseDateText(text))
    }
    expect(parseSheetDate(45342)).toBe('2024-02-20')
    expect(parseSheetDate('45342')).toBe('2024-02-20')
    expect(parseDateText('45342')).toBeNull()
  })
})
