import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import type { AppCore } from '../../src/core/api/types'
import type { CalendarYearView } from '../../src/shared/calendar/types'
import type { ItemView } from '../../src/shared/items/types'
import { openApp, type OpenedApp } from './harness'

const nav = (page: Page, label: string) =>
  page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: label, exact: true })

async function call<T>(core: AppCore, channel: string, input: unknown): Promise<T> {
  const r = await core.dispatch(channel, input)
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`)
  return r.data as T
}

/**
 * 节假日日历: an officer adds next year's calendar from the pasted notice text (the 2027 text is a
 * hypothetical test fixture — that notice is not out yet), checks it on month calendars, stores it,
 * and sees the provisional due date of an item formed 2026-12-15 (第二十六条, 20 个工作日) move
 * from 2027-01-12 (暂定, Monday–Friday) to 2027-01-13 (元旦 1月1日–3日 off).
 */
describe.each([
  { width: 1024, height: 700 },
  { width: 1366, height: 768 },
])('节假日日历 at $width×$height', (viewport) => {
  let app: OpenedApp | undefined
  afterEach(async () => {
    await app?.destroy()
    app = undefined
  })

  it('pastes the 2027 notice, previews it as month calendars, stores it and lists the moved due date', async () => {
    const size = `${viewport.width}x${viewport.height}`
    app = await openApp({ setup: true, viewport })
    const { page, core } = app
    const item = await call<ItemView>(core, 'items:save', {
      kind: 'notice',
      title: '关于年末安全生产检查的通知',
      bodyHtml: '<p>现将有关事项通知如下。</p>',
      issuer: '淄博高新区管委会办公室',
      docNumber: '淄高新管办字〔2026〕21号',
      signedDate: '2026-12-15',
    })
    expect(item.dueDate).toBe('2027-01-12')

    await nav(page, '设置').click()
    await page.getByRole('link', { name: '打开节假日日历' }).click()
    await page.getByRole('heading', { name: '节假日日历' }).waitFor()
    const nextYear = new Date().getFullYear() + 1
    await page.getByText(`尚未录入 ${nextYear} 年的节假日安排`).waitFor()
    const years = page.getByRole('table', { name: '已录入的年份' })
    await years
      .getByRole('row', { name: /2026 年/ })
      .getByText('内置数据（chinese-days）')
      .waitFor()
    await app.screenshot(`list-${size}`)

    // A line it cannot read is refused with that line; nothing is shown as a preview.
    const textarea = page.getByRole('textbox', { name: '通知全文' })
    await textarea.fill('国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：元旦当天放假。')
    await page.getByRole('button', { name: '识别并预览' }).click()
    await page
      .getByRole('alert')
      .getByText('无法识别通知第 2 行：「一、元旦：元旦当天放假。」', { exact: false })
      .waitFor()

    await textarea.fill(await readFile('test/fixtures/calendar/notice-2027-test.txt', 'utf8'))
    await page.getByRole('button', { name: '识别并预览' }).click()
    const preview = page.getByRole('region', { name: '2027年节假日安排预览' })
    await preview.waitFor()
    const jan1 = preview.getByLabel('2027年1月1日 元旦 放假', { exact: true })
    expect(await jan1.getAttribute('data-kind')).toBe('holiday')
    const feb14 = preview.getByLabel('2027年2月14日 春节 调休上班', { exact: true })
    expect(await feb14.getAttribute('data-kind')).toBe('makeup')
    expect(await feb14.textContent()).toContain('班')
    await preview
      .getByRole('row', { name: /国庆节/ })
      .getByText('10月1日至10月7日')
      .waitFor()
    await app.screenshot(`preview-${size}`)

    await preview.getByRole('button', { name: '确认保存' }).click()
    const status = page.getByRole('status').filter({ hasText: '已保存 2027 年节假日安排' })
    await status.waitFor()
    const moved = status.getByRole('table', { name: '变动的期限' })
    const row = moved.getByRole('row', { name: /关于年末安全生产检查的通知/ })
    await row.getByText('2027-01-12').waitFor()
    await row.getByText('2027-01-13').waitFor()
    await row.getByText('暂定').waitFor()
    await years
      .getByRole('row', { name: /2027 年/ })
      .getByText('国务院办公厅通知')
      .waitFor()
    await app.screenshot(`saved-${size}`)

    // Stored in SQLite: the store and the item's due date say so too.
    const stored = await call<CalendarYearView[]>(core, 'calendar:list', {})
    expect(stored.find((y) => y.year === 2027)?.source).toBe('notice')
    expect((await call<ItemView>(core, 'items:get', { id: item.id })).dueDate).toBe('2027-01-13')
    expect(app.problems).toEqual([])
  })
})

describe('节假日日历: importing an .ics file', () => {
  let app: OpenedApp | undefined
  afterEach(async () => {
    await app?.destroy()
    app = undefined
  })

  it('reads the file chosen in the open dialog, previews it as replacing the stored year, and stores it', async () => {
    app = await openApp({
      setup: true,
      openFile: resolve('node_modules/chinese-days/dist/years/2026.ics'),
    })
    const { page } = app
    await nav(page, '设置').click()
    await page.getByRole('link', { name: '打开节假日日历' }).click()
    await page.getByRole('button', { name: '导入 .ics 日历文件' }).click()
    expect(app.platform.openDialogs.at(-1)?.filters?.[0]?.extensions).toEqual(['ics'])
    const preview = page.getByRole('region', { name: '2026年节假日安排预览' })
    await preview.getByText('将替换现有安排').waitFor()
    const oct10 = preview.getByLabel('2026年10月10日 国庆节 调休上班', { exact: true })
    expect(await oct10.getAttribute('data-kind')).toBe('makeup')
    await app.screenshot('ics-preview')
    await preview.getByRole('button', { name: '确认保存' }).click()
    await page.getByRole('status').filter({ hasText: '已保存 2026 年节假日安排' }).waitFor()
    await page
      .getByRole('table', { name: '已录入的年份' })
      .getByRole('row', { name: /2026 年/ })
      .getByText('导入 .ics 日历')
      .waitFor()
    expect(app.problems).toEqual([])
  })
})

describe('节假日日历: marking days by hand', () => {
  let app: OpenedApp | undefined
  afterEach(async () => {
    await app?.destroy()
    app = undefined
  })

  it('starts an empty year, marks 1月1日 off and 1月3日 as a working day, and stores it as 手工录入', async () => {
    app = await openApp({ setup: true })
    const { page, core } = app
    await nav(page, '设置').click()
    await page.getByRole('link', { name: '打开节假日日历' }).click()
    await page.getByRole('button', { name: '在月历上手工录入' }).click()
    await page.getByText('手工录入请先填写年份').waitFor()
    await page.getByRole('textbox', { name: '年份' }).fill('2028')
    await page.getByRole('button', { name: '在月历上手工录入' }).click()
    const preview = page.getByRole('region', { name: '2028年节假日安排预览' })
    await preview.getByRole('button', { name: '2028年1月1日', exact: true }).click()
    await preview.getByRole('button', { name: '2028年1月3日', exact: true }).click()
    await preview.getByRole('button', { name: '2028年1月3日 放假', exact: true }).click()
    expect(
      await preview.getByLabel('2028年1月3日 调休上班', { exact: true }).getAttribute('data-kind'),
    ).toBe('makeup')
    await preview.getByText('已手工调整').waitFor()
    await preview.getByRole('button', { name: '确认保存' }).click()
    await page.getByRole('status').filter({ hasText: '已保存 2028 年节假日安排' }).waitFor()
    const stored = await call<CalendarYearView[]>(core, 'calendar:list', {})
    expect(stored.find((y) => y.year === 2028)).toMatchObject({
      source: 'manual',
      holidays: ['2028-01-01'],
      workdays: ['2028-01-03'],
    })
    expect(app.problems).toEqual([])
  })
})
