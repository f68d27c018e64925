import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import type { ChecklistVersion, ReviewView } from '../../src/shared/review/types'
import type { ItemView } from '../../src/shared/items/types'
import type { Result } from '../../src/shared/result'
import { E2E_SETUP, openApp, type OpenedApp } from './harness'

/**
 * Issue 10 in a real browser: 修订稿 (an approved item is edited only after the question, the
 * approved revision stays in force and both states show in the list, the editor header and the
 * 同步 page; approving the working revision replaces it), the same question for a 待审查 item, a
 * line typed just before 锁定 / 退出登录 kept, and the body's toolbar staying in view.
 */

const REVIEWER = { username: 'li', displayName: '李审核', password: 'Review2024pass' }
const LEADER = { username: 'liu', displayName: '刘签发', password: 'Leader2024pass' }
const ADMIN = E2E_SETUP.admin
const APPROVED_TITLE =
  '关于公布2026年度行政事业性收费目录清单的通知（含各部门收费项目、收费标准及收费依据的详细说明）'
const PENDING_TITLE = '关于开展2026年度政务公开工作考核的通知'
const WORKING_LINE = '第七条 本目录自发布之日起施行。'
const LOCK_LINE = '锁定之前刚刚输入的一行文字'
const LOGOUT_LINE = '退出登录之前刚刚输入的一行文字'

async function call<T>(app: OpenedApp, channel: string, input: unknown): Promise<T> {
  const r = (await app.core.dispatch(channel, input)) as Result<T>
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`)
  return r.data
}

const answersOf = (checklist: ChecklistVersion) =>
  checklist.questions.map((q) => ({
    questionId: q.id,
    answer: q.noteRequiredOn.includes('yes') ? 'no' : 'yes',
  }))

async function submit(app: OpenedApp, item: ItemView): Promise<void> {
  const checklist = await call<ChecklistVersion>(app, 'review:checklist-get', {})
  await call(app, 'review:submit', {
    itemId: item.id,
    revision: item.revision,
    contentHash: item.contentHash,
    checklistVersion: checklist.version,
    selfCheck: answersOf(checklist),
    carrier: 'official',
    channels: ['website'],
  })
}

/** 保密审核 by 李审核, 领导签发 by 刘签发 (the review channels), then the administrator again. */
async function approveSubmitted(app: OpenedApp, itemId: string): Promise<ItemView> {
  const checklist = await call<ChecklistVersion>(app, 'review:checklist-get', {})
  for (const user of [REVIEWER, LEADER]) {
    await call(app, 'auth:login', { username: user.username, password: user.password })
    const view = await call<ReviewView>(app, 'review:get', { itemId })
    await call(app, 'review:decide', {
      itemId,
      reviewId: view.review?.id,
      stepIndex: view.review?.currentStep ?? 0,
      contentHash: view.item.contentHash,
      decision: 'approve',
      checklist: answersOf(checklist),
    })
  }
  await call(app, 'auth:login', { username: ADMIN.username, password: ADMIN.password })
  return call<ItemView>(app, 'items:get', { id: itemId })
}

const nav = (page: Page, label: string) =>
  page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: label, exact: true })
const body = (page: Page) => page.locator('.dd-body-editor .tiptap')
const header = (page: Page) => page.locator('.dd-editor-sticky')
const titleField = (page: Page) => page.getByRole('textbox', { name: '标题' })

async function openItem(page: Page, id: string): Promise<void> {
  await page.evaluate((to) => (window.location.hash = to), `#/drafts/${id}`)
  await header(page).waitFor()
  await page.getByTestId('save-status').waitFor()
}

async function shot(app: OpenedApp, name: string): Promise<void> {
  for (const close of await app.page.locator('.mantine-Notification-root button').all()) {
    await close.click().catch(() => undefined)
  }
  await app.page.evaluate(() => window.scrollTo(0, 0))
  await app.screenshot(name)
}

/** Both sizes of issue 10's layout check. */
async function atBothSizes(app: OpenedApp, name: string): Promise<void> {
  for (const size of [
    { width: 1024, height: 700 },
    { width: 1366, height: 768 },
  ]) {
    await app.page.setViewportSize(size)
    await app.page.waitForTimeout(150)
    // Status badges are never truncated, the page never scrolls sideways.
    const cut = await app.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.mantine-Badge-label')]
        .filter((b) => b.offsetParent !== null && b.scrollWidth > b.clientWidth + 1)
        .map((b) => b.textContent),
    )
    expect(cut, `${name} at ${size.width}: truncated badges`).toEqual([])
    const sideways = await app.page.evaluate(
      () => document.scrollingElement!.scrollWidth > window.innerWidth + 1,
    )
    expect(sideways, `${name} at ${size.width}: scrolls sideways`).toBe(false)
    // Titles ellipsise but are never squeezed below 4 characters.
    const squeezed = await app.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-title-text]')]
        .filter((el) => el.offsetParent !== null)
        .filter((el) => el.clientWidth < 4 * parseFloat(getComputedStyle(el).fontSize))
        .map((el) => el.dataset['titleText']),
    )
    expect(squeezed, `${name} at ${size.width}: squeezed titles`).toEqual([])
    await shot(app, `${name}-${size.width}x${size.height}`)
  }
  await app.page.setViewportSize({ width: 1366, height: 820 })
}

describe('修订稿 and nothing typed is lost (issue 10)', () => {
  let app: OpenedApp | undefined
  let approved: ItemView

  afterAll(async () => {
    await app?.destroy()
  })

  it('an approved item opens locked; 「修改」 asks first, and the edit is a 修订稿 beside 已通过 第 1 版', async () => {
    app = await openApp({ setup: true })
    const { page } = app
    await page.getByRole('heading', { name: `${ADMIN.displayName}，您好` }).waitFor()
    await call(app, 'users:create', { ...REVIEWER, roles: ['reviewer'] })
    await call(app, 'users:create', { ...LEADER, roles: ['leader'] })
    const draft = await call<ItemView>(app, 'items:save', {
      kind: 'notice',
      title: APPROVED_TITLE,
      bodyHtml: '<p>根据有关规定，现将本年度行政事业性收费目录清单公布如下。</p>',
      issuer: '淄博高新区管委会办公室',
      docNumber: '淄高新管办字〔2026〕8号',
      signedDate: '2026-11-20',
    })
    await submit(app, draft)
    approved = await approveSubmitted(app, draft.id)
    expect(approved.status).toBe('approved')

    await openItem(page, approved.id)
    await header(page).getByText('已通过').waitFor()
    // Locked: the fields are read-only and a stray keystroke changes nothing.
    const banner = page.getByRole('alert', { name: '修改前须确认' })
    await banner.waitFor()
    expect(await titleField(page).getAttribute('readonly')).not.toBeNull()
    await body(page).click()
    await page.keyboard.type('误触')
    expect(await body(page).textContent()).not.toContain('误触')
    await atBothSizes(app, 'approved-locked')

    await banner.getByRole('button', { name: '修改（开始修订稿）' }).click()
    const dialog = page.getByRole('dialog', { name: '开始修订稿？' })
    await dialog
      .getByText(
        '已通过的第 1 版保持不变并继续同步；修改将开始修订稿（第 2 版），需重新审查后替换。',
      )
      .waitFor()
    await shot(app, 'approved-ask-first')
    await dialog.getByRole('button', { name: '开始修订稿' }).click()
    await banner.waitFor({ state: 'detached' })

    await body(page).click()
    await page.keyboard.press('Control+End')
    await page.keyboard.press('Enter')
    await page.keyboard.type(WORKING_LINE)
    await expect
      .poll(() => page.getByTestId('save-status').textContent(), { timeout: 15_000 })
      .toMatch(/已自动保存/)
    const both = header(page).locator('[data-revision-state]')
    await expect
      .poll(() => both.getAttribute('data-revision-state'), { timeout: 10_000 })
      .toBe('已通过 第 1 版 · 修订中 第 2 版')
    await header(page).getByText('已通过 第 1 版').waitFor()
    await header(page).getByText('修订中 第 2 版').waitFor()
    await atBothSizes(app, 'editor-two-states')
    expect(app.problems).toEqual([])
  })

  it('the list and the 同步 page show both states; the district still gets 第 1 版', async () => {
    const { page } = app!
    await nav(page, '起草').click()
    const row = page
      .getByRole('grid', { name: '条目列表' })
      .getByRole('row', { name: APPROVED_TITLE })
    await row.waitFor()
    await row.getByText('已通过 第 1 版').waitFor()
    await row.getByText('修订中 第 2 版').waitFor()
    await atBothSizes(app!, 'list-two-states')

    await nav(page, '同步').click()
    const pending = page.getByRole('table', { name: '待同步' })
    await pending.waitFor()
    const entry = pending.getByRole('row', { name: new RegExp(APPROVED_TITLE.slice(0, 12)) })
    await entry.getByText('第 1 版', { exact: true }).waitFor()
    await entry.getByText('已通过 第 1 版 · 修订中 第 2 版').waitFor()
    await atBothSizes(app!, 'sync-two-states')
    expect(app!.problems).toEqual([])
  })

  it('approving the 修订稿 replaces the approved revision: 已通过 第 2 版, queued for the district', async () => {
    const { page } = app!
    const working = await call<ItemView>(app!, 'items:get', { id: approved.id })
    expect(working).toMatchObject({ status: 'draft', revision: 2 })
    await submit(app!, working)
    // The reviewer's screen says both states: what is in force and what is being reviewed.
    await page.evaluate((to) => (window.location.hash = to), `#/review/${approved.id}`)
    const reviewStates = page.locator('.dd-review [data-revision-state]').first()
    await expect
      .poll(() => reviewStates.getAttribute('data-revision-state'), { timeout: 10_000 })
      .toBe('已通过 第 1 版 · 修订稿待审查 第 2 版')
    await page.locator('.dd-review').getByText('修订稿待审查 第 2 版', { exact: true }).waitFor()
    await shot(app!, 'review-two-states')
    const replaced = await approveSubmitted(app!, approved.id)
    expect(replaced).toMatchObject({ status: 'approved', revision: 2, liveRevision: null })

    await nav(page, '起草').click()
    await nav(page, '同步').click()
    await page.getByRole('table', { name: '待同步' }).waitFor()
    const pending = page.getByRole('table', { name: '待同步' })
    await pending.getByText('第 2 版', { exact: true }).waitFor()
    expect(await pending.getByText('第 1 版', { exact: true }).count()).toBe(0)
    expect(await pending.getByText('修订中', { exact: false }).count()).toBe(0)
    await openItem(page, approved.id)
    await header(page).getByText('已通过', { exact: true }).waitFor()
    await body(page).getByText(WORKING_LINE).waitFor()
    await shot(app!, 'revision-replaced')
    expect(app!.problems).toEqual([])
  })

  it('a 待审查 item asks 「修改将撤回本次审查……」 first; cancelling keeps the review', async () => {
    const { page } = app!
    const item = await call<ItemView>(app!, 'items:save', {
      kind: 'notice',
      title: PENDING_TITLE,
      bodyHtml: '<p>请各部门按要求做好考核准备。</p>',
    })
    await submit(app!, item)
    await openItem(page, item.id)
    await header(page).getByText('待审查').waitFor()
    const banner = page.getByRole('alert', { name: '修改前须确认' })
    await banner.getByRole('button', { name: '撤回审查并修改' }).click()
    const dialog = page.getByRole('dialog', { name: '撤回审查并修改？' })
    await dialog.getByText(/^修改将撤回本次审查/).waitFor()
    await atBothSizes(app!, 'pending-ask-first')
    await dialog.getByRole('button', { name: '取消' }).click()
    await dialog.waitFor({ state: 'detached' })
    expect(await titleField(page).getAttribute('readonly')).not.toBeNull()
    expect((await call<ItemView>(app!, 'items:get', { id: item.id })).status).toBe('pending_review')
    expect(app!.problems).toEqual([])
  })

  it('a line typed just before 锁定 is in the database after unlocking', async () => {
    const { page } = app!
    await nav(page, '起草').click()
    await page.getByRole('button', { name: '新建' }).click()
    await titleField(page).fill('锁定前保存测试')
    await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(/#\/drafts\/[0-9a-f-]{36}$/)
    const id = page.url().split('/').pop()!
    await body(page).click()
    await page.keyboard.type(LOCK_LINE)
    // At once — well inside the autosave's debounce.
    await page.getByRole('button', { name: `用户菜单：${ADMIN.displayName}` }).click()
    await page.getByRole('menuitem', { name: '锁定' }).click()
    await page.getByRole('heading', { name: '已锁定' }).waitFor()
    await page.getByLabel(/^密码/).fill(ADMIN.password)
    await page.getByRole('button', { name: '解锁' }).click()
    await page.getByRole('heading', { name: '已锁定' }).waitFor({ state: 'detached' })
    expect((await call<ItemView>(app!, 'items:get', { id })).bodyHtml).toContain(LOCK_LINE)
    await openItem(page, id)
    await body(page).getByText(LOCK_LINE).waitFor()
    expect(app!.problems).toEqual([])
  })

  it('a line typed just before 退出登录 is in the database after logging in again', async () => {
    const { page } = app!
    const id = page.url().split('/').pop()!
    await body(page).click()
    await page.keyboard.press('Control+End')
    await page.keyboard.press('Enter')
    await page.keyboard.type(LOGOUT_LINE)
    await page.getByRole('button', { name: `用户菜单：${ADMIN.displayName}` }).click()
    await page.getByRole('menuitem', { name: '退出登录' }).click()
    await page.getByRole('heading', { name: '登录' }).waitFor()
    await page.getByLabel(/^用户名/).fill(ADMIN.username)
    await page.getByLabel(/^密码/).fill(ADMIN.password)
    await page.getByLabel(/^密码/).press('Enter')
    await page.getByRole('heading', { name: /，您好$/ }).waitFor()
    const stored = await call<ItemView>(app!, 'items:get', { id })
    expect(stored.bodyHtml).toContain(LOCK_LINE)
    expect(stored.bodyHtml).toContain(LOGOUT_LINE)
    expect(app!.problems).toEqual([])
  })

  it('the body toolbar stays in view in a long body, at 1024×700', async () => {
    const { page } = app!
    const long = await call<ItemView>(app!, 'items:save', {
      kind: 'notice',
      title: '长正文条目',
      bodyHtml: Array.from(
        { length: 60 },
        (_, i) => `<p>第 ${i + 1} 段：根据工作安排，现将有关事项通知如下。</p>`,
      ).join(''),
    })
    await page.setViewportSize({ width: 1024, height: 700 })
    await openItem(page, long.id)
    await body(page).getByText('第 60 段', { exact: false }).scrollIntoViewIfNeeded()
    await page.waitForTimeout(200)
    const toolbar = page.locator('.dd-body-toolbar')
    const box = await toolbar.boundingBox()
    const headerBox = await header(page).boundingBox()
    expect(box).not.toBeNull()
    expect(box!.y).toBeGreaterThanOrEqual(headerBox!.y + headerBox!.height - 2)
    expect(box!.y + box!.height).toBeLessThanOrEqual(700)
    await page.getByRole('button', { name: '二级标题' }).waitFor()
    expect(await page.getByRole('button', { name: '二级标题' }).isVisible()).toBe(true)
    // The viewport as the officer sees it, scrolled to the end of the body.
    const dir = join(__dirname, '..', '..', 'test-results', 'e2e-screenshots')
    await page.screenshot({ path: join(dir, 'revisions-sticky-toolbar-1024x700.png') })
    await page.setViewportSize({ width: 1366, height: 768 })
    await body(page).getByText('第 60 段', { exact: false }).scrollIntoViewIfNeeded()
    await page.waitForTimeout(200)
    expect(await page.getByRole('button', { name: '二级标题' }).isVisible()).toBe(true)
    await page.screenshot({ path: join(dir, 'revisions-sticky-toolbar-1366x768.png') })
    expect(app!.problems).toEqual([])
  })
})
