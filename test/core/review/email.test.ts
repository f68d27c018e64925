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

  // Issue 10: a government office's published contact is at most a warning; a person's stays high.
  it.each([
    '政府信息公开咨询邮箱：zbgxzwgk@163.com',
    '区人民政府办公室  电子邮箱：zbqzfb@126.com  邮政编码：255000',
    '信息公开工作机构：区政务公开办公室，联系邮箱 zwgkb2024@163.com。',
    '意见建议请发送至：zbhbj_yj@163.com，邮件主题注明“意见建议”。',
  ])('an office mailbox on a published contact line is a warning: %j', (text) => {
    expect(findKind(text, 'email').map((f) => f.severity)).toEqual(['warn'])
  })

  it.each([
    '姓名：马晓东，报考岗位：社区工作者，电子邮箱：maxiaodong88@163.com',
    '申请人：王丽，联系邮箱：wangli1988@qq.com，政府信息公开申请',
    '第三人：吴国栋，电子邮箱 wugd1970@qq.com',
    '请把材料发给我：zhangwei@gmail.com',
  ])("a private person's free-mail address stays high: %j", (text) => {
    expect(findKind(text, 'email').map((f) => f.severity)).toEqual(['high'])
  })
})

describe('e-mail addresses in a contact block', () => {
  it('a free-mail address under an office landline is a warning', () => {
    const text =
      '区防汛抗旱指挥部办公室值班电话：0533-2181355\n传真：0533-2181356\n电子邮箱：zdqfxb@163.com'
    expect(findKind(text, 'email').map((f) => f.severity)).toEqual(['warn'])
  })
  it("a free-mail address under a person's name stays high", () => {
    const text = '姓名：马晓东\n电话：0533-2181355\n电子邮箱：maxd88@163.com'
    expect(findKind(text, 'email').map((f) => f.severity)).toEqual(['high'])
  })
  it('a blank line ends the block', () => {
    const text = '联系电话：0533-2181355\n\n电子邮箱：maxd88@163.com'
    expect(findKind(text, 'email').map((f) => f.severity)).toEqual(['high'])
  })
})
