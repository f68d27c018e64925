import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { parseHolidayNotice } from '../../src/core/calendar/notice-parser'
import type { TestCore } from '../helpers/test-core'
import { BACKENDS, useBackend } from './helpers/backends'
import { call, department } from './helpers/test-server'
import { adminCli, departmentDesk, tempFile, useListeningServer } from './schedule-helpers'

const NOTICE_2027 = readFileSync(
  join(__dirname, '../fixtures/calendar/notice-2027-test.txt'),
  'utf8',
)
/** The same year with 国庆's first make-up day moved from 9月26日 to 9月25日 (a correction). */
const NOTICE_2027_V2 = NOTICE_2027.replace('9月26日（周日）、10月9日', '9月25日（周六）、10月9日')

describe.each(BACKENDS)('the holiday calendar from the district (%s)', (kind) => {
  const backend = useBackend(kind)
  const listening = useListeningServer()
  const cleanups: (() => void)[] = []
  const desks: TestCore[] = []
  afterEach(async () => {
    for (const d of desks.splice(0)) await d.cleanup()
    for (const c of cleanups.splice(0)) c()
  })
  const fresh = async () => {
    const database = await backend.fresh()
    await sql`DELETE FROM district_calendar`.execute(database.db)
    return database
  }

  it('publish-calendar reads the notice with the app parser; the same notice again changes nothing; an incomplete one is refused naming what is missing', async () => {
    await fresh()
    const run = adminCli(backend)
    const path = tempFile('2027年节假日安排.txt', Buffer.from(NOTICE_2027), cleanups)
    const first = await run('publish-calendar', path)
    expect(first.code).toBe(0)
    expect(first.json).toMatchObject({ year: 2027, version: 1, changed: true })
    expect((await run('publish-calendar', '--year', '2027', path)).json).toMatchObject({
      version: 1,
      changed: false,
    })
    const broken = tempFile(
      '缺少端午.txt',
      Buffer.from(NOTICE_2027.replace(/五、端午节：[^\n]*\n/, '')),
      cleanups,
    )
    const refused = await run('publish-calendar', broken)
    expect(refused.code).toBe(1)
    expect(refused.err.join('\n')).toMatch(/端午/)
  })

  it('every department receives it on sync; a department that entered the year itself keeps its own and is told the difference; a correction reaches those who took the district’s', async () => {
    const { db } = await fresh()
    const { url, app } = await listening(db)
    const a = await department(db, 'CZJ', '区财政局')
    const b = await department(db, 'JYJ', '区教育局')
    const run = adminCli(backend)
    const path = tempFile('2027.txt', Buffer.from(NOTICE_2027), cleanups)
    expect((await run('publish-calendar', path)).code).toBe(0)
    // The wire answer, with the department's token.
    const wire = (await call(app, a.token, 'GET', '/api/v1/calendar')).json()
    const expected = parseHolidayNotice(NOTICE_2027)
    expect(wire.years).toEqual([
      expect.objectContaining({
        year: 2027,
        version: 1,
        holidays: expected.holidays,
        workdays: expected.workdays,
      }),
    ])
    expect((await call(app, null, 'GET', '/api/v1/calendar')).statusCode).toBe(401)

    const deskA = await departmentDesk(url, a.token)
    const deskB = await departmentDesk(url, b.token)
    desks.push(deskA, deskB)
    // 教育局 entered 2027 itself, from the corrected wording.
    const own = parseHolidayNotice(NOTICE_2027_V2)
    await deskB.call('calendar:add', {
      year: 2027,
      holidays: own.holidays,
      workdays: own.workdays,
      names: own.names,
      source: 'notice',
    })

    for (const d of desks) expect(await d.core.sync.runOnce(true)).toEqual({ kind: 'done' })
    const yearA = (await deskA.call('calendar:list', {})).find((y) => y.year === 2027)!
    expect(yearA).toMatchObject({ source: 'notice', workdays: expected.workdays })
    expect(yearA.note).toMatch(/^区级下发（第 1 版）/)
    const statusA = (await deskA.core.sync.status()).extensions.find((e) => e.name === 'calendar')
    expect(statusA).toMatchObject({ ok: true, notice: null })

    const yearB = (await deskB.call('calendar:list', {})).find((y) => y.year === 2027)!
    expect(yearB.workdays).toEqual(own.workdays)
    const statusB = (await deskB.core.sync.status()).extensions.find((e) => e.name === 'calendar')
    expect(statusB?.ok).toBe(true)
    expect(statusB?.notice).toContain('2027 年：区级下发的安排与本单位录入的不同')
    expect(statusB?.notice).toContain('区级另有调休上班 9月26日')
    expect(statusB?.notice).toContain('本单位另有调休上班 9月25日')

    // The district publishes the correction: A (which took the district's) follows; B now agrees.
    const v2 = tempFile('2027-修订.txt', Buffer.from(NOTICE_2027_V2), cleanups)
    expect((await run('publish-calendar', v2)).json).toMatchObject({ version: 2, changed: true })
    for (const d of desks) expect(await d.core.sync.runOnce(true)).toEqual({ kind: 'done' })
    const yearA2 = (await deskA.call('calendar:list', {})).find((y) => y.year === 2027)!
    expect(yearA2.workdays).toEqual(own.workdays)
    expect(yearA2.note).toMatch(/^区级下发（第 2 版）/)
    const statusB2 = (await deskB.core.sync.status()).extensions.find((e) => e.name === 'calendar')
    expect(statusB2).toMatchObject({ ok: true, notice: null })
  })

  it('the district page takes the pasted notice from a 审核发布 user', async () => {
    const { db } = await fresh()
    const { url } = await listening(db)
    const form = new URLSearchParams({ notice: NOTICE_2027 }).toString()
    const res = await fetch(`${url}/district/calendar`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url },
      body: form,
    })
    expect(res.status).toBe(200)
    const body = await res.text()
    expect(body).toContain('已发布 2027 年节假日安排（第 1 版')
    const bad = await fetch(`${url}/district/calendar`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url },
      body: new URLSearchParams({ notice: '二、春节：2月30日放假' }).toString(),
    })
    expect(bad.status).toBe(400)
    expect(await bad.text()).toContain('未发布')
    const audit = await db.selectFrom('district_audit').selectAll().execute()
    expect(audit.map((e) => e.action)).toContain('calendar.publish')
  })
})
