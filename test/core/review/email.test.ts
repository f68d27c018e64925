import { describe, expect, it } from 'vitest'
import { findKind } from './helpers/find'

// Decision documented in detectors/email.ts: free-mail → high, *.gov.cn → info, other domains → warn.
describe('e-mail addresses', () => {
  it('a free-mail address is personal (high)', () => {
    expect(findKind('邮箱：maxiaodong88@163.com，', 'email')).toEqual([
      { text: 'maxiaodong88@163.com', severity: 'high' },
    ])
  })

  it('a government mailbox is info', () => {
    expect(findKind('发送至 zwgk@zbqu.gov.cn。', 'email')).toEqual([
      { text: 'zwgk@zbqu.gov.cn', severity: 'info' },
    ])
  })

  it('a company mailbox is a warning', () => {
    expect(findKind('huangxy@zbtech.com.cn', 'email')).toEqual([
      { text: 'huangxy@zbtech.com.cn', severity: 'warn' },
    ])
  })

  it('a phone number used as a mailbox name is reported once, as the e-mail', () => {
    const text = '邮箱13853312876@139.com'
    expect(findKind(text, 'email')).toHaveLength(1)
    expect(findKind(text, 'mobile')).toEqual([])
  })
})
