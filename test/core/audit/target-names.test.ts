import { afterEach, describe, expect, it } from 'vitest'
import { createTestCore, type TestCore } from '../../helpers/test-core'
import { loginAdmin, loginAs, newItem, withStaff } from '../items/helpers'

let t: TestCore
afterEach(async () => t.cleanup())

describe('the audit page names its targets (issue 10: 对象 is a title, not an id)', () => {
  it('an item target carries the item’s current title, a user target the username and name', async () => {
    t = await createTestCore()
    await withStaff(t)
    const item = await newItem(t, { title: '关于2024年度预算公开的通知' })
    await loginAdmin(t)
    const page = await t.call('audit:list', { limit: 100 })
    const created = page.entries.find((e) => e.action === 'item.create')
    expect(created?.target).toBe(`item:${item.id}`)
    expect(created?.targetName).toBe('关于2024年度预算公开的通知')
    const user = page.entries.find((e) => e.action === 'user.create')
    expect(user?.targetName).toMatch(/^[a-z]+（.+）$/)
    expect(
      page.entries.find((e) => e.target === 'settings' || e.target === null)?.targetName ?? null,
    ).toBeNull()
  })

  it('a failed login of an unknown username keeps the name tried, with no actor and no target', async () => {
    t = await createTestCore()
    await t.call('auth:logout', {})
    await t.send('auth:login', { username: 'ghost', password: 'Wrong12345' })
    await loginAs(t, { username: 'admin', password: 'Admin12345' })
    const failed = (await t.call('audit:list', { action: 'auth.login_failed' })).entries[0]
    expect(failed).toMatchObject({
      actorId: null,
      target: null,
      detail: { username: 'ghost', reason: 'unknown_user' },
    })
  })
})
