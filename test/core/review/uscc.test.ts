import { describe, expect, it } from 'vitest'
import { findKind } from './helpers/find'

// Rules: GB 32100-2015 via src/shared/uscc.ts; confidentiality-review.md: an organisation's code is
// public information, informational only.
describe('统一社会信用代码', () => {
  it('a valid code is info', () => {
    expect(findKind('统一社会信用代码：91370303MA3C4F7K21。', 'uscc')).toEqual([
      { text: '91370303MA3C4F7K21', severity: 'info' },
    ])
  })

  it('an all-digit valid code is info, not a bank card', () => {
    const text = '代码 113703000042123455。'
    expect(findKind(text, 'uscc')).toEqual([{ text: '113703000042123455', severity: 'info' }])
    expect(findKind(text, 'bank-card')).toEqual([])
  })

  it('a code failing the check after 信用代码 is info (typo), never personal data', () => {
    const text = '统一社会信用代码 123703000042123455'
    expect(findKind(text, 'uscc')).toEqual([{ text: '123703000042123455', severity: 'info' }])
    expect(findKind(text, 'bank-card')).toEqual([])
  })

  it('a code failing the check without context is nothing', () => {
    expect(findKind('编码 91370303MA3C4F7K22。', 'uscc')).toEqual([])
  })
})
