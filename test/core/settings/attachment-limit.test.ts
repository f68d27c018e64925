import { afterEach, describe, expect, it } from 'vitest'
import { createTestCore, type TestCore } from '../../helpers/test-core'

let t: TestCore
afterEach(async () => t.cleanup())

/**
 * Issue 10: 设置 → 附件大小上限 refuses a value outside what the store allows with the range in
 * the message, and keeps the stored limit (never clamped while saying 已保存).
 */
describe('设置 → 附件大小上限', () => {
  it.each([0, -5, 1025, 99999, 2.5])('refuses %s MB with the range 1–1024 MB', async (value) => {
    t = await createTestCore()
    const before = await t.call('drafting:get-settings', {})
    const result = await t.send('drafting:update-settings', { attachmentMaxMb: value })
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    if (!result.ok) {
      expect(result.error.message).toContain('附件大小上限')
      expect(result.error.message).toMatch(/1–1024/)
      expect(result.error.message).not.toMatch(/attachmentMaxMb/)
    }
    expect((await t.call('drafting:get-settings', {})).attachmentMaxMb).toBe(before.attachmentMaxMb)
  })

  it('stores a value inside the range', async () => {
    t = await createTestCore()
    await t.call('drafting:update-settings', { attachmentMaxMb: 1024 })
    expect((await t.call('drafting:get-settings', {})).attachmentMaxMb).toBe(1024)
  })
})
