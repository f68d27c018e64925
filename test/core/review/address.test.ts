import { describe, expect, it } from 'vitest'
import { maskValue } from '../../../src/core/review'
import { findKind } from './helpers/find'

// Rules: confidentiality-review.md (行政处罚法第四十八条: hide a person's home address; addresses
// masked down to 村/社区); issue 10: an office's published address is at most a warning.
describe('addresses', () => {
  it('a person’s labelled address down to the door is high, masked to the district', () => {
    const text = '当事人：刘建军，住址：淄博市张店区华光路18号3单元502室，联系电话：0533-1234567。'
    expect(findKind(text, 'address')).toEqual([
      { text: '淄博市张店区华光路18号3单元502室', severity: 'high' },
    ])
    expect(maskValue('address', '淄博市张店区华光路18号3单元502室')).toBe('淄博市张店区****')
    expect(maskValue('address', '淄博市淄川区罗村镇南韩村128号')).toBe(
      '淄博市淄川区罗村镇南韩村****',
    )
  })

  it('stops at a field that runs on without punctuation', () => {
    expect(
      findKind('家庭住址：张店区杏园东路28号2单元301室联系电话13853312876', 'address'),
    ).toEqual([{ text: '张店区杏园东路28号2单元301室', severity: 'high' }])
  })

  it('an address that stops at the road is a warning', () => {
    expect(findKind('现住址：淄博市张店区共青团路\n', 'address')).toEqual([
      { text: '淄博市张店区共青团路', severity: 'warn' },
    ])
  })

  it.each([
    '办公地址：淄博市张店区人民西路8号区政府大楼5楼',
    '地址：张店区华光路366号',
    '通讯地址：淄博市张店区新村西路168号淄博市生态环境局行政审批科',
    '住所（住址）：山东省淄博市张店区共青团西路95号',
    '住所：淄博市张店区共青团西路95号',
    '住址：（略）',
  ])('an office’s or a company’s published address is no finding: %j', (text) => {
    expect(findKind(text, 'address')).toEqual([])
  })
})
