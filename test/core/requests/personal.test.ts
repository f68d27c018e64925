import { describe, expect, it } from 'vitest'
import { maskApplicantName, maskContact, maskIdNo } from '../../../src/core/requests/personal'
import { formatRequestNo } from '../../../src/core/requests/numbering'

describe('masking applicant data in lists', () => {
  it('masks a natural person’s name, ID and contact; an organisation’s name is shown', () => {
    expect(maskApplicantName('natural', '张三丰')).toBe('张某')
    expect(maskApplicantName('natural', '欧阳修')).toBe('欧阳某')
    expect(maskApplicantName('commercial', '杭州某某科技有限公司')).toBe('杭州某某科技有限公司')
    expect(maskIdNo('330106199001011234')).toBe('330106********1234')
    expect(maskContact('13812345678')).toBe('138****5678')
    expect(maskContact('zhang@example.com')).toBe('z***@example.com')
    expect(maskContact('0571-87654321')).toBe('05*********21')
  })
})

describe('short identity numbers (条例第二十九条 身份证明)', () => {
  it('masks a passport or other short number keeping the first 1–2 and the last 2', () => {
    expect(maskIdNo('E12345678')).toBe('E1*****78')
    expect(maskIdNo('G1234567')).toBe('G1****67')
    expect(maskIdNo('H123456')).toBe('H****56')
    expect(maskIdNo('1234567890')).toBe('12******90')
    expect(maskIdNo('AB12')).toBe('****')
  })
})

describe('request numbers', () => {
  it('formats the configurable pattern', () => {
    expect(formatRequestNo('GK{year}-{seq:3}', 2025, 1)).toBe('GK2025-001')
    expect(formatRequestNo('GK{year}-{seq:3}', 2025, 1234)).toBe('GK2025-1234')
    expect(formatRequestNo('依申请〔{year}〕{seq}号', 2026, 7)).toBe('依申请〔2026〕7号')
  })
})
