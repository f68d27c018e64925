import { describe, expect, it } from 'vitest'
import { describeRule, parseTimeLimit } from '../../../src/core/catalogue/time-limit'

describe('公开时限 → rule', () => {
  it('reads the standard 「信息形成（变更）之日起20个工作日内」 (条例第二十六条)', () => {
    expect(parseTimeLimit('信息形成（变更）之日起20个工作日内')).toEqual({
      unit: 'workday',
      count: 20,
    })
  })

  it.each([
    ['7个工作日内', { unit: 'workday', count: 7 }],
    ['自作出决定之日起七个工作日内', { unit: 'workday', count: 7 }],
    ['二十个工作日内', { unit: 'workday', count: 20 }],
    ['１５个工作日内', { unit: 'workday', count: 15 }],
    ['10日内', { unit: 'day', count: 10 }],
    ['作出决定后5天内', { unit: 'day', count: 5 }],
  ])('reads %s', (text, rule) => {
    expect(parseTimeLimit(text)).toEqual(rule)
  })

  it.each(['实时公开', '长期公开', '每年3月底前', '按要求', ''])('gives no rule for %s', (text) => {
    expect(parseTimeLimit(text)).toBeNull()
  })

  it('describes an unreadable 时限 as giving no due date, and an empty one as the statutory default', () => {
    expect(describeRule('实时公开', null)).toContain('不计算到期日')
    expect(describeRule('', null)).toContain('第二十六条')
  })
})
