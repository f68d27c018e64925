import { describe, expect, it } from 'vitest'
import { parseDateText } from '../../src/shared/dates'

describe('typed dates (issue 10: no more 4–5 clicks to reach February 2024)', () => {
  it.each([
    ['2024-02-20', '2024-02-20'],
    ['2024年2月20日', '2024-02-20'],
    ['2024/2/20', '2024-02-20'],
    ['20240220', '2024-02-20'],
    ['2024.2.20', '2024-02-20'],
    [' 2024 年 2 月 20 日 ', '2024-02-20'],
    ['２０２４年２月２０日', '2024-02-20'],
    ['2024-02-20 09:30', '2024-02-20'],
    ['2024年12月1日', '2024-12-01'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseDateText(text)).toBe(iso)
  })

  it.each(['2024-02-30', '2023年2月29日', '20241301', '2024', '2月20日', '明天', '', '2024-2'])(
    'refuses %s (not one real calendar day)',
    (text) => {
      expect(parseDateText(text)).toBeNull()
    },
  )
})
