import { describe, expect, it } from 'vitest'
import { findKind } from './helpers/find'

// Rules: confidentiality-review.md table (银行卡号: 16–19 digits, often 62; Luhn raises confidence,
// it is not a gate because many valid Chinese debit cards fail it).
describe('bank card numbers', () => {
  it('a Luhn-valid 19-digit card is high', () => {
    expect(findKind('补贴发放至6222021603012345674。', 'bank-card')).toEqual([
      { text: '6222021603012345674', severity: 'high' },
    ])
  })

  it('a 62 card failing Luhn is a warning, not dropped', () => {
    expect(findKind('编号6222021603012345675。', 'bank-card')).toEqual([
      { text: '6222021603012345675', severity: 'warn' },
    ])
  })

  it('after 账号/卡号/开户 a card failing Luhn is still high', () => {
    expect(findKind('代发账号 6217001600123456781。', 'bank-card')).toEqual([
      { text: '6217001600123456781', severity: 'high' },
    ])
  })

  it('a card written in groups of four is found as one span', () => {
    expect(findKind('卡号 6222 0216 0301 2345 674，', 'bank-card')).toEqual([
      { text: '6222 0216 0301 2345 674', severity: 'high' },
    ])
  })

  it('a non-62 number failing Luhn without context is not a card', () => {
    expect(findKind('项目编号4000123412341234567。', 'bank-card')).toEqual([])
  })

  it('more than 19 digits is not a card', () => {
    expect(findKind('编号62220216030123456740。', 'bank-card')).toEqual([])
  })
})
