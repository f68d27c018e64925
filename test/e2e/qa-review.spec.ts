import type { Locator, Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import type { AppCore } from '../../src/core/api/types'
import type { QaReviewView } from '../../src/shared/engagement/types'
import type { ItemView } from '../../src/shared/items/types'
import { coreCall as call, passItemReview } from './core-review'
import { E2E_SETUP, openApp, type OpenedApp } from './harness'

const ADMIN = E2E_SETUP.admin
const OFFICER = { username: 'qicao', displayName: '张起草', password: 'Officer2024pass' }
const REVIEWER = { username: 'shenhe', displayName: '李审核', password: 'Review2024pass' }
const LEADER = { username: 'qianfa', displayName: '赵签发', password: 'Leader2024pass' }
const SIZES = [
  { width: 1024, height: 700 },
  { width: 1366, height: 768 },
] as const
const POLICY = '淄博高新区小微企业发展补贴办法'
const QUESTION = '小微企业补贴申请后多久到账？'
const ANSWER =
  '审核通过后 15 个工作日内拨付至企业对公账户。咨询电话 13912345678（经办人本人同意公开）。'

const field = (scope: Page | Locator, label: string) =>
  scope.getByLabel(new RegExp(`^${label}( \\*)?$`))

async function login(page: Page, user: { username: string; password: string }): Promise<void> {
  await field(page, '用户名').fill(user.username)
  await field(page, '密码').fill(user.password)
  await field(page, '密码').press('Enter')
  await page.getByRole('heading', { name: /，您好$/ }).waitFor()
}

async function switchUser(
  page: Page,
  from: { displayName: string },
  to: { username: string; password: string },
): Promise<void> {
  await page.getByRole('button', { name: `用户菜单：${from.displayName}` }).click()
  await page.getByRole('menuitem', { name: '退出登录' }).click()
  await page.getByRole('heading', { name: '登录' }).waitFor()
  await login(page, to)
}

/** The policy the answer rests on, approved through the item review. */
async function approvedPolicy(core: AppCore): Promise<ItemView> {
  const policy = await call<ItemView>(core, 'items:save', {
    kind: 'policy',
    title: POLICY,
    bodyHtml:
      '<p>第一条 为支持小微企业发展，制定本办法。</p><p>第二条 本办法自发布之日起施行。</p>',
    issuer: '淄博高新区管委会办公室',
    docNumber: '无文号',
  })
  await passItemReview(core, policy.id, [REVIEWER, LEADER], ADMIN)
  return policy
}

/** Opens the Q&A review from the home page's 「待我审核问答」 card. */
async function openFromHome(page: Page): Promise<Locator> {
  const card = page.getByTestId('todo-awaiting-qa-review')
  await expect.poll(() => card.getByTestId('todo-count').textContent()).toBe('1')
  await card.getByRole('link', { name: QUESTION }).click()
  const dialog = page.getByRole('dialog', { name: '政策问答保密审查' })
  await dialog.getByTestId('qa-review-panel').waitFor()
  return dialog
}

async function shots(app: OpenedApp, name: string): Promise<void> {
  for (const close of await app.page.locator('.mantine-Notification-root button').all()) {
    await close.click().catch(() => undefined)
  }
  for (const size of SIZES) {
    await app.page.setViewportSize(size)
    await app.page.waitForTimeout(250)
    await app.screenshot(`${name}-${size.width}x${size.height}`)
  }
}

describe('政策问答 through the 保密审查 chain (issue 14)', () => {
  let app: OpenedApp | undefined
  afterAll(async () => {
    await app?.destroy()
  })

  it('an officer writes an entry; the reviewer (with a reason for the high finding) then the leader approve it', async () => {
    app = await openApp({ setup: true })
    const { page, core } = app
    for (const [user, roles] of [
      [OFFICER, ['officer']],
      [REVIEWER, ['reviewer']],
      [LEADER, ['leader']],
    ] as const) {
      await call(core, 'users:create', { ...user, roles: [...roles] })
    }
    await approvedPolicy(core)
    await page.reload()
    await page.getByRole('heading', { name: /，您好$/ }).waitFor()
    await switchUser(page, ADMIN, OFFICER)

    // The officer writes the entry and submits it.
    await page.evaluate(() => (window.location.hash = '#/engagement?tab=qa'))
    await page.getByRole('button', { name: '新增问答' }).click()
    const form = page.getByRole('dialog', { name: '新增政策问答' })
    await field(form, '问题').fill(QUESTION)
    await field(form, '答复').fill(ANSWER)
    await field(form, '依据政策').click()
    await page.getByRole('option', { name: POLICY }).click()
    await form.getByRole('button', { name: '保存' }).click()
    await form.waitFor({ state: 'hidden' })
    const table = page.getByTestId('qa-table')
    const row = table.getByRole('row', { name: new RegExp(QUESTION) })
    await row.getByRole('button', { name: '提交审核' }).click()
    await row.getByTestId('qa-step').getByText('保密审核（第 1/2 步）').waitFor()
    await shots(app, 'submitted')

    // 李审核: the home page lists it; the findings over 问题/答复 are shown; 同意 needs the reason.
    await switchUser(page, OFFICER, REVIEWER)
    // The 保密审查 queue says so too, and leads to the Q&A tab.
    await page.evaluate(() => (window.location.hash = '#/review'))
    await page.getByTestId('qa-waiting').getByText('另有 1 条政策问答等待您审核').waitFor()
    await page.evaluate(() => (window.location.hash = '#/'))
    let dialog = await openFromHome(page)
    await dialog.getByText('扫描发现（问题与答复').waitFor()
    await dialog.getByText('13912345678').first().waitFor()
    const form1 = dialog.getByTestId('qa-decision-form')
    await form1.getByRole('button', { name: '同意' }).click()
    await form1.getByText('请填写理由').first().waitFor()
    const reasons = form1.getByLabel(/^保留理由：/)
    expect(await reasons.count()).toBeGreaterThan(0)
    for (const reason of await reasons.all()) await reason.fill('经办人本人同意公开其工作电话')
    await field(form1, '审核意见').fill('未发现涉密内容，同意。')
    await shots(app, 'reviewer-decides')
    await form1.getByRole('button', { name: '同意' }).click()
    await dialog.getByTestId('qa-cannot-decide').waitFor()
    await dialog.getByText('未发现涉密内容，同意。').waitFor()
    await page.keyboard.press('Escape')

    // 赵签发 signs the final step: 已审核.
    await switchUser(page, REVIEWER, LEADER)
    dialog = await openFromHome(page)
    // The signer answers for the kept finding too (every 同意 carries its own reasons).
    const form2 = dialog.getByTestId('qa-decision-form')
    for (const reason of await form2.getByLabel(/^保留理由：/).all()) {
      await reason.fill('同意保留：经办人工作电话')
    }
    await form2.getByRole('button', { name: '同意' }).click()
    await dialog.getByText('已通过', { exact: false }).first().waitFor()
    await expect.poll(() => dialog.getByTestId('qa-decision').count()).toBe(2)
    await shots(app, 'approved-record')
    await page.keyboard.press('Escape')
    await table
      .getByRole('row', { name: new RegExp(QUESTION) })
      .getByText('已审核')
      .waitFor()

    const [entry] = await call<{ id: string; state: string; reviewedByName: string }[]>(
      core,
      'engagement:qa-list',
      {},
    )
    expect(entry).toMatchObject({ state: 'approved', reviewedByName: LEADER.displayName })
    const view = await call<QaReviewView>(core, 'engagement:qa-review-get', { id: entry!.id })
    expect(view.steps.map((s) => s.decisions.map((d) => d.deciderName))).toEqual([
      [REVIEWER.displayName],
      [LEADER.displayName],
    ])
    expect(view.steps[0]?.decisions[0]?.highReasons.length).toBeGreaterThan(0)
    expect(app.problems.filter((p) => !p.includes('blocked request'))).toEqual([])
  })
})
