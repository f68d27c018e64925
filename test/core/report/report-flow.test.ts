import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type Store } from '../../../src/core/db/database'
import { createTestCore, type TestCore } from '../../helpers/test-core'
import { approve, cleanAnswers, loginAs, REVIEWER, LEADER } from '../review/workflow/helpers'
import { OFFICER } from '../items/helpers'
import { generateYear } from './generate-year'
import { syncReports } from '../../../src/core/report/sync-extension'
import type { SyncExtensionDeps } from '../../../src/core/sync/extensions'
import { fieldsOf } from '../items/helpers'

/**
 * The officer's path through the contract (条例第四十九条、第五十条): enter the figures other
 * systems hold with their sources, type last year's 结转 (first year in the app), fix the problem
 * the checks report, edit the narrative with live fields, export both files (asked to confirm while
 * problems remain), publish as a disclosure item (体裁 年度报告) and take it through 保密审查.
 */
let t: TestCore
let store: Store
const YEAR = 2024

beforeAll(async () => {
  t = await createTestCore({ now: new Date('2025-01-15T02:00:00Z') })
  await t.call('users:create', { ...OFFICER, roles: ['officer'] })
  await t.call('users:create', { ...REVIEWER, roles: ['reviewer'] })
  await t.call('users:create', { ...LEADER, roles: ['leader'] })
  store = await openDatabase(t.dbPath, { appVersion: '0.1.0' })
  const admin = await store.db.selectFrom('users').select('id').executeTakeFirstOrThrow()
  await generateYear(store.db, { year: YEAR, requests: 200, items: 400, authorId: admin.id })
  await loginAs(t, OFFICER)
})

afterAll(async () => {
  await store.db.destroy()
  await t.cleanup()
})

describe('the annual report through the contract', () => {
  it('lists the year due (last calendar year in Beijing)', async () => {
    const years = await t.call('report:years', {})
    expect(years.current).toBe(2024)
    // The home card's 「1 月」 is core's clock's day in Beijing, not the browser's.
    expect(years.today).toBe('2025-01-15')
    expect(years.years).toContain(2024)
  })

  it('a blank officer figure is a problem pointing at its cell; entering it needs a source', async () => {
    const v = await t.call('report:get', { year: YEAR })
    const missing = v.problems.filter((p) => p.rule === 'FIGURE-MISSING')
    expect(missing.map((p) => `${p.row}.${p.column}`)).toEqual([
      'licensing.decisions',
      'punishment.decisions',
      'enforcement.decisions',
      'fees.amount',
    ])
    const refused = await t.send('report:save-figure', {
      year: YEAR,
      cell: 'table2.licensing.decisions',
      value: 12,
      source: '',
    })
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error.message).toContain('数据来源')
    const storeCell = await t.send('report:save-figure', {
      year: YEAR,
      cell: 'table3.received.natural',
      value: 1,
      source: '手工',
    })
    expect(storeCell.ok).toBe(false)
    for (const [cell, value] of [
      ['table2.licensing.decisions', 1286],
      ['table2.punishment.decisions', 75],
      ['table2.enforcement.decisions', 3],
      ['table2.fees.amount', 12.35],
    ] as const) {
      await t.call('report:save-figure', {
        year: YEAR,
        cell,
        value,
        source: '行政审批系统 2024 年统计',
      })
    }
    const after = await t.call('report:get', { year: YEAR })
    expect(after.tables.table2.licensing!.decisions).toBe(1286)
    expect(after.tables.table2.fees!.amount).toBe(12.35)
    expect(after.sources['table2.fees.amount']).toMatchObject({
      kind: 'officer',
      note: '行政审批系统 2024 年统计',
      updatedByName: OFFICER.displayName,
    })
    expect(after.problems.filter((p) => p.rule === 'FIGURE-MISSING')).toEqual([])
  })

  it('an override of a store count keeps the count beside it and needs a reason', async () => {
    const v0 = await t.call('report:get', { year: YEAR })
    const counted = v0.tables.table2.normative!.in_force!
    await t.call('report:save-figure', {
      year: YEAR,
      cell: 'table2.normative.in_force',
      value: counted + 40,
      source: '2019 年以前的规范性文件未录入本系统（见文件清理台账）',
    })
    const v = await t.call('report:get', { year: YEAR })
    expect(v.tables.table2.normative!.in_force).toBe(counted + 40)
    expect(v.sources['table2.normative.in_force']).toMatchObject({
      kind: 'override',
      storeValue: counted,
    })
    await t.call('report:save-figure', {
      year: YEAR,
      cell: 'table2.normative.in_force',
      value: null,
      source: '',
    })
    expect((await t.call('report:get', { year: YEAR })).tables.table2.normative!.in_force).toBe(
      counted,
    )
  })

  it("last year's 结转 typed in: a wrong figure fails the cross-year rule at 上年结转, the right one passes", async () => {
    const v = await t.call('report:get', { year: YEAR })
    expect(v.prior.origin).toBeNull()
    const carried = v.tables.table3.carried_over!
    const cells = Object.entries(carried).map(([col, value]) => ({
      cell: `table3.carried_forward.${col}`,
      value: col === 'natural' ? value! + 1 : col === 'total' ? value! + 1 : value,
    }))
    await t.call('report:save-prior', { year: YEAR, cells, source: '2023 年度报告（门户网站）' })
    const wrong = await t.call('report:get', { year: YEAR })
    expect(wrong.prior.origin).toBe('entered')
    const cross = wrong.problems.filter((p) => p.table === 'table3' && p.row === 'carried_over')
    expect(cross.length).toBeGreaterThan(0)
    expect(cross.some((p) => p.column === 'natural')).toBe(true)
    await t.call('report:save-prior', {
      year: YEAR,
      cells: Object.entries(carried).map(([col, value]) => ({
        cell: `table3.carried_forward.${col}`,
        value,
      })),
      source: '2023 年度报告（门户网站）',
    })
    const right = await t.call('report:get', { year: YEAR })
    expect(right.problems.filter((p) => p.table === 'table3' && p.row === 'carried_over')).toEqual(
      [],
    )
  })

  it('the narrative is a generated draft with live fields; a typed number that contradicts the table is found', async () => {
    const v = await t.call('report:get', { year: YEAR })
    expect(v.generated.overview).toBe(true)
    expect(v.sections.overview).toContain('{{requests.received}}')
    expect(v.rendered.overview).toContain(
      `新收政府信息公开申请 ${v.tables.table3.received!.total} 件`,
    )
    const wrongText = v.sections.overview.replace(
      '{{requests.received}}',
      String(v.tables.table3.received!.total! + 7),
    )
    const edited = await t.call('report:save-sections', {
      year: YEAR,
      sections: { overview: wrongText },
    })
    expect(edited.generated.overview).toBe(false)
    const narrative = edited.problems.filter((p) => p.section === 'overview')
    expect(narrative).toHaveLength(1)
    expect(narrative[0]!.sentence).toContain('新收政府信息公开申请')
    expect(narrative[0]!.message).toContain(String(v.tables.table3.received!.total))
    const fixed = await t.call('report:reset-section', { year: YEAR, section: 'overview' })
    expect(fixed.generated.overview).toBe(true)
    expect(fixed.problems.filter((p) => p.section === 'overview')).toEqual([])
  })

  it('export asks for confirmation while problems remain, then writes both files', async () => {
    // An unknown field is a problem of its own.
    await t.call('report:save-sections', {
      year: YEAR,
      sections: { problems: '问题：{{no.such}}' },
    })
    const refused = await t.send('report:export', {
      year: YEAR,
      kind: 'docx',
      confirmProblems: false,
    })
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error.code).toBe('CONFLICT')
    expect(t.platform.dialogs).toHaveLength(0) // refused before any dialog
    const docx = join(t.dataDir, 'out.docx')
    t.platform.saveAnswers.push(docx)
    const done = await t.call('report:export', { year: YEAR, kind: 'docx', confirmProblems: true })
    expect(done?.problems).toBeGreaterThan(0)
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK')
    await t.call('report:reset-section', { year: YEAR, section: 'problems' })
    const xlsx = join(t.dataDir, 'out.xlsx')
    t.platform.saveAnswers.push(xlsx)
    expect(
      (await t.call('report:export', { year: YEAR, kind: 'xlsx', confirmProblems: false }))
        ?.problems,
    ).toBe(0)
    expect(existsSync(xlsx)).toBe(true)
  })

  it('publishes as a disclosure item 体裁 年度报告 with the files attached, and it passes 保密审查', async () => {
    const { itemId } = await t.call('report:publish', { year: YEAR, confirmProblems: false })
    const item = await t.call('items:get', { id: itemId })
    expect(item.title).toBe(`杭州市示范局${YEAR}年政府信息公开工作年度报告`)
    const genres = (await t.call('taxonomy:list', {})).genres
    expect(genres.find((g) => g.id === item.genreId)?.name).toBe('年度报告')
    expect(item.bodyHtml).toContain('三、收到和处理政府信息公开申请情况')
    expect(item.bodyHtml).toContain('rowspan="3"')
    const names = item.attachments.map((a) => a.name).sort()
    expect(names).toEqual([`${item.title}.docx`, `${item.title}.xlsx`])
    const v = await t.call('report:get', { year: YEAR })
    expect(v.item?.id).toBe(itemId)
    // Publishing again updates the same item (files replaced, not added).
    await t.call('report:publish', { year: YEAR, confirmProblems: false })
    expect((await t.call('items:get', { id: itemId })).attachments).toHaveLength(2)
    // 保密审查: submitted by the officer, decided along the chain.
    const fresh = await t.call('items:get', { id: itemId })
    const checklist = await t.call('review:checklist-get', {})
    await t.call('review:submit', {
      itemId,
      revision: fresh.revision,
      contentHash: fresh.contentHash,
      checklistVersion: checklist.version,
      selfCheck: await cleanAnswers(t),
      carrier: 'official',
      channels: ['website'],
    })
    for (const who of [REVIEWER, LEADER]) {
      await loginAs(t, who)
      const view = await t.call('review:get', { itemId })
      if (view.item.status !== 'pending_review') break
      await approve(t, itemId)
    }
    expect((await t.call('items:get', { id: itemId })).status).toBe('approved')
    const row = await store.db
      .selectFrom('report_drafts')
      .select(['tables_json', 'published_hash'])
      .where('year', '=', YEAR)
      .executeTakeFirstOrThrow()
    expect(JSON.parse(row.tables_json!).table2.licensing.decisions).toBe(1286)
    expect(row.published_hash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('修订稿: the approved tables are sent while the report item is revised, a re-publication only once approved', async () => {
    const sent: { path: string; licensing: number }[] = []
    const deps = {
      db: store.db,
      clock: t.clock.clock,
      request: async (_method: string, path: string, body: unknown) => {
        const b = body as { tables: { table2: { licensing: { decisions: number } } } }
        sent.push({ path, licensing: b.tables.table2.licensing.decisions })
        return {
          kind: 'ok',
          status: 200,
          body: { year: YEAR, result: 'created', contentHash: 'x', receivedAt: 'now' },
        }
      },
    } as unknown as SyncExtensionDeps
    const v = await t.call('report:get', { year: YEAR })
    const itemId = v.item!.id
    // An edit of the approved item in the editor (not a re-publication): a 修订稿 starts, the
    // approved revision and its tables stay in force and go to the district.
    await loginAs(t, OFFICER)
    const approved = await t.call('items:get', { id: itemId })
    expect(approved.status).toBe('approved')
    const revised = await t.call('items:save', {
      ...fieldsOf(approved),
      bodyHtml: `${approved.bodyHtml}<p>（修订）</p>`,
      confirmRevision: true,
    })
    expect(revised.liveRevision?.status).toBe('approved')
    expect(await syncReports(deps)).toEqual({ kind: 'done' })
    expect(sent).toEqual([{ path: `/reports/${YEAR}`, licensing: 1286 }])
    // A re-publication with another figure: its tables wait for their own 保密审查.
    await t.call('report:save-figure', {
      year: YEAR,
      cell: 'table2.licensing.decisions',
      value: 1290,
      source: '市场监管局行政许可系统',
    })
    await t.call('report:publish', { year: YEAR, confirmProblems: true, confirmRevision: true })
    expect((await t.call('items:get', { id: itemId })).liveRevision?.status).toBe('approved')
    expect(await syncReports(deps)).toEqual({ kind: 'done' })
    expect(sent).toHaveLength(1)
  })
})
