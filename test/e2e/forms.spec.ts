import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppSettings } from '../../src/shared/settings/types'
import type { DraftingSettings } from '../../src/shared/catalogue/types'
import type { Result } from '../../src/shared/result'
import { openApp, type OpenedApp } from './harness'

/**
 * Issue 10, the forms LAYOUT owns: 设置 refuses out-of-range numbers with the range (never clamps
 * while saying 设置已保存); limits from the shared schemas stop the typing at the limit; dates are
 * typed (2024-02-20, 2024年2月20日, 20240220) as well as picked.
 */
describe('forms: ranges, limits as you type, typed dates', () => {
  let app: OpenedApp
  beforeAll(async () => {
    app = await openApp({ setup: true, viewport: { width: 1024, height: 700 } })
  })
  afterAll(async () => {
    await app?.destroy()
  })
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = (await app.core.dispatch(channel, input)) as Result<T>
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`)
    return r.data
  }
  const nav = (label: string) =>
    app.page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: label })

  it('设置: 0 and 99999 minutes, 2000 MB are refused with the range, nothing is stored', async () => {
    const page = app.page
    await nav('设置').click()
    const lock = page.getByRole('textbox', { name: '无操作自动锁定（分钟）' })
    await lock.fill('0')
    await page.getByText('须在 1–240 分钟之间').waitFor()
    await page.getByRole('button', { name: '保存设置' }).click()
    await lock.fill('99999')
    await page.getByText('须在 1–240 分钟之间').waitFor()
    await page.getByRole('button', { name: '保存设置' }).click()
    expect((await call<AppSettings>('settings:get', {})).lockAfterMinutes).toBe(15)
    await expect.poll(() => page.getByText('设置已保存').count()).toBe(0)

    const attach = page.getByRole('textbox', { name: '附件大小上限（MB）' })
    await attach.fill('2000')
    await page.getByText(/须在 1–1024 MB 之间/).waitFor()
    expect(await page.getByRole('button', { name: '保存附件上限' }).isDisabled()).toBe(true)
    await app.screenshot('settings-out-of-range-1024x700')

    // In range: saved, and said so.
    await attach.fill('200')
    await page.getByRole('button', { name: '保存附件上限' }).click()
    await page.getByText('附件大小上限已保存').waitFor()
    expect((await call<DraftingSettings>('drafting:get-settings', {})).attachmentMaxMb).toBe(200)
    await lock.fill('30')
    await page.getByRole('button', { name: '保存设置' }).click()
    await page.getByText('设置已保存').waitFor()
    expect((await call<AppSettings>('settings:get', {})).lockAfterMinutes).toBe(30)
  })

  it('登记申请: the name stops at the schema’s 100 characters; 签收日期 typed as 2025年3月3日', async () => {
    const page = app.page
    await nav('依申请公开').click()
    await page.getByRole('button', { name: '登记申请' }).click()
    const dialog = page.getByRole('dialog')
    const name = dialog.getByRole('textbox', { name: /^申请人姓名/ })
    await name.click()
    await page.keyboard.insertText('张'.repeat(150))
    expect((await name.inputValue()).length).toBe(100)
    await name.fill('张三丰')
    const received = dialog.getByRole('textbox', { name: /^签收日期/ })
    await received.fill('2025年3月3日')
    await dialog
      .getByRole('textbox', { name: /^申请公开的政府信息/ })
      .fill('2024 年度行政处罚决定书')
    expect(await received.inputValue()).toBe('2025年3月3日')
    const submitted = dialog.getByRole('textbox', { name: /^提交（寄出）日期/ })
    await submitted.fill('20250226')
    await received.click()
    expect(await submitted.inputValue()).toBe('2025年2月26日')
    await app.screenshot('register-typed-dates-1024x700')
    await dialog.getByRole('button', { name: '登记' }).click()
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0)
    const list = await call<{ rows: { receivedDate: string; applicantName: string }[] }>(
      'requests:list',
      {},
    )
    expect(list.rows[0]).toMatchObject({ receivedDate: '2025-03-03', applicantName: '张某' })
    expect(app.problems.filter((p) => !p.includes('blocked request'))).toEqual([])
  })
})
