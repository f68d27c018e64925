import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { Locator, Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { CATALOGUE_COLUMNS } from '../../src/shared/catalogue/types'
import { CATALOGUE_COLUMN_LABELS } from '../../src/shared/catalogue/labels'
import { buildDocx } from './docx-fixture'
import { E2E_SETUP, openApp, type OpenedApp } from './harness'

/** Appears ONLY inside the attachment, so finding the item by it proves attachment search. */
const PHRASE = '梧桐湾片区雨污分流改造'
const POLICY = {
  title: '高新区关于推进城市更新的若干政策措施',
  issuer: '淄博高新区管委会办公室',
  docNumber: '淄高新管办字〔2023〕12号',
}
const IMPORTED = {
  title: '关于印发高新区老旧小区改造实施方案的通知',
  docNumber: '淄高新管发〔2024〕5号',
  signedDate: '2024年3月15日',
}
const ADDED_LINE = '本措施由区住房和城乡建设局负责解释'

const field = (scope: Page | Locator, label: string) =>
  scope.getByLabel(new RegExp(`^${label}( \\*)?$`))
const select = (scope: Page | Locator, label: string) =>
  scope.getByRole('combobox', { name: label, exact: true })
const nav = (page: Page, label: string) =>
  page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: label, exact: true })
const body = (page: Page) => page.locator('.dd-body-editor .tiptap')
const saveStatus = (page: Page) => page.getByTestId('save-status')

/** A screenshot from the top of the page, without the toasts of earlier steps. */
async function shot(app: OpenedApp, name: string, keepToasts = false): Promise<void> {
  if (!keepToasts) {
    for (const close of await app.page.locator('.mantine-Notification-root button').all()) {
      await close.click().catch(() => undefined)
    }
  }
  await app.page.evaluate(() => window.scrollTo(0, 0))
  await app.screenshot(name)
}

async function waitForStatus(page: Page, text: string | RegExp): Promise<void> {
  await expect.poll(() => saveStatus(page).textContent(), { timeout: 15_000 }).toMatch(text)
}

describe('drafting: items, attachments, search, revisions, catalogue', () => {
  let app: OpenedApp | undefined
  let dataDir = ''

  afterAll(async () => {
    await app?.destroy()
  })

  it('creates a policy with metadata, a formatted body and a .docx attachment', async () => {
    app = await openApp({ setup: true })
    dataDir = app.dataDir
    const { page } = app
    await page.getByRole('heading', { name: `${E2E_SETUP.admin.displayName}，您好` }).waitFor()
    await nav(page, '起草').click()
    await page.getByRole('heading', { name: '起草', exact: true }).waitFor()
    await page.getByRole('button', { name: '新建' }).click()
    await page.getByRole('heading', { name: '新建条目' }).waitFor()

    await select(page, '类别').click()
    await page.getByRole('option', { name: '政策文件' }).click()
    await field(page, '标题').fill(POLICY.title)
    await field(page, '发文机关').fill(POLICY.issuer)

    // The shared validator's message as one types, with the 〔〕 correction one click away.
    await field(page, '发文字号').fill('淄高新管办字[2023]12号')
    await page.getByText('年份须用六角括号〔〕，不能用方括号或圆括号', { exact: false }).waitFor()
    const fix = page.getByRole('button', { name: `改为「${POLICY.docNumber}」` })
    await fix.waitFor()
    await shot(app, 'doc-number-check')
    await fix.click()
    expect(await field(page, '发文字号').inputValue()).toBe(POLICY.docNumber)
    await fix.waitFor({ state: 'detached' })

    // Body: a heading and a bulleted list through the toolbar.
    await body(page).click()
    await page.getByRole('button', { name: '二级标题' }).click()
    await page.keyboard.type('一、总体要求')
    await page.keyboard.press('Enter')
    await page.keyboard.type('坚持规划引领，分类推进城市更新。')
    await page.keyboard.press('Enter')
    await page.getByRole('button', { name: '项目符号列表' }).click()
    await page.keyboard.type('完善基础设施')
    await page.keyboard.press('Enter')
    await page.keyboard.type('改善人居环境')
    await body(page).locator('h2', { hasText: '一、总体要求' }).waitFor()
    await body(page).locator('ul li', { hasText: '改善人居环境' }).waitFor()

    // Autosave creates the draft (the address becomes the item's) and says when it saved.
    await waitForStatus(page, /已自动保存 \d\d:\d\d:\d\d/)
    await expect.poll(() => page.url()).toMatch(/#\/drafts\/[0-9a-f-]{36}$/)

    // A .docx attachment whose text holds a phrase found nowhere else.
    const fixtures = join(dataDir, 'fixtures')
    await mkdir(fixtures, { recursive: true })
    const attachment = join(fixtures, '城市更新项目清单.docx')
    await writeFile(
      attachment,
      await buildDocx([
        { text: '城市更新重点项目清单', heading: 1 },
        { text: `一、${PHRASE}工程，计划2024年底完工。` },
        { text: '二、老旧管网更新。' },
      ]),
    )
    app.platform.openFile = attachment
    await page.getByRole('button', { name: '添加附件' }).click()
    const listed = page.getByRole('listitem', { name: '城市更新项目清单.docx' })
    await listed.waitFor()
    await listed.getByText('已提取文字').waitFor()
    await listed.getByText(/DOCX · [\d.]+ KB/).waitFor()

    // 索引号 is assigned on approval; a policy without its interpretation is flagged.
    await page.getByTestId('index-number').filter({ hasText: '待分配' }).waitFor()
    await page.getByText('政策文件尚未关联政策解读', { exact: false }).waitFor()

    await page.keyboard.press('Control+s')
    await waitForStatus(page, /已保存 \d\d:\d\d:\d\d/)
    await shot(app, 'editor')
    expect(app.problems).toEqual([])
  })

  it('imports a Word document as a new draft with its fields filled in', async () => {
    const { page } = app!
    await page.getByRole('button', { name: '返回列表' }).click()
    await page.getByRole('heading', { name: '起草', exact: true }).waitFor()
    const file = join(dataDir, 'fixtures', '老旧小区改造实施方案.docx')
    await writeFile(
      file,
      await buildDocx([
        { text: IMPORTED.title, heading: 1 },
        { text: IMPORTED.docNumber },
        { text: '各街道办事处、区直各部门：' },
        { text: '现将《高新区老旧小区改造实施方案》印发给你们，请认真贯彻执行。' },
        { text: '淄博高新区管委会' },
        { text: IMPORTED.signedDate },
      ]),
    )
    app!.platform.openFile = file
    await page.getByRole('button', { name: '导入 Word' }).click()
    await page.getByText('已从 Word 导入').waitFor()
    await expect.poll(() => field(page, '标题').inputValue()).toBe(IMPORTED.title)
    expect(await field(page, '发文字号').inputValue()).toBe(IMPORTED.docNumber)
    await expect.poll(() => field(page, '成文日期').inputValue()).toBe(IMPORTED.signedDate)
    await body(page).getByText('请认真贯彻执行', { exact: false }).waitFor()
    await shot(app!, 'import-word')
    expect(app!.problems).toEqual([])
  })

  it('finds the first item by a phrase that appears only in its attachment', async () => {
    const { page } = app!
    await page.getByRole('button', { name: '返回列表' }).click()
    const grid = page.getByRole('grid', { name: '条目列表' })
    await grid.getByRole('row', { name: IMPORTED.title }).waitFor()
    await grid.getByRole('row', { name: POLICY.title }).waitFor()
    await expect.poll(() => page.getByTestId('item-total').textContent()).toBe('共 2 条')
    await shot(app!, 'list')

    await page.getByRole('textbox', { name: '搜索' }).fill(PHRASE)
    await expect.poll(() => page.getByTestId('item-total').textContent()).toBe('共 1 条')
    const row = grid.getByRole('row', { name: POLICY.title })
    await row.waitFor()
    await row.getByText(PHRASE, { exact: false }).waitFor()
    expect(await grid.getByRole('row', { name: IMPORTED.title }).count()).toBe(0)
    await shot(app!, 'list-search')

    // Keyboard: focus the grid, Enter opens the selected row.
    await grid.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => field(page, '标题').inputValue()).toBe(POLICY.title)
    expect(app!.problems).toEqual([])
  })

  it('edits and saves, then compares two revisions side by side', async () => {
    const { page } = app!
    await body(page).locator('ul li', { hasText: '改善人居环境' }).waitFor()
    await body(page).click()
    await page.keyboard.press('Control+End')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    await page.keyboard.type(ADDED_LINE)
    await page.getByRole('button', { name: /^保存/ }).click()
    await waitForStatus(page, /已保存 \d\d:\d\d:\d\d/)

    await page.getByRole('button', { name: '版本' }).click()
    const versions = page.getByRole('table', { name: '版本列表' })
    await versions.waitFor()
    const rows = versions.locator('tbody tr')
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(3)
    await rows.nth(0).getByRole('checkbox').check()
    await rows.nth(1).getByRole('checkbox').check()
    await page.getByRole('button', { name: '对比所选版本' }).click()
    const diff = page.getByRole('table', { name: '正文对比' })
    await diff.waitFor()
    await diff.locator('.dd-diff-added', { hasText: ADDED_LINE }).first().waitFor()
    await shot(app!, 'diff')
    await page.keyboard.press('Escape')
    await diff.waitFor({ state: 'detached' })
    await page.keyboard.press('Escape')
    await versions.waitFor({ state: 'detached' })
    expect(app!.problems).toEqual([])
  })

  it('目录管理: adds an entry and imports the standard table from .xlsx', async () => {
    const { page } = app!
    await page.getByRole('button', { name: '返回列表' }).click()
    await page.getByRole('button', { name: '目录管理' }).click()
    await page.getByRole('heading', { name: '公开事项目录' }).waitFor()

    await page.getByRole('button', { name: '新增事项' }).click()
    const dialog = page.getByRole('dialog', { name: '新增目录事项' })
    await field(dialog, '一级事项').fill('财政预决算')
    await field(dialog, '二级事项').fill('部门预算')
    await field(dialog, '公开时限').fill('信息形成（变更）之日起20个工作日内')
    await dialog.getByRole('button', { name: '保存' }).click()
    await dialog.waitFor({ state: 'detached' })
    const table = page.getByRole('table', { name: '公开事项目录' })
    await table.getByRole('row', { name: '财政预决算 部门预算' }).waitFor()

    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('目录')
    sheet.addRow(CATALOGUE_COLUMNS.map((c) => CATALOGUE_COLUMN_LABELS[c]))
    sheet.addRow([
      1,
      '行政许可',
      '建设工程规划许可',
      '许可事项、结果',
      '《城乡规划法》',
      '作出决定之日起7个工作日内',
      '区自然资源局',
      '政府网站',
      '全社会',
      '主动',
      '县级',
    ])
    sheet.addRow([
      2,
      '行政处罚',
      '违法建设处罚',
      '处罚决定书',
      '《行政处罚法》',
      '作出决定之日起7个工作日内',
      '区综合执法局',
      '政府网站',
      '全社会',
      '主动',
      '县级',
    ])
    const xlsx = join(dataDir, 'fixtures', '标准目录.xlsx')
    await workbook.xlsx.writeFile(xlsx)
    app!.platform.openFile = xlsx
    await page.getByRole('button', { name: '导入 .xlsx' }).click()
    const result = page.getByRole('status', { name: '导入完成' })
    await result.getByText('新增 2 项', { exact: false }).waitFor()
    await table.getByRole('row', { name: '行政许可 建设工程规划许可' }).waitFor()
    await shot(app!, 'catalogue')
    expect(app!.problems).toEqual([])
  })

  it('keeps both items, the attachment and the revisions after a restart', async () => {
    await app!.close()
    app = await openApp({ dataDir, setup: true })
    const { page } = app
    await nav(page, '起草').click()
    const grid = page.getByRole('grid', { name: '条目列表' })
    await grid.getByRole('row', { name: IMPORTED.title }).waitFor()
    await grid.getByRole('row', { name: POLICY.title }).click()
    await expect.poll(() => field(page, '标题').inputValue()).toBe(POLICY.title)
    await page.getByRole('listitem', { name: '城市更新项目清单.docx' }).waitFor()
    await body(page).getByText(ADDED_LINE).waitFor()
    await page.getByRole('button', { name: '版本' }).click()
    const rows = page.getByRole('table', { name: '版本列表' }).locator('tbody tr')
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(3)
    await shot(app, 'reopened-revisions')
    expect(app.problems).toEqual([])
  })
})
