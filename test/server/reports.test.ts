import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/core/db/database'
import { listDepartmentReports } from '../../src/server/reports/report-service'
import { emptyReportTables } from '../../src/shared/report/format'
import type { PutReportBody } from '../../src/shared/report/wire'
import { generateYear } from '../core/report/generate-year'
import { approve, cleanAnswers, LEADER, loginAs, REVIEWER } from '../core/review/workflow/helpers'
import { OFFICER } from '../core/items/helpers'
import { createTestCore, type TestCore } from '../helpers/test-core'
import { BACKENDS, useBackend } from './helpers/backends'
import { call, department, useServers } from './helpers/test-server'
import { useListeningServer } from './schedule-helpers'

const YEAR = 2025

/** A report body with every cell of the 2021 format filled (natural 自然人 = n). */
function reportBody(n: number, title = '区财政局2025年政府信息公开工作年度报告'): PutReportBody {
  const tables = emptyReportTables('2021')
  for (const t of ['table2', 'table3', 'table4'] as const)
    for (const row of Object.values(tables[t])) for (const k of Object.keys(row)) row[k] = 0
  tables.table3.received!.natural = n
  tables.table3.received!.total = n
  tables.table2.fees!.amount = null // a blank cell stays blank
  return {
    title,
    tables,
    narrative: { overview: `新收申请 ${n} 件。`, problems: '', other: '' },
    itemId: null,
  }
}

describe.each(BACKENDS)('年度报告 on the district server (%s)', (kind) => {
  const backend = useBackend(kind)
  const server = useServers()
  const listening = useListeningServer()
  const desks: TestCore[] = []
  afterEach(async () => {
    for (const d of desks.splice(0)) await d.cleanup()
  })

  it('PUT is idempotent (created, unchanged, updated); tables kept as cell rows; each department reads only its own', async () => {
    const { db } = await backend.fresh()
    const app = await server(db)
    const a = await department(db, 'CZJ', '区财政局')
    const b = await department(db, 'JYJ', '区教育局')
    const url = `/api/v1/reports/${YEAR}`
    const created = await call(app, a.token, 'PUT', url, reportBody(7))
    expect(created.statusCode).toBe(201)
    expect(created.json()).toMatchObject({ year: YEAR, result: 'created' })
    const again = await call(app, a.token, 'PUT', url, reportBody(7))
    expect(again.json()).toMatchObject({
      result: 'unchanged',
      receivedAt: created.json().receivedAt,
    })
    expect((await call(app, a.token, 'PUT', url, reportBody(9))).json()).toMatchObject({
      result: 'updated',
    })
    // The cells are data: one row each, the blank one NULL (not zero).
    const cells = await db
      .selectFrom('department_report_cells')
      .select(['table_key', 'row_key', 'column_key', 'value'])
      .where('year', '=', YEAR)
      .execute()
    expect(cells.find((c) => c.row_key === 'received' && c.column_key === 'natural')?.value).toBe(9)
    expect(cells.find((c) => c.row_key === 'fees')?.value).toBeNull()
    // table 二 10 cells, table 三 25 rows × 7, table 四 3 × 5.
    expect(cells.length).toBe(10 + 25 * 7 + 15)
    // B sees nothing of A's; B's report does not touch A's.
    expect((await call(app, b.token, 'GET', url)).statusCode).toBe(404)
    await call(app, b.token, 'PUT', url, reportBody(3, '区教育局2025年政府信息公开工作年度报告'))
    expect((await call(app, b.token, 'GET', url)).json().tables.table3.received.natural).toBe(3)
    expect((await call(app, a.token, 'GET', url)).json().tables.table3.received.natural).toBe(9)
    const all = await listDepartmentReports(db, YEAR)
    expect(all.map((r) => [r.departmentCode, r.tables.table3.received!.natural])).toEqual([
      ['CZJ', 9],
      ['JYJ', 3],
    ])
    // No token: 401; a table missing a cell: 400 naming it; nothing changed.
    expect((await call(app, null, 'GET', url)).statusCode).toBe(401)
    const broken = reportBody(1)
    delete broken.tables.table3['6.2']
    const bad = await call(app, a.token, 'PUT', url, broken)
    expect(bad.statusCode).toBe(400)
    expect(JSON.stringify(bad.json())).toContain('6.2')
    expect((await call(app, a.token, 'GET', url)).json().tables.table3.received.natural).toBe(9)
  })

  it('a desk sends its report once the disclosure item passed 保密审查, and only then; once', async () => {
    const { db } = await backend.fresh()
    const { url } = await listening(db)
    const czj = await department(db, 'CZJ', '杭州市示范局')
    const t = await createTestCore({
      sync: { autoStart: false },
      now: new Date('2026-01-12T02:00:00Z'),
    })
    desks.push(t)
    for (const u of [OFFICER, REVIEWER, LEADER]) {
      await t.call('users:create', {
        ...u,
        roles: [u === OFFICER ? 'officer' : u === REVIEWER ? 'reviewer' : 'leader'],
      })
    }
    await t.call('sync:update-settings', { serverUrl: url, token: czj.token })
    const store = await openDatabase(t.dbPath, { appVersion: '0.1.0' })
    const admin = await store.db.selectFrom('users').select('id').executeTakeFirstOrThrow()
    await generateYear(store.db, { year: YEAR, requests: 120, items: 200, authorId: admin.id })
    await store.db.destroy()
    await loginAs(t, OFFICER)
    for (const [cell, value] of [
      ['table2.licensing.decisions', 40],
      ['table2.punishment.decisions', 5],
      ['table2.enforcement.decisions', 1],
      ['table2.fees.amount', 0.8],
    ] as const) {
      await t.call('report:save-figure', { year: YEAR, cell, value, source: '业务系统' })
    }
    const { itemId } = await t.call('report:publish', { year: YEAR, confirmProblems: true })
    // A draft item: nothing is sent.
    await t.core.sync.runOnce(true)
    expect(
      (await call(await server(db), czj.token, 'GET', `/api/v1/reports/${YEAR}`)).statusCode,
    ).toBe(404)
    const item = await t.call('items:get', { id: itemId })
    await t.call('review:submit', {
      itemId,
      revision: item.revision,
      contentHash: item.contentHash,
      checklistVersion: (await t.call('review:checklist-get', {})).version,
      selfCheck: await cleanAnswers(t),
      carrier: 'official',
      channels: ['website'],
    })
    for (const who of [REVIEWER, LEADER]) {
      await loginAs(t, who)
      if ((await t.call('review:get', { itemId })).item.status === 'pending_review')
        await approve(t, itemId)
    }
    await loginAs(t, OFFICER)
    await t.core.sync.runOnce(true)
    const status = await t.core.sync.status()
    expect(status.extensions).toContainEqual(
      expect.objectContaining({ name: 'report', label: '年度报告', ok: true }),
    )
    const view = await t.call('report:get', { year: YEAR })
    const stored = await listDepartmentReports(db, YEAR)
    expect(stored).toHaveLength(1)
    expect(stored[0]!.tables).toEqual(view.tables)
    expect(stored[0]!.narrative?.overview).toBe(view.rendered.overview)
    const first = await db
      .selectFrom('department_reports')
      .select('received_at')
      .executeTakeFirstOrThrow()
    // Sent once: the next run does not PUT again.
    await t.core.sync.runOnce(true)
    const after = await db
      .selectFrom('department_reports')
      .select('received_at')
      .executeTakeFirstOrThrow()
    expect(after.received_at).toBe(first.received_at)
  }, 120_000)
})
