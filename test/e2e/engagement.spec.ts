import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import type { AppCore } from '../../src/core/api/types'
import type { ConsultationView } from '../../src/shared/engagement/types'
import type { ItemView } from '../../src/shared/items/types'
import { deterministicBytes } from '../helpers/deterministic-bytes'
import { XSS_PAYLOADS } from '../helpers/xss-payloads'
import { spawnServer, type SpawnedServer } from '../server/helpers/spawn-server'
import { coreCall, passItemReview } from './core-review'
import { E2E_SETUP, openApp, type OpenedApp } from './harness'

const run = promisify(execFile)

const REVIEWER = { username: 'li', displayName: '李审核', password: 'Review2024pass' }
const LEADER = { username: 'liu', displayName: '刘签发', password: 'Leader2024pass' }
const EXPLANATION = '起草说明.pdf'
const SIZES = [
  { width: 1024, height: 700 },
  { width: 1366, height: 768 },
] as const

const call = coreCall

/** Submits the item (as the administrator) and approves both steps as 李审核 and 刘签发. */
const passReview = (core: AppCore, itemId: string): Promise<void> =>
  passItemReview(core, itemId, [REVIEWER, LEADER], E2E_SETUP.admin)

const field = (scope: Page | Locator, label: string) =>
  scope.getByLabel(new RegExp(`^${label}( \\*)?$`))

const nav = (page: Page, label: string) =>
  page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: label, exact: true })

/** `YYYY-MM-DD` of today + `days` in Beijing. */
const beijingDay = (days = 0) =>
  new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10)

/** How far the desk's clock runs ahead of real time (the officer comes back after the period). */
let deskAhead = 0
const DAY = 86_400_000

/** Moves the desk's clock `days` ahead and signs the administrator in again (idle lock). */
async function deskLater(core: AppCore, days: number): Promise<void> {
  deskAhead = days * DAY
  await call(core, 'auth:login', {
    username: E2E_SETUP.admin.username,
    password: E2E_SETUP.admin.password,
  })
}

async function shots(
  app: OpenedApp,
  page: Page,
  name: string,
  take?: (n: string) => Promise<void>,
) {
  for (const size of SIZES) {
    await page.setViewportSize(size)
    await page.waitForTimeout(200)
    const file = `${name}-${size.width}x${size.height}`
    if (take) await take(file)
    else await app.screenshot(file)
  }
}

describe('政民互动: a consultation from draft to adoption result, on both sides', () => {
  let app: OpenedApp | undefined
  let citizen: BrowserContext | undefined
  let server: SpawnedServer | undefined
  let serverDir = ''

  afterAll(async () => {
    await citizen?.close()
    await app?.destroy()
    await server?.stop()
    if (serverDir) await rm(serverDir, { recursive: true, force: true })
  })

  it('opens, reviews and syncs a consultation; a citizen comments on the public page; the officer decides and generates the result', async () => {
    serverDir = await mkdtemp(join(tmpdir(), 'dd-e2e-engagement-'))
    const { stdout } = await run(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/server/admin.ts',
        '--data',
        serverDir,
        'create-department',
        '--code',
        'ZBGX',
        '--name',
        E2E_SETUP.department.name,
      ],
      { env: { ...process.env, DATABASE_URL: '' } },
    )
    const token = String(
      (JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { token: string }).token,
    )
    server = await spawnServer(['--data', serverDir, '--port', '0'])

    app = await openApp({ setup: true, clock: () => new Date(Date.now() + deskAhead) })
    const { page, core } = app
    for (const user of [
      { ...REVIEWER, roles: ['reviewer'] },
      { ...LEADER, roles: ['leader'] },
    ]) {
      await call(core, 'users:create', user)
    }
    await call(core, 'sync:update-settings', { serverUrl: server.url, token })
    const draft = await call<ItemView>(core, 'items:save', {
      kind: 'policy',
      title: '淄博高新区小微企业发展补贴办法（征求意见稿）',
      bodyHtml:
        '<p>第一条 为支持小微企业发展，根据有关规定，制定本办法。</p>' +
        '<p>第二条 本办法适用于在本区登记注册、依法经营的小微企业。</p>' +
        '<p>第三条 申请补贴的企业须连续缴纳社会保险满一年。</p>' +
        '<p>第四条 补贴资金直接拨付至企业对公账户。</p>' +
        '<p>第五条 本办法自发布之日起施行。</p>',
      issuer: '淄博高新区管委会办公室',
      docNumber: '无文号',
      signedDate: beijingDay(),
    })

    // The officer opens the consultation from the draft: the editor's 「发起意见征集」 opens the
    // form on the 政民互动 page with this draft chosen.
    await page.evaluate((to) => (window.location.hash = to), `#/drafts/${draft.id}`)
    const fromEditor = page
      .getByRole('region', { name: '意见征集' })
      .getByRole('button', { name: '发起意见征集' })
    await fromEditor.click()
    await expect.poll(() => page.url()).toMatch(/#\/engagement/)
    const dialog = page.getByRole('dialog', { name: '发起意见征集' })
    await expect.poll(() => field(dialog, '征求意见稿').inputValue()).toContain(draft.title)
    await field(dialog, '征集主题').fill(
      '《淄博高新区小微企业发展补贴办法（征求意见稿）》公开征求意见',
    )
    await field(dialog, '开始日期').fill(beijingDay())
    await field(dialog, '截止日期').fill(beijingDay(3))
    await field(dialog, '征集说明').click()
    // Three days is short for a 行政规范性文件: core warns (国办发〔2018〕37号).
    await expect
      .poll(() => dialog.getByTestId('period-warnings').textContent())
      .toContain('不少于 7 个工作日')
    await field(dialog, '截止日期').fill(beijingDay(20))
    await field(dialog, '征集说明').click()
    await expect.poll(() => dialog.getByTestId('period-warnings').count()).toBe(0)
    await field(dialog, '征集说明').fill('一、补贴申请条件是否合理？\n二、资金拨付方式是否便利？')
    await field(dialog, '联系方式').fill('区经济发展局综合科，电话 0533-3580000')
    await app.screenshot('open-form')
    await dialog.getByRole('button', { name: '发起意见征集' }).click()
    await page.getByTestId('consultation-record').waitFor()
    const id = page.url().split('/').pop() ?? ''
    let view = await call<ConsultationView>(core, 'engagement:consultation-get', { id })
    expect(view.state).toBe('preparing')
    expect(view.notice?.kind).toBe('consultation')

    // The files the public may download go on the notice, so they pass 保密审查 with it: the
    // record's link opens the notice in the editor, 添加附件 picks the 起草说明.
    await page.getByText('供公众下载的附件（如起草说明）请在公告中添加', { exact: false }).waitFor()
    await page
      .getByTestId('consultation-record')
      .getByRole('link', { name: view.notice!.title })
      .click()
    await page.waitForURL(new RegExp(`/drafts/${view.notice!.id}$`))
    const fixtures = join(app.dataDir, 'fixtures')
    await mkdir(fixtures, { recursive: true })
    const explanation = deterministicBytes(180_000, 14, '%PDF-1.4\n')
    app.platform.openFile = join(fixtures, EXPLANATION)
    await writeFile(app.platform.openFile, explanation)
    await page.getByRole('button', { name: '添加附件' }).click()
    await page.getByRole('listitem', { name: EXPLANATION }).waitFor()

    // The notice passes 保密审查 and is synced (立即同步 on the 同步 page).
    await passReview(core, view.notice!.id)
    await nav(page, '同步').click()
    await page.getByRole('button', { name: '立即同步' }).click()
    await expect
      .poll(
        async () =>
          (await call<ConsultationView>(core, 'engagement:consultation-get', { id })).state,
        { timeout: 20_000 },
      )
      .toBe('open')
    view = await call<ConsultationView>(core, 'engagement:consultation-get', { id })
    expect(view.publicUrl).toBe(`${server.url}/consultations/${id}`)

    // A citizen, in another browser, on the server's public page.
    citizen = await app.browser.newContext({ locale: 'zh-CN' })
    const pub = await citizen.newPage()
    await pub.goto(view.publicUrl!)
    await pub.getByRole('heading', { name: view.title }).waitFor()
    const takePub = async (n: string) => {
      await pub.screenshot({
        path: join('test-results', 'e2e-screenshots', `engagement-${n}.png`),
        fullPage: true,
      })
    }
    await shots(app, pub, 'public-page', takePub)
    // The 起草说明 is a plain link with its size; the click downloads the very bytes.
    const files = pub.locator('#attachments')
    await files.getByText('（175.8 KB）').waitFor()
    const [download] = await Promise.all([
      pub.waitForEvent('download'),
      files.getByRole('link', { name: EXPLANATION }).click(),
    ])
    expect(download.suggestedFilename()).toBe(EXPLANATION)
    const saved = join(serverDir, 'downloaded.pdf')
    await download.saveAs(saved)
    expect((await readFile(saved)).equals(explanation)).toBe(true)
    await files.scrollIntoViewIfNeeded()
    for (const size of SIZES) {
      await pub.setViewportSize(size)
      await pub.waitForTimeout(200)
      await pub.screenshot({
        path: join(
          'test-results',
          'e2e-screenshots',
          `engagement-public-attachments-${size.width}x${size.height}.png`,
        ),
      })
    }
    await pub.getByLabel('针对的段落（可选）').selectOption('3')
    const typed = '建议将“连续缴纳社会保险满一年”改为“满六个月”，<b>刚落户的</b>小微企业也能申请。'
    await pub.getByLabel('意见内容（必填）').fill(typed)
    await pub.getByLabel('姓名或单位（可选）').fill('王女士')
    await pub.getByLabel('联系方式（可选）').fill('13812345678')
    await pub.getByRole('button', { name: '提交意见' }).click()
    const receipt = (await pub.locator('#receipt').textContent())?.trim() ?? ''
    expect(receipt).toMatch(/^YJ\d{8}[A-Z2-9]{8}$/)
    await shots(app, pub, 'public-receipt', takePub)

    // The officer syncs and sees it, contact masked, the markup as text.
    await page.getByRole('button', { name: '立即同步' }).click()
    await expect
      .poll(
        async () =>
          (await call<ConsultationView>(core, 'engagement:consultation-get', { id })).commentCount,
        { timeout: 20_000 },
      )
      .toBe(1)
    await nav(page, '政民互动').click()
    await page.getByTestId('consultation-list').getByText(view.title).click()
    const row = page.getByTestId('comment-row')
    await row.getByText(typed).waitFor()
    await row.getByText('138****5678', { exact: false }).waitFor()
    expect(await page.locator('b', { hasText: '刚落户的' }).count()).toBe(0)
    await shots(app, page, 'comment-list')

    // Decide: 部分采纳 with the reason, on paragraph 3; the commenter writes for a company.
    await row.getByRole('button', { name: '处理' }).click()
    const decide = page.getByRole('dialog', { name: '处理意见' })
    await field(decide, '意见人身份').click()
    await page.getByRole('option', { name: '企业' }).click()
    await field(decide, '处理结果').click()
    await page.getByRole('option', { name: '部分采纳' }).click()
    await field(decide, '理由及说明').fill('社保年限调整为连续缴纳满六个月；其余条件不变。')
    await decide.getByRole('button', { name: '保存处理结果' }).click()
    await row.getByText('部分采纳').waitFor()
    await row.getByText('企业', { exact: true }).waitFor()

    // While the period runs the result cannot be generated: a late comment may still come.
    const generateButton = page.getByRole('button', { name: '生成采纳情况说明' })
    expect(await generateButton.isDisabled()).toBe(true)
    await page
      .getByTestId('result-hint')
      .getByText('结束；期满后处理完全部意见', { exact: false })
      .waitFor()
    await shots(app, page, 'decided-period-running')

    // Three weeks later, the period over: the officer opens the consultation again.
    await deskLater(core, 21)
    await nav(page, '首页').click()
    await nav(page, '政民互动').click()
    await page.getByTestId('consultation-list').getByText(view.title).click()
    await page.getByTestId('consultation-record').waitFor()
    expect(await page.getByTestId('result-hint').count()).toBe(0)

    // Generate the adoption result: a disclosure item (类别 意见征集) opened in the editor.
    await page.getByRole('button', { name: '生成采纳情况说明' }).click()
    await page.waitForURL(/\/drafts\//)
    const resultId = page.url().split('/').pop() ?? ''
    const result = await call<ItemView>(core, 'items:get', { id: resultId })
    expect(result.kind).toBe('consultation')
    expect(result.bodyHtml).toContain('共收到意见建议 1 条')
    expect(result.bodyHtml).toContain('部分采纳 1 条')
    expect(result.bodyHtml).toContain('按来源分：企业 1 条。')
    expect(result.bodyHtml).not.toContain('13812345678')
    expect(result.bodyHtml).not.toContain('王女士')
    await page.getByText('征求意见采纳情况的说明', { exact: false }).first().waitFor()
    await shots(app, page, 'result')

    // The record links draft → comments → result.
    await nav(page, '政民互动').click()
    await page.getByTestId('consultation-list').getByText(view.title).click()
    await page
      .getByTestId('consultation-record')
      .getByText('关于《淄博高新区小微企业发展补贴办法（征求意见稿）》征求意见采纳情况的说明')
      .waitFor()
    await shots(app, page, 'record')

    // The officer reconsiders: 采纳 in full. The result no longer says so — 需更新 — and
    // 更新采纳情况说明 writes a new revision of the same item.
    await row.getByRole('button', { name: '处理' }).click()
    await field(decide, '处理结果').click()
    await page.getByRole('option', { name: '采纳', exact: true }).click()
    await decide.getByRole('button', { name: '保存处理结果' }).click()
    await page.getByTestId('result-stale').waitFor()
    await page.getByTestId('consultation-record').getByText('需更新').waitFor()
    await shots(app, page, 'result-stale')
    await page.getByRole('button', { name: '更新采纳情况说明' }).click()
    await page.waitForURL(new RegExp(`/drafts/${resultId}$`))
    const updated = await call<ItemView>(core, 'items:get', { id: resultId })
    expect(updated.revision).toBeGreaterThan(result.revision)
    expect(updated.bodyHtml).toContain('采纳 1 条，部分采纳 0 条')
    view = await call<ConsultationView>(core, 'engagement:consultation-get', { id })
    expect(view.resultStale).toBe(false)

    // The home page: no training recorded this year — from October that is warned about.
    await nav(page, '首页').click()
    const card = page.getByTestId('engagement-home-card')
    if (Number(beijingDay(21).slice(5, 7)) >= 10) {
      await card.getByText('尚未登记政务公开专题培训', { exact: false }).waitFor()
    }
    await app.screenshot('home-card')
    expect(app.problems.filter((p) => !p.includes('blocked request'))).toEqual([])
  })

  it('shows what commenters typed as text: the XSS payload list in the comment list runs nothing', async () => {
    const { page, core } = app!
    const dialogs: string[] = []
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    const draft = await call<ItemView>(core, 'items:save', {
      kind: 'policy',
      title: '淄博高新区人才公寓管理办法（征求意见稿）',
      bodyHtml:
        '<p>第一条 为规范人才公寓管理，制定本办法。</p><p>第二条 本办法自发布之日起施行。</p>',
      issuer: '淄博高新区管委会办公室',
      docNumber: '无文号',
      signedDate: beijingDay(21),
    })
    const opened = await call<ConsultationView>(core, 'engagement:consultation-open', {
      draftItemId: draft.id,
      title: '《淄博高新区人才公寓管理办法（征求意见稿）》公开征求意见',
      decisionType: 'normative',
      startDate: beijingDay(21),
      endDate: beijingDay(41),
      shortReason: '',
      questions: '公寓分配条件是否合理？',
      contact: '区人才办，电话 0533-3580001',
      channels: ['online', 'letter'],
    })
    // Letters typed in as received (the online feed's path is the core test's): body and name.
    for (const payload of XSS_PAYLOADS) {
      await call(core, 'engagement:comment-add', {
        consultationId: opened.id,
        body: payload,
        paragraphNo: null,
        commenterName: payload.slice(0, 50),
        contact: '',
        commenterType: 'public',
        channel: 'letter',
      })
    }
    await page.evaluate(
      (to) => (window.location.hash = to),
      `#/engagement/consultations/${opened.id}`,
    )
    const table = page.getByTestId('comment-table')
    await table.waitFor()
    await expect.poll(() => page.getByTestId('comment-row').count()).toBe(XSS_PAYLOADS.length)
    const shown = (await table.innerText()).replace(/\s+/g, ' ')
    for (const payload of XSS_PAYLOADS) {
      expect(shown, payload).toContain(payload.replace(/\s+/g, ' '))
    }
    // Nothing became markup: no script, image, frame, style, MathML or link to javascript:, no
    // event handler attribute, no <xss> element — and no alert ran.
    expect(
      await table
        .locator(
          'script, img, iframe, style, math, xss, body, a[href^="javascript"], [onerror], [onload]',
        )
        .count(),
    ).toBe(0)
    expect(await page.evaluate(() => document.querySelectorAll('[onerror], [onload]').length)).toBe(
      0,
    )
    expect(dialogs).toEqual([])
    await shots(app!, page, 'comment-list-xss')
  })
})
