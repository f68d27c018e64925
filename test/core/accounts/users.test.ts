import { afterEach, describe, expect, it } from 'vitest'
import { createUser } from '../../../src/core/accounts/users'
import { openDatabase, closeDatabase } from '../../../src/core/db/database'
import { AppError } from '../../../src/core/errors'
import { createTestCore, TEST_ADMIN, type TestCore } from '../../helpers/test-core'

let t: TestCore
afterEach(async () => t.cleanup())

const OFFICER = {
  username: 'li',
  displayName: '李四',
  password: 'Lisi12345',
  roles: ['officer' as const],
}

describe('users', () => {
  it('lets an administrator create a user with several roles', async () => {
    t = await createTestCore()
    const user = await t.call('users:create', { ...OFFICER, roles: ['reviewer', 'officer'] })
    expect(user).toMatchObject({ username: 'li', roles: ['officer', 'reviewer'], active: true })
    const list = await t.call('users:list', {})
    expect(list.map((u) => u.username)).toEqual(['admin', 'li'])
    // The first-login flag's name is the one "password" allowed; no hash or secret goes out.
    expect(JSON.stringify(list).replaceAll('"mustChangePassword"', '')).not.toMatch(
      /scrypt|password/i,
    )
  })

  it('refuses a username that exists in another letter case', async () => {
    t = await createTestCore()
    const result = await t.send('users:create', { ...OFFICER, username: 'ADMIN' })
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it('forbids a non-administrator from managing users', async () => {
    t = await createTestCore()
    await t.call('users:create', OFFICER)
    await t.call('auth:logout', {})
    await t.call('auth:login', { username: 'li', password: OFFICER.password })
    for (const [channel, input] of [
      ['users:list', {}],
      ['users:create', { ...OFFICER, username: 'wang' }],
      ['audit:list', {}],
      ['settings:update', { lockAfterMinutes: 5 }],
      ['backup:list', {}],
    ] as const) {
      const result = await t.send(channel, input as never)
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
  })

  it('checks the actor role inside the service itself', async () => {
    t = await createTestCore()
    const store = await openDatabase(t.dbPath, { appVersion: '0.1.0' })
    const officer = { id: 'x', username: 'x', displayName: 'x', roles: ['officer' as const] }
    await expect(createUser(store.db, officer, OFFICER, t.clock.clock)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    await expect(createUser(store.db, officer, OFFICER, t.clock.clock)).rejects.toBeInstanceOf(
      AppError,
    )
    await closeDatabase(store)
  })

  it('changes roles and audits the change separately from other fields', async () => {
    t = await createTestCore()
    const user = await t.call('users:create', OFFICER)
    const updated = await t.call('users:update', {
      id: user.id,
      displayName: '李四（科员）',
      roles: ['officer', 'leader'],
    })
    expect(updated).toMatchObject({ displayName: '李四（科员）', roles: ['officer', 'leader'] })
    const roles = await t.call('audit:list', { action: 'user.roles_changed' })
    expect(roles.entries[0]?.detail).toMatchObject({ from: ['officer'], to: ['officer', 'leader'] })
    expect((await t.call('audit:list', { action: 'user.update' })).total).toBe(1)
  })

  it('returns NOT_FOUND for an unknown user id', async () => {
    t = await createTestCore()
    const result = await t.send('users:update', { id: 'missing', active: false })
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('keeps the last active administrator: no removing own admin role, no self-deactivation', async () => {
    t = await createTestCore()
    const me = (await t.call('app:state', {})).session?.user.id as string
    const demote = await t.send('users:update', { id: me, roles: ['officer'] })
    expect(demote).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const deactivate = await t.send('users:update', { id: me, active: false })
    expect(deactivate).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const users = await t.call('users:list', {})
    expect(users[0]).toMatchObject({
      roles: ['officer', 'reviewer', 'leader', 'admin'],
      active: true,
    })
  })

  it('allows giving up the admin role once another active administrator exists', async () => {
    t = await createTestCore()
    const me = (await t.call('app:state', {})).session?.user.id as string
    await t.call('users:create', { ...OFFICER, roles: ['admin'] })
    const updated = await t.call('users:update', { id: me, roles: ['officer'] })
    expect(updated.roles).toEqual(['officer'])
    // The next call sees the new roles: the session re-reads them every time.
    expect(await t.send('users:list', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })
})

describe('passwords', () => {
  it('changes the own password only with the right old one', async () => {
    t = await createTestCore()
    const wrong = await t.send('auth:change-password', {
      oldPassword: 'Nope12345',
      newPassword: 'Newpass123',
    })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    await t.call('auth:change-password', {
      oldPassword: TEST_ADMIN.password,
      newPassword: 'Newpass123',
    })
    await t.call('auth:logout', {})
    expect(
      (await t.send('auth:login', { username: 'admin', password: TEST_ADMIN.password })).ok,
    ).toBe(false)
    expect((await t.send('auth:login', { username: 'admin', password: 'Newpass123' })).ok).toBe(
      true,
    )
  })

  it('rejects a weak new password with a Chinese message', async () => {
    t = await createTestCore()
    const result = await t.send('auth:change-password', {
      oldPassword: TEST_ADMIN.password,
      newPassword: 'short',
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    if (!result.ok) expect(result.error.message).toContain('新密码')
  })

  it("lets an administrator reset another user's password, audited without the password", async () => {
    t = await createTestCore()
    const user = await t.call('users:create', OFFICER)
    await t.call('users:reset-password', { id: user.id, password: 'Reset12345' })
    const audit = await t.call('audit:list', { action: 'user.password_reset' })
    expect(audit.entries[0]?.detail).toEqual({ username: 'li' })
    await t.call('auth:logout', {})
    expect((await t.send('auth:login', { username: 'li', password: 'Reset12345' })).ok).toBe(true)
  })

  it('refuses a reset by someone who is not an administrator', async () => {
    t = await createTestCore()
    const user = await t.call('users:create', OFFICER)
    const other = await t.call('users:create', { ...OFFICER, username: 'zhao' })
    await t.call('auth:logout', {})
    await t.call('auth:login', { username: 'li', password: OFFICER.password })
    const result = await t.send('users:reset-password', { id: other.id, password: 'Reset12345' })
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(user.id).not.toBe(other.id)
  })
})
