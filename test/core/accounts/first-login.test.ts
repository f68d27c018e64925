import { afterEach, describe, expect, it } from 'vitest'
import { createTestCore, TEST_ADMIN_LOGIN, type TestCore } from '../../helpers/test-core'

let t: TestCore
afterEach(async () => t.cleanup())

const LI = {
  username: 'li',
  displayName: '李审核',
  password: 'Given12345',
  roles: ['reviewer' as const],
}

describe('first login: an administrator-set password must be replaced by its owner (issue 10)', () => {
  it('a new user is told to change the password and every other channel refuses until done', async () => {
    t = await createTestCore({ firstLoginChange: true })
    const created = await t.call('users:create', LI)
    expect(created.mustChangePassword).toBe(true)
    await t.call('auth:logout', {})
    const session = await t.call('auth:login', { username: 'li', password: LI.password })
    expect(session.user.mustChangePassword).toBe(true)
    expect((await t.call('app:state', {})).session?.user.mustChangePassword).toBe(true)

    for (const refused of [
      t.send('settings:get', {}),
      t.send('accounts:reset-notice', {}),
      t.send('auth:lock', {}),
    ]) {
      expect(await refused).toMatchObject({
        ok: false,
        error: {
          code: 'FORBIDDEN',
          message: '请先设置您自己的密码：该账号的密码由管理员设置，修改后才能继续使用',
          details: { mustChangePassword: true },
        },
      })
    }
    await t.call('auth:change-password', { oldPassword: LI.password, newPassword: 'Mine123456' })
    expect((await t.call('app:state', {})).session?.user.mustChangePassword).toBe(false)
    expect((await t.call('settings:get', {})).lockAfterMinutes).toBe(15)
  })

  it('logout is allowed while the change is pending', async () => {
    t = await createTestCore({ firstLoginChange: true })
    await t.call('users:create', LI)
    await t.call('auth:logout', {})
    await t.call('auth:login', { username: 'li', password: LI.password })
    await t.call('auth:logout', {})
    expect((await t.call('app:state', {})).session).toBeNull()
  })

  it('a reset password sets the flag again; the first administrator (setup) is not asked', async () => {
    t = await createTestCore({ firstLoginChange: true })
    expect((await t.call('app:state', {})).session?.user.mustChangePassword).toBe(false)
    const li = await t.call('users:create', LI)
    await t.call('auth:logout', {})
    await t.call('auth:login', { username: 'li', password: LI.password })
    await t.call('auth:change-password', { oldPassword: LI.password, newPassword: 'Mine123456' })
    await t.call('auth:logout', {})
    await t.call('auth:login', TEST_ADMIN_LOGIN)
    await t.call('users:reset-password', { id: li.id, password: 'Reset12345' })
    expect((await t.call('users:list', {})).find((u) => u.id === li.id)?.mustChangePassword).toBe(
      true,
    )
    await t.call('auth:logout', {})
    await t.call('auth:login', { username: 'li', password: 'Reset12345' })
    expect((await t.send('settings:get', {})).ok).toBe(false)
  })

  it('survives a restart', async () => {
    t = await createTestCore({ firstLoginChange: true })
    await t.call('users:create', LI)
    await t.restart()
    const session = await t.call('auth:login', { username: 'li', password: LI.password })
    expect(session.user.mustChangePassword).toBe(true)
  })
})
