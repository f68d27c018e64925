import { describe, expect, it } from 'vitest'
import { scanText } from '../../../src/core/review'
import { findKind } from './helpers/find'

// Rules: GB 11643-1999 (check character, region code, birth date); confidentiality-review.md table.
describe('居民身份证号', () => {
  it('a valid 18-digit ID is high', () => {
    expect(findKind('身份证号码：370303198503122153。', 'id-card')).toEqual([
      { text: '370303198503122153', severity: 'high' },
    ])
  })

  it('an ID ending in X or x is high', () => {
    expect(findKind('证号11010519491231002X，', 'id-card')).toEqual([
      { text: '11010519491231002X', severity: 'high' },
    ])
    expect(findKind('证号11010519491231002x，', 'id-card')[0]?.severity).toBe('high')
  })

  it('a valid 15-digit legacy ID is high', () => {
    expect(findKind('旧证号370303680715001。', 'id-card')).toEqual([
      { text: '370303680715001', severity: 'high' },
    ])
  })

  it('an 18-digit run with a wrong GB 11643 check is a warning that says so', () => {
    const [f] = scanText('号码370303198503122154。').filter((x) => x.kind === 'id-card')
    expect(f?.severity).toBe('warn')
    expect(f?.reason).toMatch(/校验位不符（应为 3）/)
  })

  it('invalid region or date without ID context is not an ID', () => {
    expect(findKind('编号990303198513122154。', 'id-card')).toEqual([])
  })

  it('a digit run longer than an ID is not an ID', () => {
    expect(findKind('流水号3703031985031221531。', 'id-card')).toEqual([])
    expect(findKind('流水号13703031985031221531。', 'id-card')).toEqual([])
  })

  it('an ID inside a longer alphanumeric run is not an ID', () => {
    expect(findKind('编码AB370303198503122153CD', 'id-card')).toEqual([])
  })

  it('an ID written as 6-8-4 groups is found', () => {
    expect(findKind('身份证 370303 19850312 2153。', 'id-card')).toEqual([
      { text: '370303 19850312 2153', severity: 'high' },
    ])
  })

  it('full-width digits are recognised, offsets stay on the original text', () => {
    expect(findKind('身份证号３７０３０３１９８５０３１２２１５３。', 'id-card')).toEqual([
      { text: '３７０３０３１９８５０３１２２１５３', severity: 'high' },
    ])
  })
})
