/**
 * The district overview in a real browser (Debian's Chromium through playwright-core): the central
 * server runs in-process on SQLite; two department desks (real AppCores) pull the breakdown the
 * district published, record progress and sync their tables; a third department sent nothing.
 * The office sorts, filters, exports, opens one department's schedule and publishes a corrected
 * breakdown through the upload form. Screenshots at 1366×768 (and 1024×700) in
 * test-results/e2e-screenshots/district-*.png. Does not need the renderer build.
 */
import { createHash } from 'node:crypto'
import { mkdir, readFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runReportRules } from '../../src/core/report/rules'
import { readSpreadsheet } from '../../src/core/spreadsheet'
import { emptyReportTables } from '../../src/shared/report/format'
import { openServerDatabase, type ServerDatabase } from '../../src/server/db/connect'
import { createDepartment } from '../../src/server/departments/departments-service'
import { buildServer } from '../../src/server/http/app'
import { parseBreakdownFile, publishBreakdown } from '../../src/server/schedule/breakdown-service'
import { CLI_ACTOR, createDistrictUser } from '../../src/server/district/accounts'
import type { FastifyInstance } from 'fastify'
import type { TestCore } from '../helpers/test-core'
import { deterministicBytes } from '../helpers/deterministic-bytes'
import { makeTempDir } from '../helpers/temp-dir'
import { makeItem, newItemId, putBody } from '../server/helpers/payloads'
import { departmentDesk, districtBreakdown } from '../server/schedule-helpers'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const SHOTS = join(ROOT, 'test-results', 'e2e-screenshots')
/** The desks' test clock is 2026-11-26; the district's matches it. */
const NOW = new Date('2026-11-26T02:00:00.000Z')

let temp: ReturnType<typeof makeTempDir>
let database: ServerDatabase
let app: FastifyInstance
let url = ''
let browser: Browser
const desks: TestCore[] = []

async function shot(page: Page, name: string) {
  await mkdir(SHOTS, { recursive: true })
  const path = join(SHOTS, `district-${name}.png`)
  await page.screenshot({ path, fullPage: false })
  return path
}

/** The page scrolls sideways (the layout rule of issue 10). */
const scrollsSideways = (page: Page) =>
  page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement
    return root.scrollWidth > root.clientWidth + 1
  })

const CHUNK = 64 * 1024
const SENT = deterministicBytes(CHUNK - 100, 1)
const HALF = deterministicBytes(4 * CHUNK, 2)
const NEVER = deterministicBytes(30_000, 3)
let rsjItem = ''
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')
const attachment = (name: string, bytes: Buffer) => ({
  name,
  sha256: sha(bytes),
  size: bytes.length,
})

/** Starts the department's upload of `file` and sends the chunks `indexes`. */
async function sendChunks(token: string, file: Buffer, indexes: number[]) {
  const auth = { authorization: `Bearer ${token}` }
  const started = await fetch(`${url}/api/v1/blobs/${sha(file)}`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ size: file.length }),
  })
  expect(started.ok).toBe(true)
  for (const i of indexes) {
    const chunk = file.subarray(i * CHUNK, (i + 1) * CHUNK)
    const res = await fetch(`${url}/api/v1/blobs/${sha(file)}/chunks/${i}`, {
      method: 'PUT',
      headers: {
        ...auth,
        'content-type': 'application/octet-stream',
        'x-chunk-sha256': sha(chunk),
      },
      body: new Uint8Array(chunk),
    })
    expect(res.ok).toBe(true)
  }
}

/** A 2025 report in the 2021 format: every cell 0 but 表三 本年新收 = `received`. */
function annualReport(received: number, title: string, other: string) {
  const tables = emptyReportTables('2021')
  for (const t of ['table2', 'table3', 'table4'] as const)
    for (const row of Object.values(tables[t])) for (const k of Object.keys(row)) row[k] = 0
  tables.table3.received!.natural = received
  tables.table3.received!.total = received
  return {
    title,
    tables,
    narrative: { overview: `本年度新收政府信息公开申请 ${received} 件。`, problems: '', other },
    itemId: null,
  }
}

async function put(token: string, path: string, body: unknown) {
  const res = await fetch(`${url}/api/v1${path}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  expect(res.ok).toBe(true)
}

beforeAll(async () => {
  temp = makeTempDir('dd-district-e2e-')
  database = await openServerDatabase({ kind: 'sqlite', dataDir: temp.dir })
  app = await buildServer({
    db: database.db,
    clock: () => NOW,
    logger: false,
    rateLimit: false,
    view: { openWithoutPassword: true },
    uploads: { chunkBytes: CHUNK },
  })
  await app.listen({ host: '127.0.0.1', port: 0 })
  url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  const at = NOW.toISOString()
  const czj = await createDepartment(database.db, { code: 'CZJ', name: '区财政局' }, at)
  const jyj = await createDepartment(database.db, { code: 'JYJ', name: '区教育局' }, at)
  const rsj = await createDepartment(database.db, { code: 'RSJ', name: '区人社局' }, at)
  const file = await districtBreakdown()
  await publishBreakdown(
    database.db,
    parseBreakdownFile(file, '2026年分解表.xlsx', 2026),
    { id: null, name: '区政务公开办' },
    at,
  )

  // Items: 财政局 has one published and one approved long ago (late) whose second file is still
  // on its way (one chunk of four); 人社局 one returned whose file never started uploading.
  const published = newItemId()
  await put(czj.token, `/items/${published}`, putBody(1, makeItem({ title: '2026年区级预算公开' })))
  await put(
    czj.token,
    `/items/${newItemId()}`,
    putBody(
      1,
      makeItem({
        title: '关于政府采购意向的公告',
        approvedAt: '2026-09-01T09:00:00+08:00',
        attachments: [attachment('采购意向公开表.pdf', SENT), attachment('采购需求.pdf', HALF)],
      }),
    ),
  )
  rsjItem = newItemId()
  await put(
    rsj.token,
    `/items/${rsjItem}`,
    putBody(
      1,
      makeItem({ title: '社保补贴公示', attachments: [attachment('补贴人员名单.pdf', NEVER)] }),
    ),
  )
  await sendChunks(czj.token, SENT, [0])
  await sendChunks(czj.token, HALF, [0])
  await database.db
    .updateTable('items')
    .set({ status: 'published', published_url: 'https://www.example.gov.cn/1.html' })
    .where('id', '=', published)
    .execute()

  // 2025 annual reports (the overview of 2026 shows the year before): 财政局's does not balance
  // (table 三: 7 received, none answered) and says nothing of fees; 教育局's is clean; 人社局 sent none.
  await put(
    czj.token,
    '/reports/2025',
    annualReport(7, '区财政局2025年政府信息公开工作年度报告', ''),
  )
  await put(
    jyj.token,
    '/reports/2025',
    annualReport(
      0,
      '区教育局2025年政府信息公开工作年度报告',
      '本年度未发出收费通知，未收取信息处理费。',
    ),
  )

  // Two desks pull the breakdown, fill their tables and sync them.
  const a = await departmentDesk(url, czj.token)
  const b = await departmentDesk(url, jyj.token)
  desks.push(a, b)
  for (const d of desks) expect(await d.core.sync.runOnce(true)).toEqual({ kind: 'done' })
  const tasksA = (await a.call('schedule:list', { year: 2026 })).filter((t) => t.own)
  await a.call('schedule:update-task', {
    id: tasksA[0]!.id,
    sectionOffice: '预算科',
    owner: '王明',
  })
  await a.call('schedule:add-measure', {
    taskId: tasksA[0]!.id,
    text: '开设投资政策专栏，按月更新',
  })
  await a.call('schedule:add-progress', {
    taskId: tasksA[0]!.id,
    date: '2026-11-20',
    text: '已发布扩大有效投资政策 3 条，解读 1 篇',
  })
  await a.call('schedule:complete', {
    id: tasksA[1]!.id,
    completedOn: '2026-11-25',
    completion: '消费支持政策已全部公开',
  })
  const tasksB = (await b.call('schedule:list', { year: 2026 })).filter((t) => t.own)
  await b.call('schedule:add-progress', {
    taskId: tasksB[0]!.id,
    date: '2026-11-18',
    text: '已梳理招商政策清单',
  })
  for (const d of desks) expect(await d.core.sync.runOnce(true)).toEqual({ kind: 'done' })

  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  })
}, 120_000)

afterAll(async () => {
  await browser?.close()
  for (const d of desks) await d.cleanup()
  app.server.closeAllConnections()
  await app.close()
  await database.close()
  temp.cleanup()
})

describe('district overview in a real browser', () => {
  it('shows every department at 1366×768, sorts, filters, exports and opens a department’s schedule', async () => {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'zh-CN',
      acceptDownloads: true,
    })
    const page = await context.newPage()
    await page.goto(`${url}/?year=2026`)
    await expect.poll(() => page.title()).toContain('各部门总览')
    const rows = page.locator('table[aria-labelledby="departments"] tbody tr')
    expect(await rows.count()).toBe(3)
    expect(await scrollsSideways(page)).toBe(false)
    // The department table with all its columns is on the first screen.
    const box = await page.locator('table[aria-labelledby="departments"]').boundingBox()
    expect(box!.x + box!.width).toBeLessThanOrEqual(1366)
    expect(box!.y).toBeLessThan(768)
    const rowA = page.locator('tr[data-code="CZJ"]')
    await expect.poll(() => rowA.innerText()).toMatch(/区财政局[\s\S]*33%/)
    await shot(page, 'overview-1366')

    // Sort by completion, highest first: 财政局 (1 of 3) above 教育局 (0 of 3), 人社局 (none) last.
    await page.getByRole('link', { name: '完成率' }).click()
    await page.waitForURL(/sort=completion/)
    const codes = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code')))
    expect(codes).toEqual(['CZJ', 'JYJ', 'RSJ'])
    expect(await page.locator('th[aria-sort="descending"]').innerText()).toContain('完成率')

    // Filter: departments that sent no table.
    await page.getByLabel('只看').selectOption('missing')
    await page.getByRole('button', { name: '筛选' }).click()
    await page.waitForURL(/only=missing/)
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code')))).toEqual([
      'RSJ',
    ])
    await page.getByLabel('只看').selectOption('overdue')
    await page.getByRole('button', { name: '筛选' }).click()
    await page.waitForURL(/only=overdue/)
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code')))).toEqual([
      'CZJ',
    ])
    await expect.poll(() => page.locator('#overdue').innerText()).toBe('逾期任务（1）')
    await shot(page, 'overview-filtered')

    // Export what is shown.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '导出 .xlsx' }).click(),
    ])
    const bytes = await readFile((await download.path())!)
    const book = readSpreadsheet({ bytes, fileName: 'overview.xlsx' })
    const sheet = book.sheets[0]!
    const header = sheet.rows.findIndex((r) => r[0] === '代码')
    const codesInFile = sheet.rows
      .slice(header + 1)
      .map((r) => r[0] ?? '')
      .filter((c) => /^[A-Z]+$/.test(c))
    expect(codesInFile).toEqual(['CZJ'])

    // One department's schedule.
    await page.goto(`${url}/?year=2026`)
    await page.getByRole('link', { name: '区财政局' }).click()
    await page.waitForURL(/departments\/CZJ\/schedule/)
    const text = await page.locator('main').innerText()
    expect(text).toContain('已发布扩大有效投资政策 3 条，解读 1 篇')
    expect(text).toContain('开设投资政策专栏，按月更新')
    expect(text).toContain('预算科 / 王明')
    expect(text).not.toContain('已梳理招商政策清单')
    expect(await scrollsSideways(page)).toBe(false)
    await shot(page, 'department-schedule')

    await page.setViewportSize({ width: 1024, height: 700 })
    await page.goto(`${url}/?year=2026`)
    expect(await scrollsSideways(page)).toBe(false)
    await shot(page, 'overview-1024')
    await context.close()
  })

  it('shows 附件未到齐 per department: the column on the first screen, sorted and filtered, down to the files an item lacks', async () => {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'zh-CN',
    })
    const page = await context.newPage()
    await page.goto(`${url}/?year=2026`)
    const header = page.locator('th', { hasText: '附件未到齐' })
    const cell = page.locator('tr[data-code="CZJ"] td[data-incomplete]')
    expect(await cell.innerText()).toBe('1')
    expect(await page.locator('tr[data-code="RSJ"] td[data-incomplete]').innerText()).toBe('1')
    expect(await page.locator('tr[data-code="JYJ"] td[data-incomplete]').innerText()).toBe('0')
    const box = await header.boundingBox()
    expect(box!.x + box!.width).toBeLessThanOrEqual(1366)
    expect(box!.y).toBeLessThan(768)
    expect(await scrollsSideways(page)).toBe(false)

    await header.getByRole('link').click()
    await page.waitForURL(/sort=incomplete/)
    const rows = page.locator('table[aria-labelledby="departments"] tbody tr')
    const codes = () => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code')))
    expect((await codes()).at(-1)).toBe('JYJ')
    await page.getByLabel('只看').selectOption('incomplete')
    await page.getByRole('button', { name: '筛选' }).click()
    await page.waitForURL(/only=incomplete/)
    expect((await codes()).sort()).toEqual(['CZJ', 'RSJ'])
    const list = page.locator('table[aria-labelledby="incomplete"]')
    await expect.poll(() => list.innerText()).toContain('补贴人员名单.pdf')
    expect(await list.innerText()).toMatch(/采购需求\.pdf\s*（上传中 64 KB \/ 256 KB/)
    expect(await list.innerText()).not.toContain('采购意向公开表.pdf')
    await shot(page, 'overview-incomplete-1366')

    // The department's items, only those waiting for files; then the item names what is missing.
    await page.locator('tr[data-code="RSJ"] td[data-incomplete] a').click()
    await page.waitForURL(/departments\/RSJ\/items\?only=incomplete/)
    expect(await page.locator('[data-incomplete-summary]').innerText()).toContain('附件未到齐 1 条')
    await page.getByRole('link', { name: '附件未到齐（已到 0/1）' }).click()
    await page.waitForURL(new RegExp(`/district/items/${rsjItem}`))
    expect(await page.locator('[data-files-summary]').innerText()).toContain('已到 0/1')
    expect(await page.locator('tr[data-arrived="no"]').innerText()).toContain('补贴人员名单.pdf')
    expect(await page.locator('tr[data-arrived="no"]').innerText()).toContain('尚未开始上传')
    expect(await scrollsSideways(page)).toBe(false)
    await shot(page, 'item-missing-files')

    await page.setViewportSize({ width: 1024, height: 700 })
    await page.goto(`${url}/?year=2026&only=incomplete`)
    expect(await scrollsSideways(page)).toBe(false)
    await shot(page, 'overview-incomplete-1024')
    await context.close()
  })

  it('publishes a corrected breakdown through the upload form; the desks get it on their next sync', async () => {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'zh-CN',
    })
    const page = await context.newPage()
    await page.goto(`${url}/district/breakdowns`)
    expect(await page.locator('table[aria-labelledby="published"] tbody tr').innerText()).toContain(
      '第 1 版',
    )
    const corrected = await districtBreakdown((rows) => {
      rows[11] = [6, '', '公开重点项目进展', '政府网站', '区财政局、区教育局', '2026年12月底前']
    })
    await page.getByLabel('年度').fill('2026')
    await page.locator('input[type=file]').setInputFiles({
      name: '2026年分解表（修订）.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: corrected,
    })
    await page.getByRole('button', { name: '发布' }).click()
    await expect.poll(() => page.getByRole('status').innerText()).toContain('第 2 版（6 项任务）')
    await shot(page, 'breakdowns-published')
    for (const d of desks) expect(await d.core.sync.runOnce(true)).toEqual({ kind: 'done' })
    const own = (await desks[1]!.call('schedule:list', { year: 2026 })).filter((t) => t.own)
    expect(own.map((t) => t.number)).toEqual(['2', '3', '4', '6'])
    // Progress recorded before the re-publication is still there.
    expect(own[0]!.progress.map((p) => p.text)).toEqual(['已梳理招商政策清单'])
    await page.goto(`${url}/?year=2026`)
    await expect.poll(() => page.locator('tr[data-code="JYJ"]').innerText()).toMatch(/\b4\b/)
    await context.close()
  })

  it('with district accounts: a 审核发布 user logs in, sees the departments and their 2025 reports (已收到 with the error count / 未收到), opens a report status and a schedule, returns an item with a reason', async () => {
    // Runs last: once an account exists every page needs a login.
    await createDistrictUser(
      database.db,
      { username: 'zhao', displayName: '赵审核', role: 'publisher', password: 'Publish123' },
      CLI_ACTOR,
      NOW.toISOString(),
    )
    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'zh-CN',
    })
    const page = await context.newPage()
    await page.goto(`${url}/?year=2026`)
    await page.waitForURL(/\/district\/login/)
    await page.getByLabel('用户名').fill('zhao')
    await page.getByLabel('密码').fill('wrong-pass1')
    await page.getByRole('button', { name: '登录' }).click()
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('还可尝试 4 次')
    await shot(page, 'login-wrong')
    await page.getByLabel('密码').fill('Publish123')
    await page.getByRole('button', { name: '登录' }).click()
    await page.waitForURL(/\?year=2026/)
    await expect.poll(() => page.locator('header .who').innerText()).toContain('赵审核（审核发布）')
    expect(await page.locator('table[aria-labelledby="departments"] tbody tr').count()).toBe(3)
    // The 2025 annual reports: received with the checker's error count, received clean, missing.
    const czjReport = annualReport(7, '', '')
    const czjErrors = runReportRules(czjReport).filter((f) => f.severity === 'error').length
    expect(czjErrors).toBeGreaterThan(0)
    const reportCell = (code: string) => page.locator(`tr[data-code="${code}"] td[data-report]`)
    expect(await reportCell('CZJ').innerText()).toBe(`已收到，${czjErrors} 处错误`)
    expect(await reportCell('JYJ').innerText()).toBe('已收到，校验通过')
    expect(await reportCell('RSJ').innerText()).toBe('未收到')
    await shot(page, 'overview-logged-in')

    // 财政局's report status: what the checker found, the same count as the overview.
    await reportCell('CZJ').getByRole('link').click()
    await page.waitForURL(/departments\/CZJ\/report\?year=2025/)
    const status = page.locator('[data-report-status]')
    expect(await status.getAttribute('data-report-status')).toBe('errors')
    expect(await status.innerText()).toContain(`校验发现 ${czjErrors} 处错误`)
    expect(await page.locator('tr[data-severity="error"]').count()).toBe(czjErrors)
    expect(await page.locator('main').innerText()).toContain('本年新收 7')
    expect(await scrollsSideways(page)).toBe(false)
    await shot(page, 'report-status')
    await page.goto(`${url}/district/departments/RSJ/report?year=2025`)
    expect(await page.locator('[data-report-status]').innerText()).toContain('未收到')
    await page.goto(`${url}/?year=2026`)

    await page.getByRole('link', { name: '区教育局' }).click()
    await page.waitForURL(/departments\/JYJ\/schedule/)
    expect(await page.locator('main').innerText()).toContain('已梳理招商政策清单')

    await page.goto(`${url}/district/departments/CZJ/items`)
    await page
      .getByLabel('「关于政府采购意向的公告」的退回原因')
      .fill('附件缺少盖章页，请补充后重新报送')
    await page
      .locator('tr', { hasText: '关于政府采购意向的公告' })
      .getByRole('button', { name: '退回' })
      .click()
    await expect.poll(() => page.getByRole('status').innerText()).toContain('已退回')
    expect(await page.locator('tr', { hasText: '关于政府采购意向的公告' }).innerText()).toContain(
      '附件缺少盖章页，请补充后重新报送',
    )
    expect(await scrollsSideways(page)).toBe(false)
    await shot(page, 'items-returned')
    const audit = await database.db
      .selectFrom('district_audit')
      .selectAll()
      .where('action', '=', 'item.return')
      .execute()
    expect(audit).toEqual([expect.objectContaining({ actor_name: '赵审核' })])
    await context.close()
  })
})
