import { describe, expect, it } from 'vitest'
import { parseTimeLimit } from '../../src/core/catalogue/time-limit'
import { recogniseSignedDate } from '../../src/core/items/recognise'
import { parseChineseNumeral } from '../../src/shared/chinese-numeral'

describe('one Chinese numeral parser (report figures, 公开时限, dates of an imported 公文)', () => {
  it.each([
    ['十五', 15],
    ['二十', 20],
    ['一百二十', 120],
    ['一百零五', 105],
    ['二百七十二', 272],
    ['两千零五', 2005],
    ['一万二千', 12_000],
    ['二〇二四', 2024],
    ['零', 0],
  ])('reads %s as %d', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value)
  })

  it.each(['', '二十a', '五个', '第三'])('refuses %s', (text) => {
    expect(parseChineseNumeral(text)).toBeNull()
  })

  it('serves the catalogue’s time limits and the recognised 成文日期', () => {
    expect(parseTimeLimit('信息形成之日起二十个工作日内')).toEqual({ unit: 'workday', count: 20 })
    expect(parseTimeLimit('十五日内')).toEqual({ unit: 'day', count: 15 })
    expect(recogniseSignedDate(['正文', '二〇二三年十二月二十五日'])).toEqual({
      date: '2023-12-25',
      line: 1,
    })
    expect(recogniseSignedDate(['二〇二三年十三月一日'])).toBeNull()
  })
})
