import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestCore, type TestCore } from '../../helpers/test-core'
import { register } from './helpers'

/**
 * A deadline that runs into a year the calendar does not know is 暂定 (Monday–Friday) and says
 * so; adding that year's notice recomputes every open request and reports the moved due dates.
 */
describe('calendar.changed recomputes open requests', () => {
  let t: TestCore
  beforeEach(async () => {
    t = await createTestCore({ now: new Date('2026-12-15T01:00:00Z') })
  })
  afterEach(async () => {
    await t.cleanup()
  })

  it('a request received 2026-12-10 is due 2027-01-07 (暂定) until 2027 is added with 1月1日 off, then 2027-01-08', async () => {
    const open = await register(t, { channelDate: '2026-12-10' })
    expect(open.dueDate).toBe('2027-01-07')
    expect(open.provisional).toBe(true)
    expect(open.warnings[0]).toContain('暂定')
    expect(open.dueSteps.some((s) => s.kind === 'provisional')).toBe(true)
    const answered = await register(t, { channelDate: '2026-12-11' })
    await t.call('requests:add-event', {
      requestId: answered.id,
      kind: 'answer',
      date: '2026-12-14',
      answerType: 'disclose',
      outcome: '1',
    })
    expect((await t.call('requests:counts', {})).provisional).toBe(1)

    const result = await t.call('calendar:add', {
      year: 2027,
      holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
      workdays: [],
      source: 'manual',
    })
    const mine = result.moved.filter((m) => m.kind === 'request')
    expect(mine).toEqual([
      {
        kind: 'request',
        id: open.id,
        label: open.no,
        from: '2027-01-07',
        to: '2027-01-08',
        provisionalBefore: true,
        provisionalAfter: false,
      },
    ])
    const after = await t.call('requests:get', { id: open.id })
    expect(after.dueDate).toBe('2027-01-08')
    expect(after.provisional).toBe(false)
    expect(after.warnings.some((w) => w.includes('暂定'))).toBe(false)
    expect(after.dueSteps.map((s) => s.text).join('\n')).toContain('2027-01-01')
    // The answered request is not touched.
    expect((await t.call('requests:get', { id: answered.id })).dueDate).toBe(answered.dueDate)
  })
})
