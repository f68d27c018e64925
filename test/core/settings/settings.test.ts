import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/core/db/database'
import { updateSettings } from '../../../src/core/settings/settings'
import { createTestCore, type TestCore } from '../../helpers/test-core'

let t: TestCore
afterEach(async () => t.cleanup())

describe('settings', () => {
  it('starts with the defaults', async () => {
    t = await createTestCore()
    expect(await t.call('settings:get', {})).toEqual({
      lockAfterMinutes: 15,
      autoBackupEnabled: true,
      autoBackupKeep: 7,
      maxFailedLogins: 5,
      lockoutMinutes: 15,
    })
  })

  it('lets an administrator change settings, audited with before and after', async () => {
    t = await createTestCore()
    const after = await t.call('settings:update', { lockAfterMinutes: 30, autoBackupKeep: 3 })
    expect(after).toEqual({
      lockAfterMinutes: 30,
      autoBackupEnabled: true,
      autoBackupKeep: 3,
      maxFailedLogins: 5,
      lockoutMinutes: 15,
    })
    expect(await t.call('settings:get', {})).toEqual(after)
    const audit = await t.call('audit:list', { action: 'settings.update' })
    expect(audit.total).toBe(1)
    expect(audit.entries[0]).toMatchObject({
      target: 'settings',
      detail: {
        changes: { lockAfterMinutes: { from: 15, to: 30 }, autoBackupKeep: { from: 7, to: 3 } },
      },
    })
    expect(audit.entries[0]?.beforeHash).toMatch(/^[0-9a-f]{64}$/)
    expect(audit.entries[0]?.afterHash).not.toBe(audit.entries[0]?.beforeHash)
  })

  it('does not audit a patch that changes nothing', async () => {
    t = await createTestCore()
    await t.call('settings:update', { lockAfterMinutes: 15 })
    expect((await t.call('audit:list', { action: 'settings.update' })).total).toBe(0)
  })

  it('lets any logged-in user read settings but only administrators change them', async () => {
    t = await createTestCore()
    await t.call('users:create', {
      username: 'sun',
      displayName: '孙',
      password: 'Sun123456',
      roles: ['reviewer'],
    })
    await t.call('auth:logout', {})
    await t.call('auth:login', { username: 'sun', password: 'Sun123456' })
    expect((await t.call('settings:get', {})).lockAfterMinutes).toBe(15)
    expect(await t.send('settings:update', { autoBackupEnabled: false })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })

  it('rejects an out-of-range value with a Chinese message', async () => {
    t = await createTestCore()
    const result = await t.send('settings:update', { lockAfterMinutes: 0 })
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    if (!result.ok) expect(result.error.message).toContain('自动锁定时间')
  })

  it.each([
    ['lockAfterMinutes', 0, '1–240 分钟'],
    ['lockAfterMinutes', 99999, '1–240 分钟'],
    ['lockoutMinutes', 0, '1–1440 分钟'],
    ['lockoutMinutes', 2000, '1–1440 分钟'],
    ['maxFailedLogins', 2, '3–10 次'],
    ['maxFailedLogins', 11, '3–10 次'],
  ] as const)(
    'refuses %s = %i with the range in the message (never clamped while saying 设置已保存)',
    async (key, value, range) => {
      t = await createTestCore()
      const result = await t.send('settings:update', { [key]: value })
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
      if (!result.ok) expect(result.error.message).toContain(range)
      // Nothing was stored: the setting keeps its value.
      const settings = await t.call('settings:get', {})
      expect(settings[key]).toBe(key === 'maxFailedLogins' ? 5 : 15)
      expect((await t.call('audit:list', { action: 'settings.update' })).total).toBe(0)
    },
  )

  it('refuses an out-of-range value in core too, not only at the IPC boundary', async () => {
    t = await createTestCore()
    const store = await openDatabase(t.dbPath, { appVersion: '0.1.0' })
    try {
      await expect(
        updateSettings(
          store.db,
          { id: 'x', username: 'admin', displayName: '王管理', roles: ['admin'] },
          { lockoutMinutes: 99999 },
          t.clock.clock,
        ),
      ).rejects.toThrow('账户锁定分钟数须在 1–1440 分钟之间')
    } finally {
      await store.db.destroy()
    }
  })
})
