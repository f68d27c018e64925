import { afterAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { usccCheckChar } from '../../src/shared/uscc'
import { openApp, type OpenedApp } from './harness'

/** A well-formed 统一社会信用代码: 17 characters and their GB 32100 check character. */
const ORG17 = '11370300MB1234567'
const ORG_CODE = ORG17 + usccCheckChar(ORG17)
const WRONG_CHECK = ORG17 + (ORG_CODE.endsWith('0') ? '1' : '0')

const DEPT = '淄博高新区政务公开示范局'
const ADMIN = { username: 'admin', displayName: '王建国', password: 'Admin2024pass' }
const REVIEWER = { username: 'shenhe', displayName: '李审核', password: 'Review2024pass' }
/** What the reviewer sets at first login, replacing the administrator's initial password. */
const REVIEWER_OWN = 'Shenhe2024own'

/** An input by its exact label; Mantine appends " *" to required fields' labels. */
const field = (scope: Page | Locator, label: string) =>
  scope.getByLabel(new RegExp(`^${label}( \\*)?$`))

/** A navbar entry, by its exact label (the home page's module cards are links too). */
const nav = (page: Page, label: string) =>
  page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: label, exact: true })

async function login(page: Page, username: string, password: string): Promise<void> {
  await field(page, '用户名').fill(username)
  await field(page, '密码').fill(password)
  await field(page, '密码').press('Enter')
}

async function logout(page: Page, displayName: string): Promise<void> {
  await page.getByRole('button', { name: `用户菜单：${displayName}` }).click()
  await page.getByRole('menuitem', { name: '退出登录' }).click()
  await expect.poll(() => page.getByRole('heading', { name: '登录' }).isVisible()).toBe(true)
}

describe('foundation: setup, accounts, audit', () => {
  let app: OpenedApp | undefined
  let dataDir = ''

  afterAll(async () => {
    await app?.destroy()
  })

  it('refuses an org code whose check character is wrong, in Chinese', async () => {
    const fresh = await openApp()
    try {
      const { page } = fresh
      await expect
        .poll(() => page.getByRole('heading', { name: '首次运行设置' }).isVisible())
        .toBe(true)
      await field(page, '统一社会信用代码').fill(WRONG_CHECK)
      await page.getByText('统一社会信用代码校验位不正确，请核对（GB 32100）').waitFor()
      await fresh.screenshot('setup-invalid-code')
      await field(page, '统一社会信用代码').fill(ORG_CODE)
      await page.getByText('统一社会信用代码校验位不正确').waitFor({ state: 'detached' })
      expect(fresh.problems).toEqual([])
    } finally {
      await fresh.destroy()
    }
  })

  it('first-run setup creates the department and logs the administrator in', async () => {
    app = await openApp()
    dataDir = app.dataDir
    const { page } = app
    await page.getByRole('heading', { name: '首次运行设置' }).waitFor()
    await app.screenshot('setup')

    await field(page, '单位名称').fill(DEPT)
    await field(page, '统一社会信用代码').fill(ORG_CODE.toLowerCase())
    await field(page, '管理员用户名').fill(ADMIN.username)
    await field(page, '姓名').fill(ADMIN.displayName)
    await field(page, '密码').fill(ADMIN.password)
    await field(page, '确认密码').fill('Different1')
    await page.getByText('两次输入的密码不一致').waitFor()
    await field(page, '确认密码').fill(ADMIN.password)
    await app.screenshot('setup-filled')
    await page.getByRole('button', { name: '完成设置' }).click()

    await page.getByRole('heading', { name: `${ADMIN.displayName}，您好` }).waitFor()
    await expect.poll(() => page.getByTestId('department-name').textContent()).toBe(DEPT)
    await page.getByText(`统一社会信用代码 ${ORG_CODE}`).waitFor()
    await app.screenshot('main-shell')
    expect(app.problems).toEqual([])
  })

  it('the administrator creates a reviewer in 用户管理', async () => {
    const { page } = app!
    await nav(page, '用户管理').click()
    await page.getByRole('heading', { name: '用户管理' }).waitFor()
    await page.getByRole('button', { name: '新建用户' }).click()
    const dialog = page.getByRole('dialog', { name: '新建用户' })
    await field(dialog, '用户名').fill(REVIEWER.username)
    await field(dialog, '姓名').fill(REVIEWER.displayName)
    await field(dialog, '初始密码').fill(REVIEWER.password)
    await field(dialog, '角色').click()
    await page.getByRole('option', { name: '审核人' }).click()
    await dialog.getByRole('heading', { name: '新建用户' }).click()
    await app!.screenshot('users-create')
    await dialog.getByRole('button', { name: '创建' }).click()
    await dialog.waitFor({ state: 'detached' })

    const row = page.getByRole('row').filter({ hasText: REVIEWER.username })
    await row.getByText('审核人').waitFor()
    await expect.poll(() => row.getByText('启用').isVisible()).toBe(true)
    await app!.screenshot('users')
  })

  it('a reviewer logs in and sees no administration entries', async () => {
    const { page } = app!
    await logout(page, ADMIN.displayName)
    await app!.screenshot('login')

    await login(page, REVIEWER.username, REVIEWER.password)
    // A new account first sets its own password; the administrator's one is not kept.
    await page.getByRole('heading', { name: '请设置您自己的密码' }).waitFor()
    await field(page, '管理员给您的密码').fill(REVIEWER.password)
    await field(page, '新密码').fill(REVIEWER_OWN)
    await field(page, '确认新密码').fill(REVIEWER_OWN)
    await page.getByRole('button', { name: '设置新密码并继续' }).click()
    await page.getByRole('heading', { name: `${REVIEWER.displayName}，您好` }).waitFor()
    await expect.poll(() => nav(page, '起草').count()).toBe(1)
    expect(await nav(page, '用户管理').count()).toBe(0)
    expect(await nav(page, '审计日志').count()).toBe(0)
    await nav(page, '保密审查').click()
    await page.getByRole('heading', { name: '保密审查', exact: true }).waitFor()
    await page.getByRole('tab', { name: '待我审查' }).waitFor()
    await app!.screenshot('reviewer-review-queue')
    await logout(page, REVIEWER.displayName)
  })

  it('a wrong password is refused with the Chinese message from core', async () => {
    const { page } = app!
    await login(page, ADMIN.username, 'NotThePassword1')
    await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor()
    await app!.screenshot('login-wrong-password')
  })

  it('the user menu locks the app and the password unlocks it', async () => {
    const { page } = app!
    await login(page, ADMIN.username, ADMIN.password)
    await page.getByRole('heading', { name: `${ADMIN.displayName}，您好` }).waitFor()
    await page.getByRole('button', { name: `用户菜单：${ADMIN.displayName}` }).click()
    await page.getByRole('menuitem', { name: '锁定' }).click()
    await page.getByRole('heading', { name: '已锁定' }).waitFor()
    await app!.screenshot('lock')
    await field(page, '密码').fill(ADMIN.password)
    await field(page, '密码').press('Enter')
    await page.getByRole('heading', { name: `${ADMIN.displayName}，您好` }).waitFor()
  })

  it('审计日志 shows the events and the chain verifies complete', async () => {
    const { page } = app!
    await nav(page, '审计日志').click()
    await page.getByRole('heading', { name: '审计日志' }).waitFor()
    const table = page.getByRole('table', { name: '审计日志' })
    for (const label of [
      '完成初始化',
      '创建用户',
      '登录',
      '登录失败',
      '退出登录',
      '锁定',
      '解锁',
    ]) {
      await table.getByRole('cell', { name: label, exact: true }).first().waitFor()
    }
    // Times are shown in zh-CN form, e.g. 2025年3月7日 09:05:03.
    await table
      .getByRole('cell', { name: /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}:\d{2}$/ })
      .first()
      .waitFor()

    await page.getByRole('button', { name: '校验审计链' }).click()
    await page.getByText('审计链完整 ✓').waitFor()
    await app!.screenshot('audit')

    // The date pickers speak Chinese (DatesProvider zh-cn); dates can also be typed.
    await field(page, '起始日期').click()
    await page
      .getByText(/^\d{4}年\d{1,2}月$/)
      .first()
      .waitFor()
    await app!.screenshot('audit-date-picker')
    await page.keyboard.press('Escape')

    // Filtering by action narrows the table to that action.
    await page.getByRole('combobox', { name: '操作' }).click()
    await page.getByRole('option', { name: '登录失败' }).click()
    await expect
      .poll(async () => {
        const actions = await table.locator('tbody tr td:nth-child(4)').allTextContents()
        return [...new Set(actions)]
      })
      .toEqual(['登录失败'])
  })

  it('设置 shows the settings and makes a backup', async () => {
    const { page } = app!
    await nav(page, '设置').click()
    await page.getByRole('heading', { name: '设置', exact: true }).waitFor()
    await page.getByLabel('无操作自动锁定（分钟）').waitFor()
    await page.getByRole('button', { name: '立即备份…' }).click()
    await page.getByText('备份已保存到').waitFor()
    const backups = page.getByRole('table', { name: '备份列表' })
    await backups.getByRole('button', { name: '恢复' }).first().waitFor()
    await app!.screenshot('settings')

    // Dark mode from the user menu.
    await page.getByRole('button', { name: `用户菜单：${ADMIN.displayName}` }).click()
    await page.getByRole('menuitem', { name: '深色模式' }).click()
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.mantineColorScheme))
      .toBe('dark')
    await app!.screenshot('settings-dark')
    await nav(page, '用户管理').click()
    await page.getByRole('heading', { name: '用户管理' }).waitFor()
    await app!.screenshot('users-dark')
    await page.getByRole('button', { name: `用户菜单：${ADMIN.displayName}` }).click()
    await page.getByRole('menuitem', { name: '浅色模式' }).click()
    expect(app!.problems).toEqual([])
  })

  it('reopening the app keeps the department and the accounts', async () => {
    await app!.close()
    // Core's clock runs ahead on demand, to reach the idle lock without waiting.
    let aheadMs = 0
    app = await openApp({ dataDir, clock: () => new Date(Date.now() + aheadMs) })
    const { page } = app
    await page.getByRole('heading', { name: '登录' }).waitFor()
    expect(await page.getByRole('heading', { name: '首次运行设置' }).count()).toBe(0)
    await login(page, REVIEWER.username, REVIEWER_OWN)
    await page.getByRole('heading', { name: `${REVIEWER.displayName}，您好` }).waitFor()
    await logout(page, REVIEWER.displayName)
    await login(page, ADMIN.username, ADMIN.password)
    await page.getByRole('heading', { name: `${ADMIN.displayName}，您好` }).waitFor()

    // Core locks an idle session itself; the next call answers LOCKED and the lock screen shows.
    aheadMs = 16 * 60_000
    await nav(page, '用户管理').click()
    await page.getByRole('heading', { name: '已锁定' }).waitFor()
    await field(page, '密码').fill(ADMIN.password)
    await page.getByRole('button', { name: '解锁' }).click()
    await page.getByRole('heading', { name: '用户管理' }).waitFor()
    expect(app.problems).toEqual([])
  })
})
