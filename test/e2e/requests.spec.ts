import { existsSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type OpenedApp } from './harness'

/**
 * 依申请公开 in the real renderer: register a request received by post, ask for a correction,
 * receive it, extend, answer 部分公开, generate the letter; import a ledger; screenshots of the
 * list and the timeline at 1024×700 and 1366×768.
 */
let app: OpenedApp
let page: Page
beforeAll(async () => {
  app = await openApp({
    setup: true,
    clock: () => new Date('2025-05-20T02:00:00Z'),
    viewport: { width: 1366, height: 768 },
  })
  page = app.page
})
afterAll(async () => {
  await app?.destroy()
})

const dialog = () => page.getByRole('dialog')
const nav = () =>
  page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: /^依申请公开/ })
    .click()
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** A form field by its label (Mantine appends 「 *」 to required ones). */
const field = (label: string) => dialog().getByLabel(new RegExp(`^${escapeRe(label)}\\s*\\*?$`))

async function both(name: string) {
  await page.setViewportSize({ width: 1366, height: 768 })
  await app.screenshot(`${name}-1366x768`)
  await page.setViewportSize({ width: 1024, height: 700 })
  await app.screenshot(`${name}-1024x700`)
  await page.setViewportSize({ width: 1366, height: 768 })
}

async function event(menu: string | null, name: string, fill: () => Promise<void>) {
  if (menu) {
    await page.getByRole('button', { name: menu }).click()
    await page.getByRole('menuitem', { name }).click()
  } else {
    await page.getByRole('button', { name, exact: true }).click()
  }
  await expect.poll(() => dialog().isVisible()).toBe(true)
  await fill()
  await dialog().getByRole('button', { name: '保存' }).click()
  await expect.poll(() => dialog().count()).toBe(0)
}

describe('依申请公开', () => {
  it('registers a request by post, corrects, extends, answers 部分公开 and writes the letter', async () => {
    await nav()
    await page.getByRole('button', { name: '登记申请' }).click()
    await field('申请人姓名').fill('张三丰')
    await field('身份证件号码').fill('330106199001011234')
    await field('联系电话或邮箱').fill('13812345678')
    await field('提交（寄出）日期').fill('2025-02-26')
    await field('签收日期').fill('2025-03-03')
    await field('申请公开的政府信息').fill('2024 年度本局作出的行政处罚决定书')
    await app.screenshot('register-form')
    await dialog().getByRole('button', { name: '登记' }).click()

    await expect.poll(() => page.getByText('申请 GK2025-001').count()).toBeGreaterThan(0)
    const due = page.getByTestId('due-timeline')
    await expect.poll(() => due.textContent()).toContain('2025年3月31日')
    await expect.poll(() => due.textContent()).toContain('条例第三十一条')

    await event('办理', '补正告知', async () => {
      await field('日期').fill('2025-03-05')
      await field('补正期限（截止日期）').fill('2025-03-20')
      await field('需要补正的事项').fill('请写明所需决定书的文号或当事人名称')
    })
    await expect.poll(() => page.getByText('待补正').count()).toBeGreaterThan(0)
    await event(null, '收到补正', async () => {
      await field('日期').fill('2025-03-10')
    })
    await expect.poll(() => due.textContent()).toContain('2025年4月8日')
    await event('办理', '延期答复', async () => {
      await field('日期').fill('2025-04-01')
      await field('批准人（政府信息公开工作机构负责人）').fill('李主任')
      await field('延期理由').fill('需调取历史档案并逐页区分处理')
    })
    await expect.poll(() => due.textContent()).toContain('2025年5月8日')
    await expect.poll(() => due.textContent()).toContain('经批准延长 20 个工作日')
    await expect.poll(() => due.textContent()).toContain('劳动节')
    await both('timeline')

    // A second extension is not offered; trying the wrong order is refused by core (see core tests).
    await page.getByRole('button', { name: '办理' }).click()
    await expect.poll(() => page.getByRole('menuitem', { name: '延期答复' }).count()).toBe(0)
    await page.keyboard.press('Escape')

    await event(null, '答复', async () => {
      await field('答复日期').fill('2025-04-20')
      await field('答复类型').click()
      await page.getByRole('option', { name: /部分公开（区分处理）/ }).click()
      await expect.poll(() => field('办理结果（年度报告表三）').inputValue()).toContain('部分公开')
      await field('答复说明（写入答复书：获取方式、不予公开的理由等）').fill(
        '第 3 页涉及第三方商业秘密，不予公开，其余部分予以公开。',
      )
    })
    await expect.poll(() => page.getByText('已答复').count()).toBeGreaterThan(0)

    await page.getByRole('button', { name: '生成文书' }).click()
    await page.getByRole('menuitem', { name: '政府信息公开申请答复书' }).click()
    // The .docx is written on the worker pool: its first start can take longer than a second.
    await expect
      .poll(() => page.getByText(/已生成政府信息公开申请答复书/).count(), { timeout: 15_000 })
      .toBeGreaterThan(0)
    const saved = app.platform.saveDialogs.at(-1)?.defaultPath ?? ''
    expect(existsSync(join(app.dataDir, 'saved', saved.split(/[\\/]/).pop() ?? ''))).toBe(true)
    await both('answered')
  })

  it('imports a ledger with a preview, and lists it', async () => {
    const ledger = join(app.dataDir, '2025年申请登记台账.csv')
    writeFileSync(
      ledger,
      '\uFEFF编号,收到日期,申请人类型,申请方式,申请内容,答复日期,办理结果\n' +
        'TZ-001,2025-03-12,商业企业,网络,某项目环评批复,2025-04-02,予以公开\n' +
        'TZ-002,2025-04-07,法律服务机构,邮寄,某案件行政处罚决定书,2025-04-30,属于行政执法案卷\n' +
        'TZ-003,2025-04-22,自然人,当面,某小区规划许可,,\n' +
        'TZ-004,2025-05-12,其他,传真,某年度预算,,\n',
    )
    app.platform.openFile = ledger
    await nav()
    await page.getByRole('button', { name: '导入台账' }).click()
    await dialog().getByRole('button', { name: '选择文件…' }).click()
    await expect.poll(() => dialog().getByText('可以导入').count()).toBe(1)
    await expect
      .poll(() => dialog().getByRole('table', { name: '导入预览' }).textContent())
      .toContain('TZ-003')
    await both('import-preview')
    await dialog().getByRole('button', { name: '导入', exact: true }).click()
    await expect.poll(() => page.getByText(/已导入 4 件申请/).count()).toBeGreaterThan(0)

    await page.getByRole('tab', { name: /全部/ }).click()
    await expect.poll(() => page.getByTestId('request-row').count()).toBe(5)
    await expect
      .poll(() => page.getByRole('table', { name: '申请列表' }).textContent())
      .toContain('张某')
    expect(await page.getByRole('table', { name: '申请列表' }).textContent()).not.toContain(
      '张三丰',
    )
    await both('list-all')
    await page.getByRole('tab', { name: /办理中/ }).click()
    await expect.poll(() => page.getByTestId('request-row').count()).toBe(2)
    await both('list-open')

    // The letter templates and settings; then the home page's to-do card and the nav badge.
    await page.getByRole('link', { name: '文书模板' }).click()
    await page.getByText('政府信息公开申请延期答复告知书', { exact: true }).click()
    await expect.poll(() => page.getByLabel('正文').inputValue()).toContain('{延期天数}')
    await app.screenshot('templates')
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: '首页' })
      .click()
    const card = page.getByTestId('requests-home-card')
    await expect.poll(() => card.textContent()).toContain('3 个工作日内到期')
    await expect.poll(() => page.getByTestId('requests-nav-badge').textContent()).toBe('1')
    await app.screenshot('home-card')
    expect(app.problems).toEqual([])
  })
})

describe('依申请公开: a provisional due date becomes final when next year is added', () => {
  it('shows 暂定 with a link to the calendar, and the stored notice moves the due date', async () => {
    const other = await openApp({
      setup: true,
      clock: () => new Date('2026-12-15T02:00:00Z'),
      viewport: { width: 1366, height: 768 },
    })
    try {
      const p = other.page
      const r = await other.core.dispatch('requests:register', {
        applicantType: 'commercial',
        applicantName: '淄博某某建材有限公司',
        channel: 'online',
        channelDate: '2026-12-10',
        content: '2026 年度建设工程消防验收备案抽查结果',
        form: 'electronic',
      })
      if (!r.ok) throw new Error(r.error.message)
      const id = (r.data as { id: string }).id
      await p.goto(`${new URL(p.url()).origin}/index.html#/requests/${id}`)
      const due = p.getByTestId('due-timeline')
      await expect.poll(() => due.textContent()).toContain('2027年1月7日')
      await expect.poll(() => due.textContent()).toContain('暂定')
      await other.screenshot('provisional-1366x768')
      await p.getByRole('link', { name: '前往节假日日历' }).first().click()
      await p.getByRole('heading', { name: '节假日日历' }).waitFor()
      const text = await readFile(resolve('test/fixtures/calendar/notice-2027-test.txt'), 'utf8')
      await p.getByRole('textbox', { name: '通知全文' }).fill(text)
      await p.getByRole('button', { name: '识别并预览' }).click()
      const preview = p.getByRole('region', { name: '2027年节假日安排预览' })
      await preview.getByRole('button', { name: '确认保存' }).click()
      const status = p.getByRole('status').filter({ hasText: '已保存 2027 年节假日安排' })
      await status.waitFor()
      const row = status
        .getByRole('table', { name: '变动的期限' })
        .getByRole('row', { name: /GK2026-001/ })
      await row.getByText('2027-01-07').waitFor()
      await row.getByText('2027-01-08').waitFor()
      await p.goto(`${new URL(p.url()).origin}/index.html#/requests/${id}`)
      await expect.poll(() => due.textContent()).toContain('2027年1月8日')
      expect(await due.textContent()).not.toContain('暂定')
      await other.screenshot('final-1366x768')
      expect(other.problems).toEqual([])
    } finally {
      await other.destroy()
    }
  })
})
