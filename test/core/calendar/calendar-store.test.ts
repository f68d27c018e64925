import { readFileSync } from 'node:fs'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestCore, type TestCore } from '../../helpers/test-core'

const notice = (year: number) => readFileSync(`test/fixtures/calendar/notice-${year}.txt`, 'utf8')

describe('calendar store (calendar_years, seeded from chinese-days)', () => {
  let t: TestCore
  beforeEach(async () => {
    t = await createTestCore()
  })
  afterEach(async () => {
    await t.cleanup()
  })

  it('lists every year the package knows, source package', async () => {
    const years = await t.call('calendar:list', {})
    expect(years.map((y) => y.year)).toContain(2026)
    const y2026 = years.find((y) => y.year === 2026)!
    expect(y2026.source).toBe('package')
    expect(y2026.workdays).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ])
    expect(y2026.names['2026-10-01']).toBe('国庆节')
  })

  it('refuses a pasted notice without its 国庆节 line, naming it, and leaves the year as it was (放假办法第二条)', async () => {
    const text = notice(2026)
      .split('\n')
      .filter((l) => !l.startsWith('七、国庆节'))
      .join('\n')
    const r = await t.send('calendar:parse-notice', { text })
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(JSON.stringify(r)).toContain('通知不完整：缺少国庆节')
    const years = await t.call('calendar:list', {})
    expect(years.find((y) => y.year === 2026)?.source).toBe('package')
  })

  it('previews a pasted notice without writing anything', async () => {
    const preview = await t.call('calendar:parse-notice', { text: notice(2026) })
    expect(preview.year).toBe(2026)
    expect(preview.existing?.source).toBe('package')
    const years = await t.call('calendar:list', {})
    expect(years.find((y) => y.year === 2026)?.source).toBe('package')
  })

  it('stores a notice (audited) and keeps it across a restart', async () => {
    const preview = await t.call('calendar:parse-notice', { text: notice(2026) })
    const result = await t.call('calendar:add', {
      year: preview.year,
      holidays: preview.holidays,
      workdays: preview.workdays,
      names: preview.names,
      source: 'notice',
      note: preview.title ?? undefined,
    })
    expect(result.stored.source).toBe('notice')
    expect(result.replaced?.source).toBe('package')
    expect(result.moved).toEqual([])
    await t.restart()
    await t.call('auth:login', { username: 'admin', password: 'Admin12345' })
    const years = await t.call('calendar:list', {})
    expect(years.find((y) => y.year === 2026)).toMatchObject({
      source: 'notice',
      updatedByName: '王管理',
      note: '国务院办公厅关于2026年部分节假日安排的通知',
    })
    const audit = await t.call('audit:list', {})
    expect(audit.entries.some((e) => e.action === 'calendar.replace')).toBe(true)
  })

  it('adds at start-up a year the bundled package knows but the store lacks, never replacing a stored one', async () => {
    const preview = await t.call('calendar:parse-notice', { text: notice(2025) })
    const { year, holidays, workdays, names } = preview
    await t.call('calendar:add', { year, holidays, workdays, names, source: 'notice' })
    // An older store: 2026 not there yet (as before a chinese-days update brought it).
    const sqlite = new Database(t.dbPath)
    sqlite.prepare('DELETE FROM calendar_years WHERE year = 2026').run()
    sqlite.close()
    await t.restart()
    await t.call('auth:login', { username: 'admin', password: 'Admin12345' })
    const years = await t.call('calendar:list', {})
    expect(years.find((y) => y.year === 2026)?.source).toBe('package')
    expect(years.find((y) => y.year === 2025)?.source).toBe('notice')
  })

  it('refuses a day that is both off and working, with a Chinese message', async () => {
    const r = await t.send('calendar:add', {
      year: 2027,
      holidays: ['2027-01-01'],
      workdays: ['2027-01-01'],
      source: 'manual',
    })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toContain('既被列为放假日又被列为上班日')
  })
})
