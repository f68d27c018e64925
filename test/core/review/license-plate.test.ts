import { describe, expect, it } from 'vitest'
import { findKind } from './helpers/find'

// Rules: GA 36-2018 plate formats; confidentiality-review.md (车牌号 is personal data).
describe('车牌号', () => {
  it.each([
    '鲁C·12345',
    '鲁C12345',
    '鲁C 8K263',
    '鲁CD12345',
    '鲁C12345D',
    '鲁C1234学',
    '京A·F0236',
  ])('%j → high', (plate) => {
    expect(findKind(`车辆${plate}停放`, 'license-plate')).toEqual([
      { text: plate, severity: 'high' },
    ])
  })

  it.each(['云ABCDE项目', '鲁C123456789', '鲁I12345'])('not a plate: %j', (text) => {
    expect(findKind(text, 'license-plate')).toEqual([])
  })
})
