import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { dumpDatabase } from '../../helpers/db-dump'
import { createTestCore, TEST_ADMIN, TEST_DEPARTMENT, type TestCore } from '../../helpers/test-core'

let t: TestCore
afterEach(async () => t.cleanup())

describe('first-run setup', () => {
  it('reports an uninitialised app before setup', async () => {
    t = await createTestCore({ initialise: false })
    expect(await t.call('app:state', {})).toEqual({
      initialised: false,
      department: null,
      session: null,
      locked: false,
      appVersion: '0.1.0',
    })
  })

  it('creates the department and a first administrator holding all four roles, logged in', async () => {
    t = await createTestCore({ initialise: false })
    const session = await t.call('setup:complete', {
      department: { name: ' 杭州市示范局 ', orgCode: '113301000020000011' },
      admin: TEST_ADMIN,
    })
    expect(session.user).toMatchObject({
      username: 'admin',
      displayName: '王管理',
      roles: ['officer', 'reviewer', 'leader', 'admin'],
      active: true,
    })
    expect(session.lockAfterMinutes).toBe(15)
    const state = await t.call('app:state', {})
    expect(state).toMatchObject({
      initialised: true,
      department: { name: '杭州市示范局', orgCode: '113301000020000011' },
      locked: false,
    })
    expect(state.session?.user.id).toBe(session.user.id)
  })

  it('refuses a second setup with CONFLICT', async () => {
    t = await createTestCore()
    const result = await t.send('setup:complete', {
      department: TEST_DEPARTMENT,
      admin: { ...TEST_ADMIN, username: 'other' },
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it('rejects an org code with a wrong GB 32100 check character', async () => {
    t = await createTestCore({ initialise: false })
    const result = await t.send('setup:complete', {
      department: { name: '示范局', orgCode: '113301000020000012' },
      admin: TEST_ADMIN,
    })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('VALIDATION')
      expect(result.error.message).toContain('统一社会信用代码')
      // The field is named in Chinese only, never by its key (issue 10).
      expect(result.error.message).not.toMatch(/orgCode|department/)
    }
  })

  it('stores only a salted scrypt hash of the password', async () => {
    t = await createTestCore()
    const raw = new Database(t.dbPath, { readonly: true })
    const row = raw.prepare('SELECT password_hash FROM users').get() as { password_hash: string }
    raw.close()
    expect(row.password_hash).toMatch(/^scrypt\$15\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{88}$/)
    expect(dumpDatabase(t.dbPath)).not.toContain(TEST_ADMIN.password)
  })
})

describe('login', () => {
  it('logs in with the right password and records the login', async () => {
    t = await createTestCore({ login: false })
    const session = await t.call('auth:login', { username: 'ADMIN', password: TEST_ADMIN.password })
    expect(session.user.username).toBe('admin')
    expect(session.user.lastLoginAt).toBe(t.clock.clock().toISOString())
    const audit = await t.call('audit:list', { action: 'auth.login' })
    expect(audit.total).toBe(1)
  })

  it('rejects a login with the wrong password', async () => {
    t = await createTestCore({ login: false })
    const result = await t.send('auth:login', { username: 'admin', password: 'Wrong12345' })
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'UNAUTHENTICATED',
        message: '用户名或密码错误，还可尝试 4 次',
        details: { attemptsLeft: 4 },
      },
    })
  })

  it('gives an unknown username the same message as a wrong password', async () => {
    t = await createTestCore({ login: false })
    const result = await t.send('auth:login', { username: 'nobody', password: 'Wrong12345' })
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'UNAUTHENTICATED',
        message: '用户名或密码错误，还可尝试 4 次',
        details: { attemptsLeft: 4 },
      },
    })
  })

  it('audits failed logins without the attempted password', async () => {
    t = await createTestCore({ login: false })
    await t.send('auth:login', { username: 'admin', password: 'Attempt-777x' })
    await t.send('auth:login', { username: 'ghost', password: 'Attempt-888y' })
    const dump = dumpDatabase(t.dbPath)
    expect(dump).not.toContain('Attempt-777x')
    expect(dump).not.toContain('Attempt-888y')
    await t.call('auth:login', { username: 'admin', password: TEST_ADMIN.password })
    const failed = await t.call('audit:list', { action: 'auth.login_failed' })
    expect(failed.entries.map((e) => e.detail?.reason)).toEqual(['unknown_user', 'wrong_password'])
  })

  it('refuses an inactive user even with the right password', async () => {
    t = await createTestCore()
    const user = await t.call('users:create', {
      username: 'zhang',
      displayName: '张三',
      password: 'Zhang12345',
      roles: ['officer'],
    })
    await t.call('users:update', { id: user.id, active: false })
    await t.call('auth:logout', {})
    const result = await t.send('auth:login', { username: 'zhang', password: 'Zhang12345' })
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    if (!result.ok) expect(result.error.message).toContain('停用')
  })

  it('ends the session on logout', async () => {
    t = await createTestCore()
    await t.call('auth:logout', {})
    expect((await t.call('app:state', {})).session).toBeNull()
    expect(await t.send('users:list', {})).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
  })
})
