import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAppCore } from '../../../src/core/api/app-core'
import { closeDatabase, openDatabase } from '../../../src/core/db/database'
import { assignIndexNumber } from '../../../src/core/items/index-number'
import { createTestCore, TEST_DEPARTMENT, type TestCore } from '../../helpers/test-core'
import { newItem, loginAdmin } from './helpers'

let t: TestCore
beforeEach(async () => {
  t = await createTestCore()
})
afterEach(async () => t.cleanup())

/** Runs `assignIndexNumber` on the test core's database file, as the review service would. */
async function assign(itemId: string, at: Date): Promise<string> {
  const store = await openDatabase(t.dbPath, { appVersion: '0.1.0' })
  try {
    return await assignIndexNumber(store.db, itemId, () => at)
  } finally {
    await closeDatabase(store)
  }
}

describe('索引号', () => {
  it('uses the default pattern <org code>/<year>-<5 digits>, numbering 1, 2 … within a year', async () => {
    const a = await newItem(t)
    const b = await newItem(t, { title: '第二个条目' })
    const at = new Date('2026-11-26T01:00:00Z')
    expect(await assign(a.id, at)).toBe(`${TEST_DEPARTMENT.orgCode}/2026-00001`)
    expect(await assign(b.id, at)).toBe(`${TEST_DEPARTMENT.orgCode}/2026-00002`)
    // Idempotent: a second call keeps the number.
    expect(await assign(a.id, at)).toBe(`${TEST_DEPARTMENT.orgCode}/2026-00001`)
    expect((await t.call('items:get', { id: a.id })).indexNumber).toBe(
      `${TEST_DEPARTMENT.orgCode}/2026-00001`,
    )
  })

  it('restarts the sequence in a new year', async () => {
    const a = await newItem(t)
    const b = await newItem(t, { title: '次年条目' })
    expect(await assign(a.id, new Date(2026, 11, 31, 16))).toMatch(/\/2026-00001$/)
    expect(await assign(b.id, new Date(2027, 0, 1, 9))).toMatch(/\/2027-00001$/)
  })

  it('follows the pattern the administrator configures', async () => {
    const settings = await t.call('drafting:update-settings', {
      indexPattern: '{org}/{yyyymm}-{seq:4}',
    })
    expect(settings.indexPatternExample).toBe(`${TEST_DEPARTMENT.orgCode}/202611-0001`)
    const a = await newItem(t)
    expect(await assign(a.id, new Date(2026, 10, 26, 9))).toBe(
      `${TEST_DEPARTMENT.orgCode}/202611-0001`,
    )
    const bad = await t.send('drafting:update-settings', { indexPattern: '{org}-{seq:5}' })
    expect(bad.ok ? null : bad.error.message).toContain('年份')
  })

  it('allocates serially when two approvals run at once in one process', async () => {
    const a = await newItem(t)
    const b = await newItem(t, { title: '并发条目' })
    await t.core.close()
    const store = await openDatabase(t.dbPath, { appVersion: '0.1.0' })
    const clock = () => new Date(2026, 10, 26, 9)
    const numbers = await Promise.all([
      assignIndexNumber(store.db, a.id, clock),
      assignIndexNumber(store.db, b.id, clock),
    ])
    await closeDatabase(store)
    expect(new Set(numbers).size).toBe(2)
    expect(numbers.map((n) => n.slice(-5)).sort()).toEqual(['00001', '00002'])
    t.core = await createAppCore({
      dataDir: t.dataDir,
      platform: t.platform,
      clock: t.clock.clock,
      appVersion: '0.1.0',
    })
    await loginAdmin(t)
  })
})
