import { afterEach, describe, expect, it } from 'vitest'
import { createTestCore, TEST_ADMIN, type TestCore } from '../../helpers/test-core'

let t: TestCore
afterEach(async () => t.cleanup())

describe('session and lock', () => {
  it('requires a login for everything except state, setup, login and unlock', async () => {
    t = await createTestCore({ login: false })
    expect((await t.send('app:state', {})).ok).toBe(true)
    for (const channel of ['users:list', 'settings:get', 'audit:verify', 'backup:list'] as const) {
      expect(await t.send(channel, {})).toMatchObject({
        ok: false,
        error: { code: 'UNAUTHENTICATED' },
      })
    }
    expect(await t.send('auth:unlock', { password: TEST_ADMIN.password })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
  })

  it('locks after the configured minutes without activity', async () => {
    t = await createTestCore()
    t.clock.advanceMinutes(15)
    expect((await t.send('settings:get', {})).ok).toBe(true)
    t.clock.advanceMinutes(15.01)
    expect(await t.send('settings:get', {})).toEqual({
      ok: false,
      error: { code: 'LOCKED', message: '已锁定，请输入密码解锁' },
    })
    const state = await t.call('app:state', {})
    expect(state.locked).toBe(true)
    expect(state.session?.user.username).toBe('admin')
    const locks = await t
      .call('auth:unlock', { password: TEST_ADMIN.password })
      .then(() => t.call('audit:list', { action: 'auth.lock' }))
    expect(locks.entries[0]?.detail).toMatchObject({ reason: 'idle' })
  })

  it('refreshes the idle timer on each successful call', async () => {
    t = await createTestCore()
    for (let i = 0; i < 4; i++) {
      t.clock.advanceMinutes(10)
      expect((await t.send('settings:get', {})).ok).toBe(true)
    }
  })

  it('does not count app:state polling as activity', async () => {
    t = await createTestCore()
    t.clock.advanceMinutes(10)
    await t.call('app:state', {})
    t.clock.advanceMinutes(10)
    expect((await t.call('app:state', {})).locked).toBe(true)
  })

  it('follows a changed lock timeout', async () => {
    t = await createTestCore()
    await t.call('settings:update', { lockAfterMinutes: 1 })
    t.clock.advanceMinutes(2)
    expect(await t.send('users:list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } })
  })

  it('locks on request and unlocks only with the right password', async () => {
    t = await createTestCore()
    await t.call('auth:lock', {})
    expect(await t.send('users:list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } })
    expect(await t.send('auth:unlock', { password: 'Wrong12345' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
    expect((await t.call('app:state', {})).locked).toBe(true)
    const session = await t.call('auth:unlock', { password: TEST_ADMIN.password })
    expect(session.user.username).toBe('admin')
    expect((await t.send('users:list', {})).ok).toBe(true)
    const actions = (await t.call('audit:list', {})).entries.map((e) => e.action)
    expect(actions.slice(0, 3)).toEqual(['auth.unlock', 'auth.login_failed', 'auth.lock'])
  })

  it('allows logging out from the lock screen', async () => {
    t = await createTestCore()
    await t.call('auth:lock', {})
    await t.call('auth:logout', {})
    expect(await t.call('app:state', {})).toMatchObject({ session: null, locked: false })
  })

  it('ends the session of a user who was deactivated', async () => {
    t = await createTestCore()
    const user = await t.call('users:create', {
      username: 'zhou',
      displayName: '周',
      password: 'Zhou12345',
      roles: ['officer'],
    })
    await t.call('auth:logout', {})
    await t.call('auth:login', { username: 'zhou', password: 'Zhou12345' })
    // Another administrator deactivates the account directly in the store (e.g. a second window).
    const { openDatabase, closeDatabase } = await import('../../../src/core/db/database')
    const store = await openDatabase(t.dbPath, { appVersion: '0.1.0' })
    await store.db.updateTable('users').set({ active: 0 }).where('id', '=', user.id).execute()
    await closeDatabase(store)
    expect(await t.send('settings:get', {})).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
    expect((await t.call('app:state', {})).session).toBeNull()
  })
})
