import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { openApp, type OpenedApp } from './harness'

const COUNT = 600
const title = (n: number) => `批量测试条目 ${String(n).padStart(4, '0')}`

const nav = (page: Page, label: string) =>
  page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: label, exact: true })

describe('drafting list: paged virtual rows, keyboard, refused attachment', () => {
  let app: OpenedApp | undefined

  afterAll(async () => {
    await app?.destroy()
  })

  it('pages through many items while keeping only the visible rows in the page', async () => {
    app = await openApp({ setup: true })
    for (let n = 1; n <= COUNT; n++) {
      const r = await app.core.dispatch('items:autosave', { kind: 'notice', title: title(n) })
      if (!r.ok) throw new Error(r.error.message)
    }
    const { page } = app
    await nav(page, '起草').click()
    await expect.poll(() => page.getByTestId('item-total').textContent()).toBe(`共 ${COUNT} 条`)

    await page.getByRole('combobox', { name: '排序' }).click()
    await page.getByRole('option', { name: '标题' }).click()
    await page.getByRole('button', { name: '降序' }).click()
    const grid = page.getByRole('grid', { name: '条目列表' })
    await grid.getByRole('row', { name: title(1) }).waitFor()
    const rendered = () => grid.locator('[role="row"][aria-rowindex]').count()
    expect(await rendered()).toBeLessThan(80)

    // Scrolling to the end loads the last page; the DOM still holds one screen of rows.
    await grid.evaluate((el) => el.scrollTo(0, el.scrollHeight))
    await grid.getByRole('row', { name: title(COUNT) }).waitFor()
    expect(await rendered()).toBeLessThan(80)

    // Keyboard: Home goes back to the top, ↓ moves, Enter opens.
    await grid.focus()
    await page.keyboard.press('Home')
    await grid.getByRole('row', { name: title(1) }).waitFor()
    await page.keyboard.press('ArrowDown')
    await expect
      .poll(() => grid.getByRole('row', { name: title(2) }).getAttribute('aria-selected'))
      .toBe('true')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByRole('textbox', { name: '标题' }).inputValue()).toBe(title(2))
    expect(app.problems).toEqual([])
  })

  it('shows core’s Chinese message for a refused attachment and keeps the item unchanged', async () => {
    const { page } = app!
    const bad = join(app!.dataDir, '安装程序.exe')
    await writeFile(bad, Buffer.from('MZ not really a program'))
    app!.platform.openFile = bad
    await page.getByRole('button', { name: '添加附件' }).click()
    await page
      .getByRole('alert', { name: '附件未添加' })
      .getByText('不支持的附件类型', { exact: false })
      .waitFor()
    await page.getByText('附件（0）').waitFor()
    await app!.screenshot('attachment-refused')
    expect(app!.problems).toEqual([])
  })

  it('tells the officer in Chinese when the item changed meanwhile, and reloads on request', async () => {
    const { page, core } = app!
    const id = page.url().split('/').pop() ?? ''
    // Another change recorded meanwhile (here: 有效性 set to 失效 through core).
    const other = await core.dispatch('items:set-validity', { id, validity: 'expired' })
    if (!other.ok) throw new Error(other.error.message)

    await page.getByRole('textbox', { name: '标题' }).fill('我的修改')
    await page.keyboard.press('Control+s')
    const dialog = page.getByRole('dialog', { name: '保存冲突' })
    await dialog.getByText('该条目已被修改', { exact: false }).waitFor()
    await app!.screenshot('conflict')
    await dialog.getByRole('button', { name: '重新载入最新版本' }).click()
    await expect.poll(() => page.getByRole('textbox', { name: '标题' }).inputValue()).toBe(title(2))
    await page
      .getByRole('combobox', { name: '有效性' })
      .and(page.locator('[value="失效"]'))
      .waitFor()
    expect(app!.problems).toEqual([])
  })
})
