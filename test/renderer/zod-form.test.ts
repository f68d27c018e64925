import { describe, expect, it } from 'vitest'
import { usccCheckChar } from '../../src/shared/uscc'
import { setupFormSchema } from '../../src/renderer/features/setup/setup-form-schema'
import { validateWith } from '../../src/renderer/lib/zod-form'
import { formatBytes, formatDateTime } from '../../src/renderer/lib/format'

const ORG17 = '91370303MA3C12345'
const valid = {
  name: '某某区发展和改革局',
  orgCode: ORG17 + usccCheckChar(ORG17),
  username: 'admin',
  displayName: '王建国',
  password: 'Admin2024pass',
  confirm: 'Admin2024pass',
}

describe('setup form validation (shared schemas)', () => {
  it('accepts a complete form and upper-cases the org code', () => {
    const r = validateWith(setupFormSchema, { ...valid, orgCode: valid.orgCode.toLowerCase() })
    expect(r.ok && r.data.orgCode).toBe(valid.orgCode)
  })

  it('reports a wrong check character in Chinese, keyed by field', () => {
    const wrong = ORG17 + (valid.orgCode.endsWith('0') ? '1' : '0')
    const r = validateWith(setupFormSchema, { ...valid, orgCode: wrong })
    expect(r.ok ? {} : r.errors).toEqual({
      orgCode: '统一社会信用代码校验位不正确，请核对（GB 32100）',
    })
  })

  it('reports a mismatched confirmation even while other fields are wrong', () => {
    const r = validateWith(setupFormSchema, { ...valid, name: '', confirm: 'Other2024pass' })
    expect(r.ok ? {} : r.errors).toMatchObject({
      name: '请填写单位名称',
      confirm: '两次输入的密码不一致',
    })
  })
})

describe('formatting', () => {
  it('formats times as zh-CN', () => {
    expect(formatDateTime('2025-03-07T09:05:03')).toBe('2025年3月7日 09:05:03')
    expect(formatDateTime(null)).toBe('—')
  })
  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB')
  })
})
