import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/core/db/database'
import { generateYear } from '../core/report/generate-year'
import { openApp, type OpenedApp } from './harness'

/**
 * 年度报告 in the real renderer, on a generated year: the preview and the validation panel, the
 * figures other systems hold entered with their sources, a narrative number that contradicts the
 * table found, pointed at and fixed, both files exported, the report made a disclosure item and
 * submitted for 保密审查; screenshots of the preview and the panel at 1024×700 and 1366×768.
 */
let app: OpenedApp
let page: Page
const YEAR = 2024

beforeAll(async () => {
  app = await openApp({
    setup: true,
    clock: () => new Date('2025-01-15T02:00:00Z'),
    viewport: { width: 1366, height: 768 },
  })
  page = app.page
  const store = await openDatabase(join(app.dataDir, 'disclosure-desk.sqlite'), {
    appVersion: '0.0.0-e2e',
  })
  const admin = await store.db.selectFrom('users').select('id').executeTakeFirstOrThrow()
  await generateYear(store.db, { year: YEAR, requests: 160, items: 300, authorId: admin.id })
  await store.db.destroy()
})
afterAll(async () => {
  await app?.destroy()
})

const panel = () => page.getByTestId('report-problems')
const preview = () => page.getByTestId('report-preview')

async function both(name: string, target?: Locator) {
  for (const size of [
    { width: 1366, height: 768 },
    { width: 1024, height: 700 },
  ]) {
    await page.setViewportSize(size)
    await target?.scrollIntoViewIfNeeded()
    await app.screenshot(`${name}-${size.width}x${size.height}`)
  }
  await page.setViewportSize({ width: 1366, height: 768 })
}

describe('年度报告', () => {
  it("the home page reminds of the report in January by core's clock (not the browser's date)", async () => {
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: /^首页/ })
      .click()
    await page
      .getByTestId('report-home-card')
      .filter({ hasText: `${YEAR} 年度报告` })
      .waitFor()
  })

  it('shows the compiled report like the document, with the blank figures in the validation panel', async () => {
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: /^年度报告/ })
      .click()
    await page
      .getByTestId('report-title')
      .filter({ hasText: `${YEAR}年政府信息公开工作年度报告` })
      .waitFor()
    for (const h of [
      '一、总体情况',
      '三、收到和处理政府信息公开申请情况',
      '六、其他需要报告的事项',
    ]) {
      await preview().getByText(h, { exact: true }).waitFor()
    }
    const t3 = page.getByTestId('report-table3')
    await t3
      .getByText('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）')
      .waitFor()
    await t3.getByText('法人或其他组织', { exact: true }).waitFor()
    await page.getByTestId('report-chart-outcomes').locator('svg').first().waitFor()
    await panel().getByText('行政许可 · 本年处理决定数量尚未填写', { exact: false }).waitFor()
    // A blank figure is marked in table 二 (待填), not printed as 0.
    await page
      .locator('[data-cell="table2.licensing.decisions"]')
      .filter({ hasText: '待填' })
      .waitFor()
    await both('preview')
    await both('validation-panel', panel())
  })

  it('enters the figures other systems hold, each with its source', async () => {
    await page.getByRole('tab', { name: '数据填报' }).click()
    for (const [cell, value] of [
      ['table2.licensing.decisions', '1286'],
      ['table2.punishment.decisions', '75'],
      ['table2.enforcement.decisions', '3'],
      ['table2.fees.amount', '12.35'],
    ] as const) {
      const row = page.getByTestId(`figure-${cell}`)
      await row.getByRole('textbox', { name: /数值$/ }).fill(value)
      await row.getByRole('textbox', { name: /数据来源$/ }).fill('行政审批系统 2024 年统计')
      await row.getByRole('button', { name: '保存' }).click()
      await expect.poll(() => row.getByRole('button', { name: '保存' }).isDisabled()).toBe(true)
    }
    await app.screenshot('figures')
    await expect.poll(() => panel().getByText('尚未填写', { exact: false }).count()).toBe(0)
  })

  it('finds a narrative number that contradicts table 三, points at the sentence, and the fix clears it', async () => {
    await page.getByRole('tab', { name: '正文' }).click()
    const overview = page.getByRole('textbox', { name: '一、总体情况' })
    const text = await overview.inputValue()
    expect(text).toContain('{{requests.received}}')
    await overview.fill(text.replace('{{requests.received}}', '9999'))
    await page.getByRole('button', { name: '保存正文' }).click()
    const problem = panel().getByTestId('report-problem').filter({ hasText: '9999' })
    await problem.waitFor()
    await problem.click()
    const mark = preview().locator('mark[data-selected="true"]')
    await mark.waitFor()
    expect(await mark.textContent()).toContain('9999')
    await both('narrative-problem', mark)
    await page.getByRole('tab', { name: '正文' }).click()
    await page.getByRole('button', { name: '恢复初稿' }).click()
    await expect
      .poll(() => panel().getByTestId('report-problem').filter({ hasText: '9999' }).count())
      .toBe(0)
  })

  it("last year's figures typed in: a wrong 结转 is pointed at its cell in table 三, the right one clears it", async () => {
    await page.getByRole('tab', { name: '预览' }).click()
    const carried = Number(
      await page.locator('[data-cell="table3.carried_over.natural"]').textContent(),
    )
    await page.getByRole('tab', { name: '数据填报' }).click()
    const prior = page.getByTestId('report-prior')
    const natural = prior.getByRole('textbox', { name: /“四、结转下年度继续办理” 行 “自然人” 列/ })
    await natural.fill(String(carried + 2))
    await prior.getByRole('textbox', { name: '数据来源' }).fill('2023 年度报告（门户网站）')
    await prior.getByRole('button', { name: '保存上年度数据' }).click()
    const problem = panel().getByTestId('report-problem').filter({ hasText: '上年结转' })
    await problem.waitFor()
    await problem.click()
    const cell = preview().locator(
      '[data-selected="true"][data-cell="table3.carried_over.natural"]',
    )
    await cell.waitFor()
    await both('cell-problem', cell)
    await page.getByRole('tab', { name: '数据填报' }).click()
    await natural.fill(String(carried))
    await prior.getByRole('button', { name: '保存上年度数据' }).click()
    await expect.poll(() => problem.count()).toBe(0)
  })

  it('exports the .docx and the .xlsx', async () => {
    const docx = join(app.dataDir, '年度报告.docx')
    const xlsx = join(app.dataDir, '年度报告.xlsx')
    const answers = [docx, xlsx]
    app.platform.saveFile = () => answers.shift() ?? null
    // With a problem left, export asks first and lists it.
    const errors = await panel().getByTestId('report-problem').count()
    await page.getByRole('button', { name: '导出 Word' }).click()
    if (errors > 0) {
      const dialog = page.getByRole('dialog', { name: '导出年度报告' })
      await dialog.getByTestId('confirm-problems').waitFor()
      await dialog.getByRole('button', { name: /仍然继续|继续/ }).click()
    }
    await expect.poll(() => existsSync(docx), { timeout: 30_000 }).toBe(true)
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK')
    await page.getByRole('button', { name: '导出 Excel' }).click()
    if (errors > 0) {
      await page
        .getByRole('dialog', { name: '导出年度报告' })
        .getByRole('button', { name: /继续/ })
        .click()
    }
    await expect.poll(() => existsSync(xlsx), { timeout: 30_000 }).toBe(true)
  })

  it('makes the report a disclosure item and submits it for 保密审查', async () => {
    await page.getByRole('button', { name: '生成公开条目' }).click()
    const confirm = page.getByRole('dialog', { name: '生成公开条目' })
    if (await confirm.isVisible().catch(() => false)) {
      await confirm.getByRole('button', { name: /继续/ }).click()
    }
    await page.waitForURL(/\/drafts\//, { timeout: 30_000 })
    await page.getByText(`${YEAR}年政府信息公开工作年度报告.docx`).first().waitFor()
    await page.getByRole('button', { name: '提交审查' }).click()
    const dialog = page.getByRole('dialog', { name: '提交保密审查' })
    await dialog.getByText('自查清单', { exact: false }).first().waitFor()
    const groups = dialog.getByRole('list', { name: '审查清单' }).getByRole('radiogroup')
    const count = await groups.count()
    for (let i = 0; i < count; i++) {
      await groups
        .nth(i)
        .getByRole('radio', { name: i < 7 ? '否' : '是', exact: true })
        .check()
    }
    await dialog.getByRole('button', { name: '提交', exact: true }).click()
    await dialog.waitFor({ state: 'detached' })
    await page.getByTestId('review-state').filter({ hasText: '审查中' }).waitFor()
    await app.screenshot('submitted')
    expect(app.problems).toEqual([])
  })
})
