import { afterEach, describe, expect, it } from 'vitest'
import { createTestCore, TEST_ADMIN_LOGIN, type TestCore } from '../../helpers/test-core'

let t: TestCore
afterEach(async () => t.cleanup())

const wrong = { username: 'admin', password: 'Wrong12345' }
const OFFICER = {
  username: 'zhao',
  displayName: '赵起草',
  password: 'Zhao12345',
  roles: ['officer'] as const,
}

async function failTimes(n: number, input = wrong) {
  const messages: string[] = []
  for (let i = 0; i < n; i++) {
    const r = await t.send('auth:login', input)
    messages.push(r.ok ? 'ok' : r.error.message)
  }
  return messages
}

describe('failed-login throttling (issue 10)', () => {
  it('says the attempts left, then locks the account after 5 wrong passwords and says for how long', async () => {
    t = await createTestCore({ login: false })
    expect(await failTimes(5)).toEqual([
      '用户名或密码错误，还可尝试 4 次',
      '用户名或密码错误，还可尝试 3 次',
      '用户名或密码错误，还可尝试 2 次',
      '用户名或密码错误，还可尝试 1 次',
      '密码错误次数过多，账户已锁定，请 15 分钟后再试或请管理员解锁',
    ])
    // Even the right password is refused while locked.
    t.clock.advanceMinutes(1)
    const locked = await t.send('auth:login', TEST_ADMIN_LOGIN)
    expect(locked).toMatchObject({
      ok: false,
      error: {
        code: 'UNAUTHENTICATED',
        message: '密码错误次数过多，账户已锁定，请 14 分钟后再试或请管理员解锁',
      },
    })
  })

  it('lets the right password in once the lock has run out, with a fresh count', async () => {
    t = await createTestCore({ login: false })
    await failTimes(5)
    t.clock.advanceMinutes(15)
    await t.call('auth:login', TEST_ADMIN_LOGIN)
    await t.call('auth:logout', {})
    expect(await failTimes(1)).toEqual(['用户名或密码错误，还可尝试 4 次'])
  })

  it('a wrong password after the lock ran out counts from one again', async () => {
    t = await createTestCore({ login: false })
    await failTimes(5)
    t.clock.advanceMinutes(16)
    expect(await failTimes(1)).toEqual(['用户名或密码错误，还可尝试 4 次'])
  })

  it('a correct password resets the count', async () => {
    t = await createTestCore({ login: false })
    await failTimes(4)
    await t.call('auth:login', TEST_ADMIN_LOGIN)
    await t.call('auth:logout', {})
    expect(await failTimes(4)).toEqual([
      '用户名或密码错误，还可尝试 4 次',
      '用户名或密码错误，还可尝试 3 次',
      '用户名或密码错误，还可尝试 2 次',
      '用户名或密码错误，还可尝试 1 次',
    ])
  })

  it('uses the configured attempt count and lockout minutes', async () => {
    t = await createTestCore()
    await t.call('settings:update', { maxFailedLogins: 3, lockoutMinutes: 60 })
    await t.call('auth:logout', {})
    expect(await failTimes(3)).toEqual([
      '用户名或密码错误，还可尝试 2 次',
      '用户名或密码错误，还可尝试 1 次',
      '密码错误次数过多，账户已锁定，请 60 分钟后再试或请管理员解锁',
    ])
    t.clock.advanceMinutes(59)
    expect((await t.send('auth:login', TEST_ADMIN_LOGIN)).ok).toBe(false)
    t.clock.advanceMinutes(1)
    expect((await t.send('auth:login', TEST_ADMIN_LOGIN)).ok).toBe(true)
  })

  it('an unknown username gets exactly the same answers, so it is not revealed', async () => {
    t = await createTestCore({ login: false })
    const known = await failTimes(6)
    const unknown = await failTimes(6, { username: 'nobody', password: 'Wrong12345' })
    expect(unknown).toEqual(known)
  })

  it('counts wrong unlock passwords too; the fifth ends the session and locks the account', async () => {
    t = await createTestCore()
    await t.call('auth:lock', {})
    for (const left of [4, 3, 2, 1]) {
      const r = await t.send('auth:unlock', { password: 'Wrong12345' })
      expect(r).toMatchObject({ ok: false, error: { message: `密码错误，还可尝试 ${left} 次` } })
    }
    const fifth = await t.send('auth:unlock', { password: 'Wrong12345' })
    expect(fifth).toMatchObject({
      ok: false,
      error: { message: '密码错误次数过多，账户已锁定，请 15 分钟后再试或请管理员解锁' },
    })
    expect((await t.call('app:state', {})).session).toBeNull()
    expect((await t.send('auth:login', TEST_ADMIN_LOGIN)).ok).toBe(false)
  })

  it('an administrator unlocks a locked account from the users page (users:unlock), audited', async () => {
    t = await createTestCore()
    const officer = await t.call('users:create', { ...OFFICER, roles: ['officer'] })
    await t.call('auth:logout', {})
    await failTimes(5, { username: 'zhao', password: 'Wrong12345' })
    expect((await t.send('auth:login', { username: 'zhao', password: OFFICER.password })).ok).toBe(
      false,
    )
    await t.call('auth:login', TEST_ADMIN_LOGIN)
    const listed = (await t.call('users:list', {})).find((u) => u.id === officer.id)
    expect(listed?.lockedUntil).toBe('2026-11-26T01:15:00.000Z')
    await t.call('users:unlock', { id: officer.id })
    expect(
      (await t.call('users:list', {})).find((u) => u.id === officer.id)?.lockedUntil,
    ).toBeNull()
    await t.call('auth:logout', {})
    await t.call('auth:login', { username: 'zhao', password: OFFICER.password })

    await t.call('auth:logout', {})
    await t.call('auth:login', TEST_ADMIN_LOGIN)
    const audit = (await t.call('audit:list', { limit: 100 })).entries
    const actions = audit.map((e) => e.action)
    expect(actions).toContain('auth.account_locked')
    expect(audit.find((e) => e.action === 'user.unlock')).toMatchObject({
      actorName: '王管理',
      target: `user:${officer.id}`,
      detail: { username: 'zhao' },
    })
    const failed = audit.filter((e) => e.action === 'auth.login_failed')
    expect(failed.map((e) => e.detail?.username)).toContain('zhao')
    expect(failed.some((e) => e.detail?.reason === 'account_locked')).toBe(true)
  })

  it('only administrators may unlock', async () => {
    t = await createTestCore()
    const officer = await t.call('users:create', { ...OFFICER, roles: ['officer'] })
    await t.call('auth:logout', {})
    await t.call('auth:login', { username: 'zhao', password: OFFICER.password })
    expect(await t.send('users:unlock', { id: officer.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })

  it('keeps the lock across a restart', async () => {
    t = await createTestCore({ login: false })
    await failTimes(5)
    await t.restart()
    expect((await t.send('auth:login', TEST_ADMIN_LOGIN)).ok).toBe(false)
  })
})
