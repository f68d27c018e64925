import type { Locator, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import type { AppCore } from '../../src/core/api/types'
import { E2E_SETUP, openApp, type OpenedApp } from './harness'

const OFFICER = { username: 'zhao', displayName: '赵起草', password: 'Given2024pass' }
const OWN_PASSWORD = 'Mine2024pass'
const ADMIN = E2E_SETUP.admin

const field = (scope: Page | Locator, label: string) =>
  scope.getByLabel(new RegExp(`^${label}( \\*)?$`))

const nav = (page: Page, label: string) =>
  page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: label, exact: true })

async function call<T>(core: AppCore, channel: string, input: unknown): Promise<T> {
  const r = await core.dispatch(channel, input)
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`)
  return r.data as T
}

async function login(page: Page, username: string, password: string): Promise<void> {
  await field(page, '用户名').fill(username)
  await field(page, '密码').fill(password)
  await field(page, '密码').press('Enter')
}

async function logout(page: Page, displayName: string): Promise<void> {
  await page.getByRole('button', { name: `用户菜单：${displayName}` }).click()
  await page.getByRole('menuitem', { name: '退出登录' }).click()
  await page.getByRole('heading', { name: '登录' }).waitFor()
}

/** The page does not scroll sideways. */
async function noSidewaysScroll(page: Page): Promise<void> {
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ])
  expect(scroll).toBeLessThanOrEqual(client)
}

/**
 * Issue 10, accounts: wrong passwords say the attempts left and lock the account after 5; a new
 * user sets their own password at first login; the administrator unlocks from 用户管理; the audit
 * log tells all of it in Chinese.
 */
describe.each([
  { width: 1024, height: 700 },
  { width: 1366, height: 768 },
])('accounts at $width×$height', (viewport) => {
  let app: OpenedApp | undefined
  afterEach(async () => {
    await app?.destroy()
    app = undefined
  })

  it('throttles wrong passwords, forces the first password change, unlocks, audits in Chinese', async () => {
    const size = `${viewport.width}x${viewport.height}`
    app = await openApp({ setup: true, viewport, firstLoginChange: true })
    const { page, core } = app
    await call(core, 'users:create', { ...OFFICER, roles: ['officer'] })
    await page.reload()
    await page.getByRole('heading', { name: `${ADMIN.displayName}，您好` }).waitFor()
    await logout(page, ADMIN.displayName)

    // Two wrong passwords: the second answer says 还可尝试 3 次.
    await login(page, OFFICER.username, 'Wrong2024pass')
    await page.getByRole('alert').filter({ hasText: '还可尝试 4 次' }).waitFor()
    await login(page, OFFICER.username, 'Wrong2024pass')
    await page.getByRole('alert').filter({ hasText: '用户名或密码错误，还可尝试 3 次' }).waitFor()
    await app.screenshot(`login-attempts-left-${size}`)

    // The right password: the first-login screen, nothing else, until the owner sets their own.
    await login(page, OFFICER.username, OFFICER.password)
    await page.getByRole('heading', { name: '请设置您自己的密码' }).waitFor()
    expect(await page.getByRole('navigation', { name: '主导航' }).count()).toBe(0)
    await noSidewaysScroll(page)
    await app.screenshot(`first-password-${size}`)
    await field(page, '管理员给您的密码').fill(OFFICER.password)
    await field(page, '新密码').fill(OWN_PASSWORD)
    await field(page, '确认新密码').fill(OWN_PASSWORD)
    await page.getByRole('button', { name: '设置新密码并继续' }).click()
    await page.getByRole('heading', { name: `${OFFICER.displayName}，您好` }).waitFor()
    await logout(page, OFFICER.displayName)

    // Five wrong passwords in a row lock the account and say for how long.
    for (let i = 0; i < 5; i++) {
      await login(page, OFFICER.username, `Wrong2024pass${i}`)
      await page
        .getByRole('alert')
        .filter({ hasText: i < 4 ? `还可尝试 ${4 - i} 次` : '账户已锁定' })
        .waitFor()
    }
    await page
      .getByRole('alert')
      .filter({ hasText: '密码错误次数过多，账户已锁定，请 15 分钟后再试或请管理员解锁' })
      .waitFor()
    await app.screenshot(`login-locked-${size}`)
    await login(page, OFFICER.username, OWN_PASSWORD)
    await page.getByRole('alert').filter({ hasText: '账户已锁定' }).waitFor()

    // The administrator unlocks from 用户管理.
    await login(page, ADMIN.username, ADMIN.password)
    await page.getByRole('heading', { name: `${ADMIN.displayName}，您好` }).waitFor()
    await nav(page, '用户管理').click()
    const row = page.getByRole('row').filter({ hasText: OFFICER.username })
    await row.getByText('已锁定').waitFor()
    await noSidewaysScroll(page)
    await app.screenshot(`users-locked-${size}`)
    await row.getByRole('button', { name: `解锁 ${OFFICER.username}` }).click()
    await row.getByText('已锁定').waitFor({ state: 'detached' })

    // The audit log, in Chinese: the lockout, the unlock, the username tried, the user's name.
    await nav(page, '审计日志').click()
    const table = page.getByRole('table', { name: '审计日志' })
    await table.getByText('密码错误次数过多，账户锁定').first().waitFor()
    await table.getByText('管理员解锁账户').first().waitFor()
    await table.getByText(`用户「${OFFICER.username}（${OFFICER.displayName}）」`).first().waitFor()
    await table
      .getByText(/连续输错次数：5/)
      .first()
      .waitFor()
    const text = (await table.textContent()) ?? ''
    expect(text).not.toMatch(/auth\.|user\.|wrong_password|lockedUntil|failedAttempts/)
    await noSidewaysScroll(page)
    await app.screenshot(`audit-${size}`)

    // Unlocked: the owner's own password works.
    await logout(page, ADMIN.displayName)
    await login(page, OFFICER.username, OWN_PASSWORD)
    await page.getByRole('heading', { name: `${OFFICER.displayName}，您好` }).waitFor()
    expect(app.problems).toEqual([])
  })
})
