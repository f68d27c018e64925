import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { readSpreadsheet } from '../../src/core/spreadsheet'
import type { ItemView } from '../../src/shared/items/types'
import type { Result } from '../../src/shared/result'
import type { ChecklistVersion, ReviewView } from '../../src/shared/review/types'
import { breakdownXlsx } from '../core/schedule/breakdown-fixtures'
import { E2E_SETUP, openApp, type OpenedApp } from './harness'

// Core's clock: Tuesday 2026-12-01, 10:00 in Beijing. The table is 2026's.
const NOW = new Date('2026-12-01T02:00:00.000Z')
const ADMIN = E2E_SETUP.admin
const OFFICER = { username: 'qicao', displayName: '张起草', password: 'Officer2024pass' }
const REVIEWER = { username: 'shenhe', displayName: '李审核', password: 'Review2024pass' }
const EVIDENCE = '关于扩大有效投资的若干政策措施'
const TASK = '做好扩大有效投资政策公开'

async function call<T>(app: OpenedApp, channel: string, input: unknown): Promise<T> {
  const r = (await app.core.dispatch(channel, input)) as Result<T>
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`)
  return r.data
}

/** An approved item to link as 佐证材料, made through core: drafted, submitted, both steps approved. */
async function approvedItem(app: OpenedApp): Promise<string> {
  await call(app, 'users:create', { ...OFFICER, roles: ['officer'] })
  await call(app, 'users:create', { ...REVIEWER, roles: ['reviewer'] })
  await call(app, 'auth:login', { username: OFFICER.username, password: OFFICER.password })
  const item = await call<ItemView>(app, 'items:save', {
    kind: 'policy',
    title: EVIDENCE,
    bodyHtml: '<p>为扩大有效投资，制定如下措施。</p>',
    issuer: E2E_SETUP.department.name,
    docNumber: '无文号',
    signedDate: '2026-11-20',
  })
  const checklist = await call<ChecklistVersion>(app, 'review:checklist-get', {})
  const answers = checklist.questions.map((q) => ({
    questionId: q.id,
    answer: q.noteRequiredOn.includes('yes') ? 'no' : 'yes',
  }))
  await call(app, 'review:submit', {
    itemId: item.id,
    revision: item.revision,
    contentHash: item.contentHash,
    checklistVersion: checklist.version,
    selfCheck: answers,
    carrier: 'official',
    channels: ['website'],
  })
  for (const user of [REVIEWER, ADMIN]) {
    await call(app, 'auth:login', { username: user.username, password: user.password })
    const view = await call<ReviewView>(app, 'review:get', { itemId: item.id })
    await call(app, 'review:decide', {
      itemId: item.id,
      reviewId: view.review!.id,
      stepIndex: view.review!.currentStep ?? 0,
      contentHash: view.item.contentHash,
      decision: 'approve',
      checklist: answers,
    })
  }
  const done = await call<ItemView>(app, 'items:get', { id: item.id })
  expect(done.status).toBe('approved')
  return item.id
}

const nav = (page: Page, label: string) =>
  page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: label, exact: true })

async function chooseYear(page: Page, year: number) {
  const select = page.getByRole('combobox', { name: '年度' })
  if ((await select.inputValue()) === `${year} 年`) return
  await select.click()
  await page.getByRole('option', { name: `${year} 年` }).click()
}

/** Screenshots at both sizes; at 1024×700 the page must not scroll sideways. */
async function shots(app: OpenedApp, name: string) {
  for (const close of await app.page.locator('.mantine-Notification-root button').all()) {
    await close.click().catch(() => undefined)
  }
  for (const [width, height] of [
    [1366, 768],
    [1024, 700],
  ] as const) {
    await app.page.setViewportSize({ width, height })
    await app.page.waitForTimeout(250)
    const overflow = await app.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    expect(overflow, `${name} scrolls sideways at ${width}×${height}`).toBeLessThanOrEqual(0)
    await app.screenshot(`${name}-${width}x${height}`)
  }
  await app.page.setViewportSize({ width: 1366, height: 768 })
}

describe('工作配档表 and 开放活动', () => {
  let app: OpenedApp | undefined
  afterAll(async () => {
    await app?.destroy()
  })

  it('imports a breakdown, adds measures and progress, marks a task done with an approved item as evidence, exports', async () => {
    app = await openApp({ setup: true, clock: () => NOW, viewport: { width: 1366, height: 768 } })
    const { page } = app
    await approvedItem(app)
    await page.reload()
    await page.getByRole('heading', { name: `${ADMIN.displayName}，您好` }).waitFor()

    const fixtures = join(app.dataDir, 'fixtures')
    await mkdir(fixtures, { recursive: true })
    const file = join(fixtures, '2026年重点工作分解表.xlsx')
    await writeFile(
      file,
      await breakdownXlsx((rows) => {
        rows[0] = ['2026年淄博高新区政务公开重点工作分解表']
        rows[5]![5] = '2026年12月4日' // due this week
        rows[6]![5] = '2026年11月底前' // overdue
        rows[7]![5] = '2026年12月底前'
        rows[9]![5] = '持续推进'
      }),
    )
    app.platform.openFile = file

    await nav(page, '工作配档表').click()
    await page.getByRole('heading', { name: '工作配档表', exact: true }).waitFor()
    await chooseYear(page, 2026)
    await page.getByRole('button', { name: '导入分解表' }).click()
    const dialog = page.getByRole('dialog', { name: '导入重点工作分解表' })
    await dialog.getByText('识别到 5 项任务').waitFor()
    await dialog.getByRole('table', { name: '导入预览' }).getByText(TASK).waitFor()
    await dialog.getByRole('button', { name: '导入 5 项任务' }).click()
    await dialog.waitFor({ state: 'detached' })
    const table = page.getByRole('table', { name: '工作配档表' })
    await table.getByText('实施政策集成式发布').waitFor()

    await table.getByRole('row', { name: new RegExp(TASK) }).click()
    const drawer = page.getByRole('dialog', { name: '任务 1' })
    await drawer.getByRole('textbox', { name: '责任人' }).fill('王建国')
    await drawer.getByRole('button', { name: '保存', exact: true }).click()
    await page.getByText('已保存').waitFor()
    await drawer.getByRole('textbox', { name: '新增具体措施' }).fill('开设扩大有效投资政策专栏')
    await drawer.getByRole('button', { name: '添加措施' }).click()
    await drawer.getByText('开设扩大有效投资政策专栏').waitFor()
    await drawer.getByRole('textbox', { name: '进展' }).fill('专栏已上线，发布政策 3 条')
    await drawer.getByRole('button', { name: '登记进展' }).click()
    await drawer.getByText('专栏已上线，发布政策 3 条').waitFor()
    await drawer.getByText('推进中').first().waitFor()

    await drawer.getByRole('combobox', { name: '关联信息条目' }).fill('扩大有效投资')
    await page.getByRole('option', { name: EVIDENCE }).click()
    await drawer.getByRole('link', { name: EVIDENCE }).waitFor()
    await drawer.getByText('已通过待发布').waitFor()

    await drawer.getByRole('textbox', { name: '完成情况' }).fill('政策专栏已建成并持续更新')
    await drawer.getByRole('button', { name: '登记完成' }).click()
    await drawer.getByText(/^已于 .* 完成$/).waitFor()
    await shots(app, 'task')
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'hidden' })
    await table
      .getByRole('row', { name: new RegExp(TASK) })
      .getByText('已完成')
      .waitFor()
    await shots(app, 'table')

    await page.getByRole('button', { name: '导出配档表' }).click()
    await page.getByRole('menuitem', { name: '本单位任务' }).click()
    await page.getByText(/已导出 3 项任务/).waitFor()
    const saved = join(app.dataDir, 'saved', '2026年工作配档表.xlsx')
    const sheet = readSpreadsheet({ bytes: await readFile(saved), fileName: 'x.xlsx' }).sheets[0]!
    const text = sheet.rows.flat().join('\n')
    expect(text).toContain('开设扩大有效投资政策专栏')
    expect(text).toContain(`${EVIDENCE}（已通过待发布）`)
    expect(text).toContain('政策专栏已建成并持续更新')

    // A task the district's table lacks: added by hand, then removed again.
    await page.getByRole('button', { name: '新增任务' }).click()
    const add = page.getByRole('dialog', { name: '新增 2026 年任务' })
    await add.getByRole('textbox', { name: '具体任务' }).fill('更新本单位政府信息公开指南')
    await add.getByRole('button', { name: '添加任务' }).click()
    const manual = page.getByRole('dialog', { name: /^任务/ })
    await manual.getByText('更新本单位政府信息公开指南').waitFor()
    await manual.getByRole('button', { name: '删除任务' }).click()
    await manual.getByRole('button', { name: '确认删除' }).click()
    await page.getByText('已删除任务').waitFor()
    await expect.poll(() => table.getByText('更新本单位政府信息公开指南').count()).toBe(0)

    await page.getByRole('tab', { name: '进展概览' }).click()
    await page.getByText('逾期任务（1）').waitFor()
    await page.getByLabel('按月时间轴').waitFor()
    await shots(app, 'dashboard')

    await nav(page, '首页').click()
    const card = page.getByTestId('schedule-home-card')
    await card.getByText('2026 年工作配档表（本单位 3 项）').waitFor()
    await shots(app, 'home')
  })

  it('plans an open-government activity, records it and makes a disclosure draft from it', async () => {
    const { page } = app!
    await nav(page, '开放活动').click()
    await page.getByRole('heading', { name: '开放活动', exact: true }).waitFor()
    await chooseYear(page, 2026)
    await page.getByRole('button', { name: '新增活动' }).click()
    const drawer = page.getByRole('dialog', { name: '新增开放活动' })
    await drawer.getByRole('textbox', { name: '活动名称/主题' }).fill('走进政务服务中心')
    await drawer.getByRole('textbox', { name: '地点' }).fill('区政务服务中心')
    await drawer.getByRole('textbox', { name: '邀请对象' }).fill('人大代表、企业和群众代表')
    await drawer.getByRole('button', { name: '添加活动' }).click()
    const saved = page.getByRole('dialog', { name: '走进政务服务中心' })
    await saved.getByRole('button', { name: '保存开展情况' }).waitFor()

    await saved
      .getByRole('textbox', { name: '开展情况' })
      .fill('参观政务公开专区，现场解读惠企政策 3 项。')
    await saved.getByRole('textbox', { name: '参加人员' }).fill('人大代表 3 名、企业代表 12 名')
    await saved.getByRole('button', { name: '添加意见' }).click()
    await saved.getByRole('textbox', { name: '意见 1' }).fill('希望增加夜间办事窗口')
    await saved.getByRole('combobox', { name: '采纳情况 1' }).click()
    await page.getByRole('option', { name: '采纳', exact: true }).click()
    await saved.getByRole('textbox', { name: '答复 1' }).fill('自 12 月起每周三延时至 19:00')
    await saved.getByRole('button', { name: '保存开展情况' }).click()
    await page.getByText('已登记开展情况').waitFor()
    await page.getByRole('table', { name: '开放活动' }).getByText('已开展').waitFor()
    await shots(app!, 'activities')

    await saved.getByRole('button', { name: '生成公开草稿' }).click()
    await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(/#\/drafts\/[0-9a-f-]{36}$/)
    await expect
      .poll(() => page.getByRole('textbox', { name: /^标题/ }).inputValue())
      .toBe(`${E2E_SETUP.department.name}开展“走进政务服务中心”政府开放活动`)

    await nav(page, '开放活动').click()
    await chooseYear(page, 2026)
    await page.getByRole('button', { name: '导出报送表' }).click()
    await page.getByText(/已导出 1 项活动/).waitFor()
    const book = readSpreadsheet({
      bytes: await readFile(join(app!.dataDir, 'saved', '2026年政府开放活动计划安排报送表.xlsx')),
      fileName: 'x.xlsx',
    })
    expect(book.sheets[0]?.rows[3]?.[2]).toBe('走进政务服务中心')
    expect(book.sheets[1]?.rows.flat()).toContain('希望增加夜间办事窗口')
  })
})
