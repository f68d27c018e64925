import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestCore, type TestCore } from '../../helpers/test-core'
import { officeToday } from '../../../src/core/requests/office-day'
import { register } from './helpers'

/**
 * "Today" for the register is the officer's calendar day in China (UTC+8, no daylight saving):
 * the receipt day (条例第三十一条) and the answer period (条例第三十三条) are Beijing dates, whatever
 * time zone the machine is set to.
 */
describe('today is the Beijing calendar day, not the machine’s', () => {
  const saved = process.env.TZ
  let t: TestCore
  beforeEach(async () => {
    process.env.TZ = 'America/Los_Angeles'
    // 2026-11-26 01:30 in Beijing = 2026-11-25 09:30 in Los Angeles.
    t = await createTestCore({ now: new Date('2026-11-25T17:30:00Z') })
  })
  afterEach(async () => {
    await t.cleanup()
    process.env.TZ = saved
  })

  it('officeToday gives the Beijing date', () => {
    expect(officeToday(() => new Date('2026-11-25T17:30:00Z'))).toBe('2026-11-26')
    expect(officeToday(() => new Date('2026-11-25T15:59:59Z'))).toBe('2026-11-25')
  })

  it('accepts a request received today in Beijing (条例第三十一条) on a machine set to Los Angeles', async () => {
    const v = await register(t, { submittedDate: '2026-11-26', channelDate: '2026-11-26' })
    expect(v.receivedDate).toBe('2026-11-26')
    const answered = await t.call('requests:add-event', {
      requestId: v.id,
      kind: 'answer',
      date: '2026-11-26',
      answerType: 'disclose',
      outcome: '1',
    })
    expect(answered.status).toBe('answered')
  })

  it('counts due today and overdue against the Beijing day (条例第三十三条)', async () => {
    // Received 2026-10-29 → due 2026-11-26: due today in Beijing, not tomorrow.
    await register(t, { channelDate: '2026-10-29' })
    const soon = await t.call('requests:list', { tab: 'due_soon' })
    expect(soon.rows[0]?.daysLeft).toBe(0)
  })
})
