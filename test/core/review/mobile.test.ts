import { describe, expect, it } from 'vitest'
import { findKind } from './helpers/find'

// Rules: confidentiality-review.md table (手机号: 11 digits 13–19, not inside a longer digit run;
// an office hotline or published office phone is not personal data).
describe('mobile numbers', () => {
  it.each([
    ['联系电话：13853312876。', '13853312876'],
    ['手机 138 5331 2876，', '138 5331 2876'],
    ['手机 138-5331-2876，', '138-5331-2876'],
    ['手机+8613853312876，', '+8613853312876'],
    ['手机 +86 138 5331 2876，', '+86 138 5331 2876'],
    ['手机 86-138-5331-2876，', '86-138-5331-2876'],
    ['Tel:15866921010', '15866921010'],
    ['１３８５３３１２８７６', '１３８５３３１２８７６'],
  ])('%j → high', (text, phone) => {
    expect(findKind(text, 'mobile')).toEqual([{ text: phone, severity: 'high' }])
  })

  it.each([
    '流水号013853312876001。',
    '编号138533128761。',
    '订单20241385331287612。',
    '金额13853312876.50元',
    '区间 3.13853312876',
    '编号A13853312876',
    '号码12853312876（第二位不是 3–9）',
  ])('not a mobile: %j', (text) => {
    expect(findKind(text, 'mobile')).toEqual([])
  })

  it('the 12345 hotline is not personal data', () => {
    expect(scanAll('群众可拨打12345政务服务便民热线反映问题。')).toEqual([])
  })

  it('an office fixed line is info only (decision: a published office number is public)', () => {
    expect(findKind('联系电话：0533-2781234。', 'fixed-line')).toEqual([
      { text: '0533-2781234', severity: 'info' },
    ])
    expect(findKind('办公室电话 010-65123456', 'fixed-line')).toEqual([
      { text: '010-65123456', severity: 'info' },
    ])
  })

  it('a compact 0-led number is a fixed line only after a phone word', () => {
    expect(findKind('传真：05332781234', 'fixed-line')).toHaveLength(1)
    expect(findKind('编号05332781234', 'fixed-line')).toEqual([])
  })

  it('two numbers separated by a space are two phones', () => {
    expect(findKind('13853312876 13905331234', 'mobile').map((f) => f.text)).toEqual([
      '13853312876',
      '13905331234',
    ])
  })
})

function scanAll(text: string) {
  return findKind(text, 'mobile').concat(findKind(text, 'fixed-line'))
}
