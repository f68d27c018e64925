import { afterEach, describe, expect, it } from 'vitest'
import { createAppCore } from '../../../src/core/api/app-core'
import { createDispatch } from '../../../src/core/api/dispatch'
import { createLogger, type LogLevel } from '../../../src/core/logger'
import { CHANNELS } from '../../../src/shared/contract'
import { makeTempDir } from '../../helpers/temp-dir'
import { createStubPlatform } from '../../helpers/stub-platform'
import { createTestCore, TEST_ADMIN, type TestCore } from '../../helpers/test-core'

let t: TestCore | undefined
afterEach(async () => {
  await t?.cleanup()
  t = undefined
})

describe('dispatch', () => {
  it('has a handler for every contract channel', async () => {
    t = await createTestCore()
    expect(Object.keys(t.core.handlers).sort()).toEqual([...CHANNELS].sort())
  })

  it('answers an unknown channel with VALIDATION', async () => {
    t = await createTestCore()
    for (const channel of ['nope:x', '__proto__', 'constructor', 'toString']) {
      expect(await t.core.dispatch(channel, {})).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', message: expect.stringContaining('未知的操作') },
      })
    }
    expect(await t.core.dispatch(42 as unknown as string, {})).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
  })

  it('names the field in Chinese when input is invalid', async () => {
    t = await createTestCore({ initialise: false })
    const result = await t.core.dispatch('setup:complete', {
      department: { name: '示范局', orgCode: '113301000020000011' },
      admin: { ...TEST_ADMIN, password: 'abc' },
    })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('VALIDATION')
      expect(result.error.message).toBe('管理员：密码至少 8 位')
      expect(result.error.details).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: 'admin.password' })]),
      )
      expect(JSON.stringify(result.error.details)).not.toContain('abc')
    }
  })

  it('rejects unknown keys (strict input)', async () => {
    t = await createTestCore()
    const result = await t.core.dispatch('settings:get', { extra: 1 })
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it('turns an unexpected exception into INTERNAL, logging the cause without secrets', async () => {
    const lines: { level: LogLevel; line: string }[] = []
    const logger = createLogger({ sink: (level, line) => lines.push({ level, line }) })
    const temp = makeTempDir()
    const core = await createAppCore({
      dataDir: temp.dir,
      platform: createStubPlatform(),
      appVersion: '0.1.0',
      logger,
    })
    const broken = {
      ...core.handlers,
      'app:state': async () => {
        throw Object.assign(new Error('disk on fire'), { password: 'Secret123' })
      },
    }
    const result = await createDispatch(broken, logger)('app:state', {})
    expect(result).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: '发生内部错误，请重试；如仍失败请联系管理员' },
    })
    expect(lines).toHaveLength(1)
    expect(lines[0]?.level).toBe('error')
    expect(lines[0]?.line).toContain('disk on fire')
    expect(lines[0]?.line).not.toContain('Secret123')
    await core.close()
    temp.cleanup()
  })

  it('opens only http(s) links, through the platform', async () => {
    t = await createTestCore()
    expect(await t.call('shell:open-external', { url: 'https://www.gov.cn/' })).toBe(true)
    expect(t.platform.openedUrls).toEqual(['https://www.gov.cn/'])
    const bad = await t.send('shell:open-external', { url: 'file:///etc/passwd' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(t.platform.openedUrls).toHaveLength(1)
  })

  it('reports a verify of the audit chain in the audit trail', async () => {
    t = await createTestCore()
    expect(await t.call('audit:verify', {})).toEqual({ ok: true, checked: 1 })
    const page = await t.call('audit:list', {})
    expect(page.entries[0]).toMatchObject({ action: 'audit.verify', detail: { ok: true } })
  })

  it('filters and pages the audit list, newest first', async () => {
    t = await createTestCore({ login: false })
    for (let i = 0; i < 3; i++) {
      await t.send('auth:login', { username: 'admin', password: `Wrong${i}xxxx` })
    }
    t.clock.advanceDays(2)
    await t.call('auth:login', { username: 'admin', password: TEST_ADMIN.password })
    const all = await t.call('audit:list', { limit: 2 })
    // setup, logout, 3 failed logins, login, and the new day's automatic backup taken at login.
    expect(all.total).toBe(7)
    expect(all.entries.map((e) => e.seq)).toEqual([7, 6])
    const page2 = await t.call('audit:list', { limit: 2, offset: 2 })
    expect(page2.entries.map((e) => e.seq)).toEqual([5, 4])
    expect((await t.call('audit:list', { action: 'auth.login_failed' })).total).toBe(3)
    const today = t.clock.clock()
    const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`
    const fromToday = await t.call('audit:list', { from: day, to: day })
    expect(fromToday.entries.map((e) => e.action)).toEqual(['backup.auto', 'auth.login'])
    expect((await t.call('audit:list', { text: 'wrong_password' })).total).toBe(3)
    expect((await t.call('audit:list', { text: '100%_' })).total).toBe(0)
    const me = (await t.call('app:state', {})).session?.user.id
    expect((await t.call('audit:list', { actorId: me })).total).toBe(6)
  })
})
