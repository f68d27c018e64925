import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import type { AppCore } from '../../src/core/api/types'
import type { ChecklistVersion, ReviewView } from '../../src/shared/review/types'
import type { ItemView } from '../../src/shared/items/types'
import { spawnServer, type SpawnedServer } from '../server/helpers/spawn-server'
import { E2E_SETUP, openApp, type OpenedApp } from './harness'

const run = promisify(execFile)

/** `npm run server:admin -- --data <dir> …`; returns the JSON of its last line. */
async function admin(dir: string, ...args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', 'src/server/admin.ts', '--data', dir, ...args],
    {
      env: { ...process.env, DATABASE_URL: '' },
    },
  )
  const last = stdout.trim().split('\n').pop() ?? '{}'
  return JSON.parse(last) as Record<string, unknown>
}

const REVIEWER = { username: 'li', displayName: '李审核', password: 'Review2024pass' }
const LEADER = { username: 'liu', displayName: '刘签发', password: 'Leader2024pass' }

async function call<T>(core: AppCore, channel: string, input: unknown): Promise<T> {
  const r = await core.dispatch(channel, input)
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`)
  return r.data as T
}

/**
 * An item drafted by the administrator (who holds every role) and approved through the real
 * review channels: 保密审核 by 李审核, 领导签发 by 刘签发; then the administrator logs in again.
 */
async function approvedItem(core: AppCore, title: string): Promise<ItemView> {
  const item = await call<ItemView>(core, 'items:save', {
    kind: 'notice',
    title,
    bodyHtml: '<p>根据工作安排，现将有关事项通知如下。</p>',
    issuer: '淄博高新区管委会办公室',
    docNumber: '淄高新管办字〔2026〕8号',
    signedDate: '2026-11-20',
  })
  const checklist = await call<ChecklistVersion>(core, 'review:checklist-get', {})
  const answers = checklist.questions.map((q) => ({
    questionId: q.id,
    answer: q.noteRequiredOn.includes('yes') ? 'no' : 'yes',
  }))
  await call(core, 'review:submit', {
    itemId: item.id,
    revision: item.revision,
    contentHash: item.contentHash,
    checklistVersion: checklist.version,
    selfCheck: answers,
    carrier: 'official',
    channels: ['website'],
  })
  for (const user of [REVIEWER, LEADER]) {
    await call(core, 'auth:login', { username: user.username, password: user.password })
    const view = await call<ReviewView>(core, 'review:get', { itemId: item.id })
    await call(core, 'review:decide', {
      itemId: item.id,
      reviewId: view.review?.id,
      stepIndex: view.review?.currentStep ?? 0,
      contentHash: view.item.contentHash,
      decision: 'approve',
      checklist: answers,
    })
  }
  await call(core, 'auth:login', {
    username: E2E_SETUP.admin.username,
    password: E2E_SETUP.admin.password,
  })
  const done = await call<ItemView>(core, 'items:get', { id: item.id })
  if (done.status !== 'approved') throw new Error(`not approved: ${done.status}`)
  return done
}

const nav = (page: Page, label: string) =>
  page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: label, exact: true })

describe('sync with the district server', () => {
  let app: OpenedApp | undefined
  let server: SpawnedServer | undefined
  let serverDir = ''

  afterAll(async () => {
    await app?.destroy()
    await server?.stop()
    if (serverDir) await rm(serverDir, { recursive: true, force: true })
  })

  it('configures the server, sends an approved item, receives its publication, and queues while offline', async () => {
    serverDir = await mkdtemp(join(tmpdir(), 'dd-e2e-server-'))
    const department = await admin(
      serverDir,
      'create-department',
      '--code',
      'ZBGX',
      '--name',
      '淄博高新区政务公开示范局',
    )
    const token = String(department['token'])
    expect(token).toMatch(/^ddt_/)
    server = await spawnServer(['--data', serverDir, '--port', '0'])
    const port = new URL(server.url).port

    app = await openApp({ setup: true })
    const { page, core } = app
    for (const user of [
      { ...REVIEWER, roles: ['reviewer'] },
      { ...LEADER, roles: ['leader'] },
    ]) {
      await call(core, 'users:create', user)
    }

    // 设置 → 同步: address and token through the UI; the token is never shown again.
    await nav(page, '设置').click()
    const section = page.getByRole('region', { name: '同步设置' })
    await section.getByRole('textbox', { name: '区级服务器地址' }).fill(server.url)
    await section.getByLabel('令牌', { exact: true }).fill(token)
    await section.getByRole('button', { name: '保存', exact: true }).click()
    await expect
      .poll(() => section.getByLabel('令牌状态').textContent())
      .toBe(`已设置（尾号 ${token.slice(-4)}）`)
    expect(await section.getByLabel('令牌', { exact: true }).inputValue()).toBe('')
    expect(await page.content()).not.toContain(token)
    await section.getByRole('button', { name: '测试连接' }).click()
    await section.getByText('连接成功，令牌有效。').waitFor()
    await page.evaluate(() => window.scrollTo(0, 0))
    await app.screenshot('settings')

    // An approved item; 立即同步 → 已送达.
    const first = await approvedItem(core, '关于2026年度部门预算公开的通知')
    await nav(page, '同步').click()
    await page.getByRole('button', { name: '立即同步' }).click()
    await page.getByRole('tab', { name: /已送达 \/ 已同步（1）/ }).click()
    const recent = page.getByRole('table', { name: '已送达和已同步的条目' })
    await recent
      .getByRole('row', { name: new RegExp(first.title) })
      .getByText('已送达')
      .waitFor()

    // The district publishes it; the next sync shows 已同步 and the address.
    const url = 'https://www.example.gov.cn/zwgk/2026/budget.html'
    await admin(serverDir, 'publish', '--item', first.id, '--url', url)
    await page.getByRole('button', { name: '立即同步' }).click()
    await page.getByRole('tab', { name: /已送达 \/ 已同步/ }).click()
    await recent
      .getByRole('row', { name: new RegExp(first.title) })
      .getByText('已同步')
      .waitFor()
    await recent.getByRole('link', { name: url }).waitFor()
    await expect
      .poll(async () => (await call<ItemView>(core, 'items:get', { id: first.id })).status)
      .toBe('synced')
    await app.screenshot('sync-page')

    // The server goes away; a second approval waits (待同步) with the reason.
    await server.stop()
    const second = await approvedItem(core, '关于征集政务公开意见建议的公告')
    await page.getByRole('button', { name: '立即同步' }).click()
    await page.getByRole('tab', { name: /待同步（1）/ }).click()
    const pending = page.getByRole('table', { name: '待同步' })
    await pending
      .getByRole('row', { name: new RegExp(second.title) })
      .getByText(/无法连接区级服务器/)
      .waitFor()
    await page.getByText('上次同步未完成').waitFor()
    await app.screenshot('sync-offline')

    // The item list shows each item's sync state.
    await nav(page, '起草').click()
    const grid = page.getByRole('grid', { name: '条目列表' })
    await grid.getByRole('row', { name: second.title }).getByTitle('同步：待同步').waitFor()
    await grid.getByRole('row', { name: first.title }).getByText('已同步').waitFor()
    await app.screenshot('item-list')

    // The server is back on the same address: the queued item goes.
    server = await spawnServer(['--data', serverDir, '--port', port])
    await nav(page, '同步').click()
    await page.getByRole('button', { name: '立即同步' }).click()
    await expect
      .poll(() => page.getByRole('tab', { name: /待同步（0）/ }).count(), { timeout: 15_000 })
      .toBe(1)
    await page.getByRole('tab', { name: /已送达 \/ 已同步（2）/ }).click()
    await recent
      .getByRole('row', { name: new RegExp(second.title) })
      .getByText('已送达')
      .waitFor()
    expect(app.problems.filter((p) => !p.includes('blocked request'))).toEqual([])
  })
})
