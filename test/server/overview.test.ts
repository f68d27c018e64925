import { describe, expect, it } from 'vitest'
import { publishItem, returnItem } from '../../src/server/changes/district-actions'
import { packageCalendarYears } from '../../src/core/calendar/package-years'
import { runReportRules } from '../../src/core/report/rules'
import { readSpreadsheet } from '../../src/core/spreadsheet'
import { emptyReportTables } from '../../src/shared/report/format'
import { districtWorkCalendar } from '../../src/server/calendar/calendar-service'
import {
  DEFAULT_LATE_RULE,
  getOverview,
  itemDueDate,
} from '../../src/server/overview/overview-service'
import { BACKENDS, useBackend } from './helpers/backends'
import { consultationBody } from './helpers/consultation-body'
import { makeItem, newItemId, putBody } from './helpers/payloads'
import { call, department, NOW, useServers } from './helpers/test-server'

describe.each(BACKENDS)('district overview (%s)', (kind) => {
  const backend = useBackend(kind)
  const server = useServers()

  it('counts items per department by status with the last push time', async () => {
    const { db } = await backend.fresh()
    const app = await server(db)
    const { token } = await department(db, 'A', '财政局')
    await department(db, 'B', '教育局')
    const ids = [newItemId(), newItemId(), newItemId()]
    for (const id of ids) await call(app, token, 'PUT', `/api/v1/items/${id}`, putBody(1))
    await publishItem(db, ids[0]!, 'https://gov.example/1', NOW.toISOString())
    await call(app, token, 'POST', `/api/v1/items/${ids[1]}/withdraw`, { reason: '撤回' })
    const overview = await getOverview(db, NOW)
    expect(overview.departments).toEqual([
      {
        code: 'A',
        name: '财政局',
        total: 3,
        byStatus: { received: 1, published: 1, returned: 0, withdrawn: 1 },
        lastPushAt: NOW.toISOString(),
        rebasedAt: null,
      },
      {
        code: 'B',
        name: '教育局',
        total: 0,
        byStatus: { received: 0, published: 0, returned: 0, withdrawn: 0 },
        lastPushAt: null,
        rebasedAt: null,
      },
    ])
    const page = await app.inject({ method: 'GET', url: '/' })
    expect(page.body).toContain('财政局')
    expect(page.body).toContain('教育局')
  })

  // 条例第二十六条: 20 working days from 成文日期 (the day itself not counted), the desk's rule
  // (core/items/due-date); NOW is Thursday 2026-11-26, 16:00 in Beijing.
  it('lists as late against the 时限 in working days: 拟发布日期 when carried, else 20 working days from 成文日期 (条例第二十六条) or the approval day; returned items 5 working days', async () => {
    const { db } = await backend.fresh()
    const { token } = await department(db, 'A')
    const app = await server(db)
    const put = async (fields: Record<string, unknown>) => {
      const id = newItemId()
      const res = await call(app, token, 'PUT', `/api/v1/items/${id}`, putBody(1, makeItem(fields)))
      expect(res.statusCode).toBe(201)
      return id
    }
    const recent = '2026-11-20T09:00:00+08:00'
    // 10-28 + 20 working days = 11-25 (before today): late, though approved 6 days ago.
    const signedLate = await put({
      title: '成文已久',
      signedDate: '2026-10-28',
      approvedAt: recent,
    })
    // 10-29 + 20 working days = 11-26, today: not yet late.
    await put({ signedDate: '2026-10-29', approvedAt: recent })
    // Its own 拟发布日期 passed: late, though approved the day before.
    const plannedLate = await put({
      plannedPublishDate: '2026-11-25',
      approvedAt: '2026-11-25T10:00:00+08:00',
    })
    // A 拟发布日期 still ahead wins over an old 成文日期.
    await put({ plannedPublishDate: '2026-11-30', signedDate: '2026-09-01', approvedAt: recent })
    // No dates: counted from the approval day. 11-05 + 20 working days = 12-03 (21 calendar days
    // ago, late under a calendar-day count, not in working days).
    await put({ approvedAt: '2026-11-05T09:00:00+08:00' })
    // 10-27 + 20 working days = 11-24: late.
    const approvedLate = await put({ approvedAt: '2026-10-27T10:00:00+08:00' })
    // 17:00 UTC on 10-28 is 10-29 in Beijing: due 11-26, not late (the UTC day would give 11-25).
    await put({ approvedAt: '2026-10-28T17:00:00Z' })
    const returnedLate = await put({ title: '退回未改', approvedAt: recent })
    const returnedFriday = await put({ approvedAt: recent })
    const returnedThursday = await put({ approvedAt: recent })
    const publishedOld = await put({ signedDate: '2026-01-05', approvedAt: recent })
    // Wednesday 11-18 + 5 working days = 11-25: late; Thursday 11-19 → 11-26: not yet; Friday 11-20,
    // six calendar days ago → 11-27: not late.
    await returnItem(db, returnedLate, '缺少附件', '2026-11-18T02:00:00.000Z')
    await returnItem(db, returnedThursday, '缺少附件', '2026-11-19T02:00:00.000Z')
    await returnItem(db, returnedFriday, '缺少附件', '2026-11-20T02:00:00.000Z')
    await publishItem(db, publishedOld, 'https://gov.example/p', NOW.toISOString())

    const { late } = await getOverview(db, NOW)
    expect(late.map((l) => [l.id, l.why, l.basis, l.dueDate])).toEqual([
      [approvedLate, 'unpublished', 'approved', '2026-11-24'],
      [signedLate, 'unpublished', 'signed', '2026-11-25'],
      [returnedLate, 'returned', 'returned', '2026-11-25'],
      [plannedLate, 'unpublished', 'planned', '2026-11-25'],
    ])
    expect(late[2]).toMatchObject({ title: '退回未改', reason: '缺少附件', departmentCode: 'A' })

    const page = await app.inject({ method: 'GET', url: '/' })
    expect(page.body).toContain('逾期条目（4）')
    expect(page.body).toContain('2026年11月24日')
    expect(page.body).toContain('成文日期起超过 20 个工作日未发布')
    expect(page.body).toContain('已过拟发布日期未发布')
    expect(page.body).toContain('退回后超过 5 个工作日未重新报送：缺少附件')
    const row = /<tr data-code="A">[\s\S]*?<\/tr>/.exec(page.body)?.[0] ?? ''
    expect(row.match(/<td class="n late">(\d+)<\/td>/)?.[1]).toBe('4')
  })

  it('counts the working days with the holiday calendar the district published (it replaces the packaged year)', async () => {
    const { db } = await backend.fresh()
    const { token } = await department(db, 'A')
    const app = await server(db)
    const id = newItemId()
    await call(
      app,
      token,
      'PUT',
      `/api/v1/items/${id}`,
      putBody(1, makeItem({ signedDate: '2026-10-28', approvedAt: '2026-11-20T09:00:00+08:00' })),
    )
    expect((await getOverview(db, NOW)).late.map((l) => l.dueDate)).toEqual(['2026-11-25'])
    // The district's 2026 arrangement with two more days off in November: due two working days later.
    const packaged = packageCalendarYears().find((y) => y.year === 2026)!
    await db.deleteFrom('district_calendar').execute()
    await db
      .insertInto('district_calendar')
      .values({
        year: 2026,
        version: 1,
        title: '2026年部分节假日安排',
        holidays_json: JSON.stringify([...packaged.holidays, '2026-11-02', '2026-11-03'].sort()),
        workdays_json: JSON.stringify(packaged.workdays),
        names_json: '{}',
        notice_text: '（测试）',
        published_at: NOW.toISOString(),
        published_by: '测试',
      })
      .execute()
    expect((await getOverview(db, NOW)).late).toEqual([])
    const due = itemDueDate(await districtWorkCalendar(db), DEFAULT_LATE_RULE, {
      status: 'received',
      approvedAt: '2026-11-20T01:00:00.000Z',
      statusAt: NOW.toISOString(),
      signedDate: '2026-10-28',
      plannedPublishDate: null,
    })
    expect(due).toEqual({ dueDate: '2026-11-27', basis: 'signed' })
  })

  it('exports the 年度报告 and 征集中 columns the page shows, per department, in the page order; the 年度报告 cell opens the report status with the checker’s findings', async () => {
    const { db } = await backend.fresh()
    const app = await server(db)
    const a = await department(db, 'A', '财政局')
    await department(db, 'B', '教育局')
    // A's 2025 report (the year before the overview's 2026), with every cell 0 but one.
    const tables = emptyReportTables('2021')
    for (const t of ['table2', 'table3', 'table4'] as const)
      for (const row of Object.values(tables[t])) for (const k of Object.keys(row)) row[k] = 0
    tables.table3.received!.natural = 7
    tables.table3.received!.total = 7
    const report = await call(app, a.token, 'PUT', '/api/v1/reports/2025', {
      title: '财政局2025年政府信息公开工作年度报告',
      tables,
      narrative: { overview: '新收申请 7 件。', problems: '', other: '' },
      itemId: null,
    })
    expect(report.statusCode).toBe(201)
    // One consultation of A open today (11-20 … 12-10).
    const noticeId = newItemId()
    await call(
      app,
      a.token,
      'PUT',
      `/api/v1/items/${noticeId}`,
      putBody(1, makeItem({ kind: 'consultation', title: '关于公开征求意见的公告' })),
    )
    const consultation = await call(
      app,
      a.token,
      'PUT',
      `/api/v1/consultations/${newItemId()}`,
      consultationBody(noticeId, { attachments: [] }),
    )
    expect(consultation.statusCode).toBe(201)

    const page = await app.inject({ method: 'GET', url: '/?year=2026' })
    const rowOf = (code: string) =>
      new RegExp(`<tr data-code="${code}">[\\s\\S]*?</tr>`).exec(page.body)?.[0] ?? ''
    const reportCell = /<span class="(?:ok|bad)">(已收到[^<]*|未收到)<\/span>/
    const pageReport = reportCell.exec(rowOf('A'))?.[1]
    expect(pageReport).toMatch(/^已收到/)
    expect(reportCell.exec(rowOf('B'))?.[1]).toBe('未收到')

    const xlsx = await app.inject({ method: 'GET', url: '/district/overview.xlsx?year=2026' })
    expect(xlsx.statusCode).toBe(200)
    const sheet = readSpreadsheet({ bytes: xlsx.rawPayload, fileName: 'overview.xlsx' }).sheets[0]!
    const h = sheet.rows.findIndex((r) => r[0] === '代码')
    const header = sheet.rows[h]!
    const col = (name: string) => {
      const i = header.indexOf(name)
      expect(i, name).toBeGreaterThanOrEqual(0)
      return i
    }
    const [rowA, rowB] = [sheet.rows[h + 1]!, sheet.rows[h + 2]!]
    expect([rowA[0], rowB[0]]).toEqual(['A', 'B'])
    const failures = runReportRules({
      tables,
      narrative: { overview: '新收申请 7 件。', problems: '', other: '' },
    })
    const errors = failures.filter((f) => f.severity === 'error').length
    // The cell says what the page says (the page leaves out the count of 提示).
    expect(rowA[col('2025年度报告')]).toMatch(
      new RegExp(`^${pageReport!.replace(/[()（）]/g, '.')}`),
    )
    expect(rowA[col('报告错误')]).toBe(String(errors))
    expect(rowB[col('2025年度报告')]).toBe('未收到')
    expect(rowB[col('报告错误')] ?? '').toBe('')
    expect(rowA[col('征集中')]).toBe('1')
    expect(rowB[col('征集中')]).toBe('0')

    // The 年度报告 cell opens the department's report status: what the checker found, or 未收到.
    expect(rowOf('A')).toContain('href="/district/departments/A/report?year=2025"')
    const status = await app.inject({
      method: 'GET',
      url: '/district/departments/A/report?year=2025',
    })
    expect(status.statusCode).toBe(200)
    expect(status.body).toContain('《财政局2025年政府信息公开工作年度报告》')
    expect(status.body.match(/data-severity="error"/g)?.length ?? 0).toBe(errors)
    expect(status.body.match(/data-severity="warning"/g)?.length ?? 0).toBe(
      failures.length - errors,
    )
    for (const f of failures) expect(status.body).toContain(`data-rule="${f.rule}"`)
    expect(status.body).toContain(errors > 0 ? `校验发现 ${errors} 处错误` : '校验通过')
    const missing = await app.inject({ method: 'GET', url: '/district/departments/B/report' })
    expect(missing.statusCode).toBe(200)
    expect(missing.body).toContain('data-report-status="missing"')
    expect(missing.body).toMatch(/区级尚未收到该部门 2025\s+年度/)
    expect(
      (await app.inject({ method: 'GET', url: '/district/departments/NOPE/report' })).statusCode,
    ).toBe(404)
  })
})
