import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import type { AppCore } from '../../src/core/api/types'
import type { BackupInfo } from '../../src/shared/backup/types'
import { E2E_SETUP, openApp, type OpenedApp } from './harness'

/**
 * Issue 10's restore flow (and issue 8 point 6): choose the file FIRST, then see its date, what it
 * holds and what would be set aside (kept in replaced/), then confirm, then progress; afterwards
 * everyone signs in again against the restored accounts. Screenshots at 1024×700 and 1366×768.
 */

const nav = (page: Page, label: string) =>
  page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: label, exact: true })

async function call<T>(core: AppCore, channel: string, input: unknown): Promise<T> {
  const r = await core.dispatch(channel, input)
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`)
  return r.data as T
}

let app: OpenedApp | undefined
afterAll(async () => app?.destroy())

describe('restore: choose, preview, confirm, progress', () => {
  it.each([
    { width: 1366, height: 768 },
    { width: 1024, height: 700 },
  ])('at $width×$height', async (viewport) => {
    await app?.destroy()
    app = await openApp({ setup: true, viewport })
    const { page, core, platform } = app
    const size = `${viewport.width}x${viewport.height}`

    // A backup on a "USB disk" (outside the backup list), then a user created after it.
    const usb = join(app.dataDir, 'u-disk', '备份.sqlite')
    platform.saveFile = () => usb
    await call<BackupInfo>(core, 'backup:create', {})
    await call(core, 'users:create', {
      username: 'later',
      displayName: '后来者',
      password: 'Later2024pass',
      roles: ['officer'],
    })

    await nav(page, '设置').click()
    await page.getByRole('heading', { name: '设置', exact: true }).waitFor()
    platform.openFile = usb
    await page.getByRole('button', { name: '从文件恢复…' }).click()

    // The file was chosen first; the dialog now shows what it holds before anything happens.
    const modal = page.getByRole('dialog', { name: '恢复备份' })
    await modal.waitFor()
    await modal.getByText(usb).waitFor()
    const counts = modal.getByRole('table', { name: '备份内容' })
    const users = counts.getByRole('row', { name: /用户/ })
    await expect.poll(() => users.locator('td').allTextContents()).toEqual(['用户', '1', '2'])
    await modal.getByText('恢复前记录', { exact: false }).first().waitFor()
    await modal.getByText(join(app.dataDir, 'replaced')).waitFor()
    expect(platform.openDialogs).toHaveLength(1)
    // Nothing was restored yet: the later user still exists.
    expect((await call<{ username: string }[]>(core, 'users:list', {})).length).toBe(2)
    await app.screenshot(`preview-${size}`)

    // The primary action is on the first screen.
    const confirm = modal.getByRole('button', { name: '确认恢复' })
    const box = await confirm.boundingBox()
    expect(box && box.y + box.height <= viewport.height).toBe(true)
    const scrollsSideways = await page.evaluate(
      () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
    )
    expect(scrollsSideways).toBe(false)

    await confirm.click()
    await page.getByText('已从备份恢复').first().waitFor()
    await page.getByRole('heading', { name: '登录' }).waitFor()
    await app.screenshot(`done-${size}`)

    // Signed in again: the backup's accounts, and the restore with its 恢复前记录 in the audit.
    await call(core, 'auth:login', {
      username: E2E_SETUP.admin.username,
      password: E2E_SETUP.admin.password,
    })
    const names = (await call<{ username: string }[]>(core, 'users:list', {})).map(
      (u) => u.username,
    )
    expect(names).toEqual(['admin'])
    const carried = await call<{ total: number }>(core, 'audit:list', {
      action: 'backup.restore.carried',
    })
    expect(carried.total).toBe(1)
    expect(await call(core, 'audit:verify', {})).toMatchObject({ ok: true })
    expect(app.problems).toEqual([])
  })
})
