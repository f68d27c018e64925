import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestCore, type TestCore } from '../../helpers/test-core'
import { newItem, withStaff } from '../items/helpers'

/**
 * 'calendar.changed': adding next year's notice recomputes the stored due dates of 主动公开 items
 * (第二十六条: 20 个工作日 from 成文日期) and reports which moved; the app's handlers use the
 * stored calendar, not the package.
 */
describe('adding a year moves provisional due dates', () => {
  let t: TestCore
  beforeEach(async () => {
    t = await createTestCore()
    await withStaff(t)
  })
  afterEach(async () => {
    await t.cleanup()
  })

  it('an item formed 2026-12-15 is due 2027-01-12 (暂定) until the 2027 notice is added, then 2027-01-13', async () => {
    const v = await newItem(t, { signedDate: '2026-12-15' })
    expect(v.dueDate).toBe('2027-01-12')
    expect(v.warnings.some((w) => w.includes('暂定'))).toBe(true)

    const text = readFileSync('test/fixtures/calendar/notice-2027-test.txt', 'utf8')
    const preview = await t.call('calendar:parse-notice', { text })
    expect(preview.year).toBe(2027)
    expect(preview.existing).toBeNull()
    const result = await t.call('calendar:add', {
      year: 2027,
      holidays: preview.holidays,
      workdays: preview.workdays,
      names: preview.names,
      source: 'notice',
    })
    expect(result.moved).toEqual([
      {
        kind: 'item',
        id: v.id,
        label: v.title,
        from: '2027-01-12',
        to: '2027-01-13',
        provisionalBefore: true,
        provisionalAfter: false,
      },
    ])
    const after = await t.call('items:get', { id: v.id })
    expect(after.dueDate).toBe('2027-01-13')
    expect(after.warnings.some((w) => w.includes('暂定'))).toBe(false)
  })

  it('a reviewer (no officer or admin role) may read the calendar but not change it', async () => {
    await t.send('auth:logout', {})
    await t.call('auth:login', { username: 'li', password: 'Review1234' })
    expect((await t.call('calendar:list', {})).length).toBeGreaterThan(20)
    const r = await t.send('calendar:add', {
      year: 2027,
      holidays: ['2027-01-01'],
      workdays: [],
      source: 'manual',
    })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.code).toBe('FORBIDDEN')
  })
})
