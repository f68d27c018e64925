import { afterEach, describe, expect, it } from 'vitest'
import { silentLogger } from '../../../src/core/logger'
import { reminderText, startRequestReminders } from '../../../src/core/requests/reminders'
import { closeDatabase, openDatabase } from '../../../src/core/db/database'
import { createTestCore, TEST_APP_VERSION, type TestCore } from '../../helpers/test-core'
import { APPLICANT, register } from './helpers'

/** The OS notification through the platform port, at start-up and daily — without Electron. */
let t: TestCore | undefined
afterEach(async () => {
  await t?.cleanup()
})

describe('due-request reminders', () => {
  it('says nothing when nothing is due', () => {
    expect(reminderText({ open: 3, dueSoon: 0, overdue: 0, paused: 1, provisional: 0 })).toBeNull()
  })

  it('notifies at start-up when requests are due or overdue, naming counts only', async () => {
    t = await createTestCore()
    await register(t, { channelDate: '2026-10-29' }) // due today
    await register(t, { channelDate: '2026-10-20' }) // overdue
    t.platform.notifications.length = 0
    await t.restart()
    await new Promise((r) => setTimeout(r, 50))
    expect(t.platform.notifications).toHaveLength(1)
    const n = t.platform.notifications[0]!
    expect(n.body).toContain('1 件已超过答复期限')
    expect(n.body).toContain('1 件将在 3 个工作日内到期')
    expect(JSON.stringify(n)).not.toContain(APPLICANT.name)
  })

  it('checks again every day', async () => {
    t = await createTestCore()
    await register(t, { channelDate: '2026-10-29' })
    const store = await openDatabase(t.dbPath, { appVersion: TEST_APP_VERSION })
    try {
      const shown: string[] = []
      let tick: (() => void) | undefined
      let interval = 0
      const r = startRequestReminders(
        {
          getDb: () => store.db,
          platform: { notify: (title) => void shown.push(title) },
          clock: t.clock.clock,
          logger: silentLogger,
        },
        {
          setInterval: (fn, ms) => {
            interval = ms
            tick = fn
            return 1
          },
          clearInterval: () => {
            tick = undefined
          },
        },
      )
      await new Promise((res) => setTimeout(res, 50))
      expect(interval).toBe(24 * 60 * 60 * 1000)
      expect(shown).toHaveLength(1)
      tick?.()
      await new Promise((res) => setTimeout(res, 50))
      expect(shown).toHaveLength(2)
      r.stop()
      expect(tick).toBeUndefined()
    } finally {
      await closeDatabase(store)
    }
  })
})
