import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { districtOverview, parseOverviewQuery } from '../../src/server/overview/district-overview'
import type { PutScheduleTableBody } from '../../src/shared/schedule/wire'
import { emptyReportTables } from '../../src/shared/report/format'
import { readSpreadsheet } from '../../src/core/spreadsheet'
import type { TestCore } from '../helpers/test-core'
import { BACKENDS, useBackend } from './helpers/backends'
import { call, department, NOW, useServers } from './helpers/test-server'
import {
  adminCli,
  departmentDesk,
  districtBreakdown,
  tempFile,
  useListeningServer,
} from './schedule-helpers'

const YEAR = 2026

/** A minimal valid table body with one task. */
function tableBody(
  progress: string,
  over: Partial<PutScheduleTableBody> = {},
): PutScheduleTableBody {
  return {
    title: '2026年政务公开工作配档表',
    breakdownVersion: 1,
    asOf: '2026-11-26',
    tasks: [
      {
        id: '0190a3b2-1c2d-7e3f-8a4b-5c6d7e8f9a01',
        seq: 1,
        source: 'district',
        section: '一、以政务公开助推重点工作落实',
        number: '1',
        category: '助推高水平开放',
        requirement: '做好扩大有效投资政策公开',
        leadUnit: '区财政局',
        deadline: '2026年6月底前',
        deadlineDate: '2026-06-30',
        status: 'overdue',
        completedOn: null,
        completedLate: false,
        measures: ['开设专栏'],
        disclosureContent: '政府网站',
        sectionOffice: '办公室',
        owner: '王五',
        completion: '',
        note: '',
        progress: [{ date: '2026-11-20', text: progress }],
        evidence: [],
      },
    ],
    ...over,
  }
}

describe.each(BACKENDS)('工作配档表 on the district server (%s)', (kind) => {
  const backend = useBackend(kind)
  const server = useServers()
  const listening = useListeningServer()
  const cleanups: (() => void)[] = []
  const desks: TestCore[] = []
  afterEach(async () => {
    for (const d of desks.splice(0)) await d.cleanup()
    for (const c of cleanups.splice(0)) c()
  })

  /** A fresh database (breakdowns are district-wide, so cleared too on PostgreSQL). */
  const fresh = async () => {
    const database = await backend.fresh()
    await sql`DELETE FROM schedule_breakdowns`.execute(database.db)
    return database
  }

  it('publish-breakdown reads the file through the app importer; the same file again changes nothing; a broken one is refused naming the problem', async () => {
    const { db } = await fresh()
    const run = adminCli(backend)
    const path = tempFile('2026年分解表.xlsx', await districtBreakdown(), cleanups)
    const first = await run('publish-breakdown', '--year', String(YEAR), path)
    expect(first.code).toBe(0)
    expect(first.json).toMatchObject({ year: YEAR, version: 1, taskCount: 5, changed: true })
    expect(first.out[0]).toContain('已发布 2026 年重点工作分解表')
    const again = await run('publish-breakdown', '--year', String(YEAR), path)
    expect(again.json).toMatchObject({ version: 1, changed: false })

    const broken = tempFile('坏表.xlsx', Buffer.from('不是表格'), cleanups)
    const refused = await run('publish-breakdown', '--year', String(YEAR), broken)
    expect(refused.code).toBe(1)
    expect(refused.err.join('\n')).toMatch(/表格|文件/)
    const usage = await run('publish-breakdown', '--year', String(YEAR))
    expect(usage.code).toBe(2)
    const row = await db.selectFrom('schedule_breakdowns').selectAll().executeTakeFirstOrThrow()
    expect(Number(row.version)).toBe(1)
    expect(JSON.parse(row.tasks_json)).toHaveLength(5)
  })

  it('the table PUT is idempotent: created, unchanged, updated; each department reads only its own', async () => {
    const { db } = await fresh()
    const app = await server(db)
    const a = await department(db, 'CZJ', '区财政局')
    const b = await department(db, 'JYJ', '区教育局')
    const url = `/api/v1/schedule/tables/${YEAR}`
    const created = await call(app, a.token, 'PUT', url, tableBody('已完成政策梳理'))
    expect(created.statusCode).toBe(201)
    expect(created.json()).toMatchObject({ year: YEAR, result: 'created' })
    const again = await call(app, a.token, 'PUT', url, tableBody('已完成政策梳理'))
    expect(again.statusCode).toBe(200)
    expect(again.json()).toMatchObject({
      result: 'unchanged',
      receivedAt: created.json().receivedAt,
    })
    const changed = await call(app, a.token, 'PUT', url, tableBody('已发布 3 条'))
    expect(changed.json()).toMatchObject({ result: 'updated' })

    // B has sent nothing: it cannot see A's table (no address names another department).
    expect((await call(app, b.token, 'GET', url)).statusCode).toBe(404)
    await call(app, b.token, 'PUT', url, tableBody('教育局的进展'))
    const mine = (await call(app, b.token, 'GET', url)).json()
    expect(JSON.stringify(mine)).toContain('教育局的进展')
    expect(JSON.stringify(mine)).not.toContain('已发布 3 条')
    const theirs = (await call(app, a.token, 'GET', url)).json()
    expect(theirs.table.tasks[0].progress[0].text).toBe('已发布 3 条')
    // Without a token: 401; a bad body: 400 naming the field; nothing stored.
    expect((await call(app, null, 'GET', url)).statusCode).toBe(401)
    const bad = await call(app, a.token, 'PUT', url, { ...tableBody('x'), extra: 1 })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.code).toBe('VALIDATION')
    expect((await call(app, a.token, 'GET', url)).json().table.tasks[0].progress[0].text).toBe(
      '已发布 3 条',
    )
    const dup = tableBody('x')
    dup.tasks.push({ ...dup.tasks[0]!, seq: 2 })
    expect((await call(app, a.token, 'PUT', url, dup)).statusCode).toBe(400)
  })

  it('a published breakdown reaches two departments; each marks its own tasks; their progress shows in the overview; re-publishing keeps it', async () => {
    const { db } = await fresh()
    const { url } = await listening(db)
    const czj = await department(db, 'CZJ', '区财政局')
    const jyj = await department(db, 'JYJ', '区教育局')
    const run = adminCli(backend)
    const path = tempFile('2026年分解表.xlsx', await districtBreakdown(), cleanups)
    expect((await run('publish-breakdown', '--year', String(YEAR), path)).code).toBe(0)

    const a = await departmentDesk(url, czj.token)
    const b = await departmentDesk(url, jyj.token)
    desks.push(a, b)
    expect(await a.core.sync.runOnce(true)).toEqual({ kind: 'done' })
    expect(await b.core.sync.runOnce(true)).toEqual({ kind: 'done' })
    expect((await a.core.sync.status()).extensions).toContainEqual(
      expect.objectContaining({
        name: 'schedule',
        label: '工作配档表',
        ok: true,
        notice:
          '已收到区级下发的 2026 年重点工作分解表第 1 版（新增 5 项；本单位任务 3 项，已填写的措施、进展和佐证材料均保留）。',
      }),
    )

    const own = async (t: TestCore) =>
      (await t.call('schedule:list', { year: YEAR })).filter((x) => x.own).map((x) => x.number)
    const listA = await a.call('schedule:list', { year: YEAR })
    expect(listA).toHaveLength(5)
    expect(listA.every((x) => x.source === 'district')).toBe(true)
    expect(await own(a)).toEqual(['1', '3', '4'])
    expect(await own(b)).toEqual(['2', '3', '4'])

    // Desk A records progress on task 1 and completes task 3; the next sync sends the table.
    const t1 = listA.find((x) => x.number === '1')!
    const t3 = listA.find((x) => x.number === '3')!
    await a.call('schedule:add-measure', { taskId: t1.id, text: '开设投资政策专栏' })
    await a.call('schedule:add-progress', {
      taskId: t1.id,
      date: '2026-11-20',
      text: '已发布政策 3 条',
    })
    await a.call('schedule:complete', {
      id: t3.id,
      completedOn: '2026-11-25',
      completion: '按期完成',
    })
    expect(await a.core.sync.runOnce(true)).toEqual({ kind: 'done' })

    const overview = await districtOverview(db, NOW, parseOverviewQuery({ year: '2026' }, NOW))
    const rowA = overview.rows.find((r) => r.code === 'CZJ')!
    const rowB = overview.rows.find((r) => r.code === 'JYJ')!
    expect(rowA.schedule).toMatchObject({ tasks: 3, done: 1, overdue: 1, breakdownVersion: 1 })
    expect(rowA.schedule!.completion).toBeCloseTo(1 / 3)
    expect(rowB.schedule).toMatchObject({ tasks: 3, done: 0, overdue: 0 })
    expect(overview.overdueTasks).toEqual([
      expect.objectContaining({
        departmentCode: 'CZJ',
        number: '1',
        deadlineDate: '2026-06-30',
        progressCount: 1,
      }),
    ])

    // The district's page of A's table shows A's progress, B's does not.
    const pageA = await fetch(`${url}/district/departments/CZJ/schedule?year=2026`)
    expect(pageA.status).toBe(200)
    const htmlA = await pageA.text()
    expect(htmlA).toContain('已发布政策 3 条')
    expect(htmlA).toContain('开设投资政策专栏')
    const htmlB = await (await fetch(`${url}/district/departments/JYJ/schedule?year=2026`)).text()
    expect(htmlB).not.toContain('已发布政策 3 条')
    const home = await (await fetch(`${url}/?year=2026&sort=completion&dir=desc`)).text()
    expect(home.indexOf('区财政局')).toBeLessThan(home.indexOf('区教育局'))
    expect(home).toContain('逾期任务（1）')

    // A sync with nothing new sends nothing.
    const before = await db.selectFrom('schedule_tables').select('received_at').execute()
    expect(await a.core.sync.runOnce(true)).toEqual({ kind: 'done' })
    expect(await db.selectFrom('schedule_tables').select('received_at').execute()).toEqual(before)

    // The district corrects task 1's text and adds a task: A's progress and measure stay.
    const corrected = tempFile(
      '2026年分解表（修订）.xlsx',
      await districtBreakdown((rows) => {
        rows[5]![2] = '做好扩大有效投资政策公开和解读'
        rows[11] = [6, '', '公开重点项目进展', '政府网站', '区财政局', '2026年12月底前']
      }),
      cleanups,
    )
    const republished = await run('publish-breakdown', '--year', String(YEAR), corrected)
    expect(republished.json).toMatchObject({ version: 2, taskCount: 6, changed: true })
    expect(await a.core.sync.runOnce(true)).toEqual({ kind: 'done' })
    const after = await a.call('schedule:list', { year: YEAR })
    const task1 = after.find((x) => x.id === t1.id)!
    expect(task1.requirement).toBe('做好扩大有效投资政策公开和解读')
    expect(task1.measures.map((m) => m.text)).toEqual(['开设投资政策专栏'])
    expect(task1.progress.map((p) => p.text)).toEqual(['已发布政策 3 条'])
    expect(after.find((x) => x.id === t3.id)!.completedOn).toBe('2026-11-25')
    expect(await own(a)).toEqual(['1', '3', '4', '6'])
    const again = await districtOverview(db, NOW, parseOverviewQuery({ year: '2026' }, NOW))
    expect(again.rows.find((r) => r.code === 'CZJ')!.schedule).toMatchObject({
      tasks: 4,
      done: 1,
      breakdownVersion: 2,
    })
  })

  it('the overview filters, sorts and exports the same rows as .xlsx', async () => {
    const { db } = await fresh()
    const app = await server(db)
    const a = await department(db, 'CZJ', '区财政局')
    await department(db, 'JYJ', '区教育局')
    await call(app, a.token, 'PUT', `/api/v1/schedule/tables/${YEAR}`, tableBody('进展'))
    const page = await app.inject({ method: 'GET', url: '/?year=2026&only=overdue' })
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-security-policy']).toContain("default-src 'none'")
    expect(page.body).toContain('data-code="CZJ"')
    expect(page.body).not.toContain('data-code="JYJ"')
    const missing = await app.inject({ method: 'GET', url: '/?year=2026&only=missing' })
    expect(missing.body).toContain('data-code="JYJ"')
    expect(missing.body).not.toContain('data-code="CZJ"')
    const search = await app.inject({
      method: 'GET',
      url: `/?year=2026&q=${encodeURIComponent('教育')}`,
    })
    expect(search.body).toContain('data-code="JYJ"')
    expect(search.body).not.toContain('data-code="CZJ"')

    // What a department sends is text: escaped on the district's pages, never markup.
    const evil = tableBody('<img src=x onerror=alert(1)>')
    evil.tasks[0]!.requirement = '<script>alert(1)</script>'
    await call(app, a.token, 'PUT', `/api/v1/schedule/tables/${YEAR}`, evil)
    const schedulePage = await app.inject({
      method: 'GET',
      url: '/district/departments/CZJ/schedule?year=2026',
    })
    expect(schedulePage.body).not.toContain('<script>alert(1)')
    expect(schedulePage.body).not.toContain('<img src=x')
    expect(schedulePage.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    const overdueList = await app.inject({ method: 'GET', url: '/?year=2026' })
    expect(overdueList.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(
      (await app.inject({ method: 'GET', url: '/district/departments/%3Cb%3E/schedule' })).body,
    ).not.toContain('<b>')

    const xlsx = await app.inject({
      method: 'GET',
      url: '/district/overview.xlsx?year=2026&sort=overdue&dir=desc',
    })
    expect(xlsx.statusCode).toBe(200)
    expect(xlsx.headers['content-type']).toContain('spreadsheetml')
    const book = readSpreadsheet({ bytes: xlsx.rawPayload, fileName: 'overview.xlsx' })
    const sheet = book.sheets[0]!
    const header = sheet.rows.findIndex((r) => r[0] === '代码')
    expect(sheet.rows[header + 1]!.slice(0, 2)).toEqual(['CZJ', '区财政局'])
    expect(sheet.rows[header + 2]!.slice(0, 2)).toEqual(['JYJ', '区教育局'])
    expect(sheet.rows[header + 1]![sheet.rows[header]!.indexOf('逾期任务')]).toBe('1')
    expect(book.sheets[1]!.rows.some((r) => r.includes('<script>alert(1)</script>'))).toBe(true)
  })

  it('the upload form publishes a breakdown; a form from another site is refused', async () => {
    const { db } = await fresh()
    const app = await server(db)
    const bytes = await districtBreakdown()
    const boundary = '----dd-test-boundary'
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="year"\r\n\r\n2026\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="2026年分解表.xlsx"\r\n` +
          'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ])
    const headers = {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      host: 'district.example',
    }
    const foreign = await app.inject({
      method: 'POST',
      url: '/district/breakdowns',
      headers: { ...headers, origin: 'https://evil.example' },
      payload: body,
    })
    expect(foreign.statusCode).toBe(403)
    expect(await db.selectFrom('schedule_breakdowns').selectAll().execute()).toEqual([])
    const ok = await app.inject({
      method: 'POST',
      url: '/district/breakdowns',
      headers: { ...headers, origin: 'http://district.example' },
      payload: body,
    })
    expect(ok.statusCode).toBe(200)
    expect(ok.body).toContain('已发布 2026 年')
    expect(ok.body).toContain('2026年分解表.xlsx')
    const row = await db.selectFrom('schedule_breakdowns').selectAll().executeTakeFirstOrThrow()
    expect(Number(row.task_count)).toBe(5)
    // The JSON API does not take form bodies.
    const api = await app.inject({
      method: 'PUT',
      url: `/api/v1/schedule/tables/${YEAR}`,
      headers: { ...headers, authorization: 'Bearer x' },
      payload: body,
    })
    expect([401, 415]).toContain(api.statusCode)
  })

  it('the overview shows last year’s annual report (received and checked, or missing) and open consultations', async () => {
    const { db } = await fresh()
    const app = await server(db)
    const a = await department(db, 'CZJ', '区财政局')
    const b = await department(db, 'JYJ', '区教育局')
    await department(db, 'RSJ', '区人社局')
    const zeros = () => {
      const tables = emptyReportTables('2021')
      for (const t of ['table2', 'table3', 'table4'] as const)
        for (const row of Object.values(tables[t])) for (const k of Object.keys(row)) row[k] = 0
      return tables
    }
    const body = (tables: ReturnType<typeof zeros>) => ({
      title: '2025年政府信息公开工作年度报告',
      tables,
      narrative: { overview: '', problems: '', other: '本年度未发出收费通知，未收取信息处理费。' },
      itemId: null,
    })
    expect(
      (await call(app, a.token, 'PUT', '/api/v1/reports/2025', body(zeros()))).statusCode,
    ).toBe(201)
    const wrong = zeros()
    wrong.table3.received!.natural = 5 // total left at 0: the row sum rule fails
    expect((await call(app, b.token, 'PUT', '/api/v1/reports/2025', body(wrong))).statusCode).toBe(
      201,
    )
    const jyj = await db
      .selectFrom('departments')
      .select('id')
      .where('code', '=', 'JYJ')
      .executeTakeFirstOrThrow()
    await db
      .insertInto('consultations')
      .values({
        id: '0190a3b2-1c2d-7e3f-8a4b-5c6d7e8f9a77',
        department_id: jyj.id,
        notice_item_id: '0190a3b2-1c2d-7e3f-8a4b-5c6d7e8f9a78',
        notice_revision: 1,
        title: '关于征求《教育收费管理办法（征求意见稿）》意见的公告',
        draft_title: '教育收费管理办法（征求意见稿）',
        decision_type: 'normative',
        start_date: '2026-11-20',
        end_date: '2026-12-20',
        short_reason: '',
        questions: '',
        contact: '',
        channels_json: '[]',
        paragraphs_json: '[]',
        attachments_json: '[]',
        content_hash: 'sha256:' + '0'.repeat(64),
        received_at: NOW.toISOString(),
        updated_at: NOW.toISOString(),
      })
      .execute()

    const overview = await districtOverview(db, NOW, parseOverviewQuery({ year: '2026' }, NOW))
    const row = (code: string) => overview.rows.find((r) => r.code === code)!
    expect(row('CZJ').report).toMatchObject({ year: 2025, errors: 0 })
    expect(row('JYJ').report!.errors).toBeGreaterThan(0)
    expect(row('RSJ').report).toBeNull()
    expect(row('JYJ').openConsultations).toBe(1)
    expect(row('CZJ').openConsultations).toBe(0)
    const page = await app.inject({ method: 'GET', url: '/?year=2026&only=report' })
    expect(page.body).toContain('2025 年度报告')
    expect(page.body).not.toContain('data-code="CZJ"')
    expect(page.body).toMatch(/data-code="JYJ"[\s\S]*?已收到，\d+ 处错误/)
    expect(page.body).toMatch(/data-code="RSJ"[\s\S]*?未收到/)
  })
})
