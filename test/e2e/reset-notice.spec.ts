import { afterAll, describe, expect, it } from 'vitest'
import type { Result } from '../../src/shared/result'
import type { UserView } from '../../src/shared/accounts/types'
import { E2E_SETUP, openApp, type OpenedApp } from './harness'

/**
 * Issue 8 point 3: the owner of a password an administrator reset is told on their home page
 * (「您的密码已于 … 由管理员 … 重置」) until they acknowledge it.
 */
const REVIEWER = { username: 'li', displayName: '李审核', password: 'Review2024pass' }

async function dispatch<T>(app: OpenedApp, channel: string, input: unknown): Promise<T> {
  const r = (await app.core.dispatch(channel, input)) as Result<T>
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`)
  return r.data
}

describe('password reset notice on the home page', () => {
  let app: OpenedApp | undefined
  afterAll(async () => app?.destroy())

  it('shows who reset the password and when, until the owner acknowledges it', async () => {
    app = await openApp({ setup: true, firstLoginChange: true })
    const { page } = app
    const li = await dispatch<UserView>(app, 'users:create', { ...REVIEWER, roles: ['reviewer'] })
    await dispatch(app, 'users:reset-password', { id: li.id, password: 'Reset2024pass' })

    // 李审核 logs in with the password the administrator set and replaces it (the forced change
    // at the next login), then opens the app: the home page still says who reset it and when.
    await dispatch(app, 'auth:logout', {})
    await dispatch(app, 'auth:login', { username: REVIEWER.username, password: 'Reset2024pass' })
    await dispatch(app, 'auth:change-password', {
      oldPassword: 'Reset2024pass',
      newPassword: 'Mine2024pass',
    })
    await page.reload()
    await page.getByRole('heading', { name: `${REVIEWER.displayName}，您好` }).waitFor()

    const notice = page.getByTestId('password-reset-notice')
    await notice.waitFor()
    expect(await notice.textContent()).toMatch(
      new RegExp(
        `您的密码已于 \\d{4}年\\d+月\\d+日 [\\d:]+ 由管理员 ${E2E_SETUP.admin.displayName}`,
      ),
    )
    await app.screenshot('home-notice')
    await notice.getByRole('button', { name: '我知道了' }).click()
    await notice.waitFor({ state: 'detached' })
    expect(app.problems).toEqual([])
  })
})
