import { execFile } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import type { AppCore } from '../../src/core/api/types'
import type { ChecklistVersion, ReviewView } from '../../src/shared/review/types'
import type { ItemView } from '../../src/shared/items/types'
import { deterministicBytes } from '../helpers/deterministic-bytes'
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
async function approvedItem(
  core: AppCore,
  title: string,
  attach?: { app: OpenedApp; paths: string[] },
): Promise<ItemView> {
  let item = await call<ItemView>(core, 'items:save', {
    kind: 'notice',
    title,
    bodyHtml: '<p>根据工作安排，现将有关事项通知如下。</p>',
    issuer: '淄博高新区管委会办公室',
    docNumber: '淄高新管办字〔2026〕8号',
    signedDate: '2026-11-20',
  })
  for (const path of attach?.paths ?? []) {
    attach!.app.platform.openFile = path
    await call(core, 'attachments:add', { itemId: item.id })
    item = await call<ItemView>(core, 'items:get', { id: item.id })
  }
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

/**
 * A proxy in front of the district server that can play a protocol v1 server (no blob
 * endpoints: 404) and hold a chunk upload until released, so the page is seen mid-upload.
 */
interface GateProxy {
  url: string
  /** Answer /blobs… with 404, as a v1 server does. */
  v1: boolean
  /** Chunks with this index or above wait for `release()`; null: nothing waits. */
  holdFrom: number | null
  /** Resolves once a chunk is being held. */
  holding: Promise<void>
  release(): void
  log: string[]
  close(): Promise<void>
}

async function startGateProxy(target: string): Promise<GateProxy> {
  const port = Number(new URL(target).port)
  let releaseGate: () => void = () => undefined
  const gate = new Promise<void>((resolve) => (releaseGate = resolve))
  let held: () => void = () => undefined
  const state: GateProxy = {
    url: '',
    v1: false,
    holdFrom: null,
    holding: new Promise<void>((resolve) => (held = resolve)),
    release: () => releaseGate(),
    log: [],
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
  const server: Server = createServer((req, res) => {
    const parts: Buffer[] = []
    req.on('data', (c: Buffer) => parts.push(c))
    req.on('end', async () => {
      const path = req.url ?? '/'
      state.log.push(`${req.method} ${path}`)
      if (state.v1 && path.startsWith('/api/v1/blobs')) {
        res.writeHead(404, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'Route not found' } }))
        return
      }
      const chunk = /\/chunks\/(\d+)(?:\?|$)/.exec(path) // chunk 0 may carry ?size= (the start)
      if (chunk && state.holdFrom !== null && Number(chunk[1]) >= state.holdFrom) {
        held()
        await gate
      }
      const out = request(
        { host: '127.0.0.1', port, method: req.method, path, headers: { ...req.headers } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          answer.pipe(res)
        },
      )
      out.on('error', () => res.destroy())
      out.end(Buffer.concat(parts))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return state
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
  it('补传附件: an item sent to a v1 server gets its file once the server speaks v2; progress per file mid-upload', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dd-e2e-backfill-'))
    let district: SpawnedServer | undefined
    let proxy: GateProxy | undefined
    let desk: OpenedApp | undefined
    try {
      const department = await admin(
        dir,
        'create-department',
        '--code',
        'BFJ',
        '--name',
        '补传示范局',
      )
      const token = String(department['token'])
      district = await spawnServer(['--data', dir, '--port', '0', '--upload-chunk', '1mb'])
      proxy = await startGateProxy(district.url)
      desk = await openApp({ setup: true })
      const { page, core } = desk
      for (const user of [
        { ...REVIEWER, roles: ['reviewer'] },
        { ...LEADER, roles: ['leader'] },
      ]) {
        await call(core, 'users:create', user)
      }
      await call(core, 'sync:update-settings', { serverUrl: proxy.url, token })

      // A 12 MB attachment: 12 chunks of 1 MB.
      const size = 12 * 1024 * 1024
      const file = join(desk.dataDir, '全年政务公开档案汇编.pdf')
      writeFileSync(file, deterministicBytes(size, 15, '%PDF-1.4\n'))
      const item = await approvedItem(core, '关于公布2026年度政务公开档案的通知', {
        app: desk,
        paths: [file],
      })

      // A protocol v1 server: the item arrives, its file does not (附件未到齐 there).
      proxy.v1 = true
      await nav(page, '同步').click()
      await page.getByRole('button', { name: '立即同步' }).click()
      await page.getByRole('tab', { name: /已送达 \/ 已同步（1）/ }).waitFor()
      const onServer = async () => {
        const res = await fetch(`${district!.url}/api/v1/items/${item.id}`, {
          headers: { authorization: `Bearer ${token}` },
        })
        return (await res.json()) as {
          revision: number
          attachments: { total: number; missing: number; complete: boolean }
        }
      }
      expect((await onServer()).attachments).toEqual({ total: 1, missing: 1, complete: false })

      // The server is upgraded; the next 立即同步 uploads the file — held after 5 of 12 chunks.
      proxy.v1 = false
      proxy.holdFrom = 5
      const logFrom = proxy.log.length
      await page.getByRole('button', { name: '立即同步' }).click()
      await proxy.holding
      const notice = page.getByTestId('sync-backfill')
      await notice.getByText('补传附件 1 个').waitFor()
      const row = page.getByLabel('附件「全年政务公开档案汇编.pdf」')
      await expect
        .poll(() => row.locator('[data-upload-bytes]').textContent())
        .toBe('已传 5 / 12 MB（41%）')
      await row.getByText('上传中').waitFor()
      await page.getByText('正在补传附件', { exact: true }).waitFor()
      await row.getByText('补传').waitFor()
      await page
        .getByRole('progressbar', { name: '「全年政务公开档案汇编.pdf」上传进度' })
        .waitFor()
      for (const size of [
        { width: 1366, height: 768 },
        { width: 1024, height: 700 },
      ]) {
        await page.setViewportSize(size)
        await desk.screenshot(`upload-progress-${size.width}x${size.height}`)
        // Readable at this size: the name, the figures and the state are on screen, not cut off.
        const box = await row.locator('[data-upload-bytes]').boundingBox()
        expect(box && box.x + box.width <= size.width).toBe(true)
      }
      await page.setViewportSize({ width: 1366, height: 768 })

      // Released: the file completes, the item is complete on the server, and was not re-sent.
      proxy.release()
      await row.getByText('完成', { exact: true }).waitFor({ timeout: 30_000 })
      await expect
        .poll(() => row.locator('[data-upload-bytes]').textContent())
        .toBe('已传 12 / 12 MB')
      await notice.getByText(/已补传 1 个/).waitFor()
      expect(await onServer()).toMatchObject({
        revision: item.revision,
        attachments: { total: 1, missing: 0, complete: true },
      })
      const phase2 = proxy.log.slice(logFrom)
      expect(phase2.filter((r) => r.includes('/items'))).toEqual([])
      expect(phase2.filter((r) => /\/chunks\/\d+(\?|$)/.test(r))).toHaveLength(12)
      await desk.screenshot('upload-done')
      expect(desk.problems.filter((p) => !p.includes('blocked request'))).toEqual([])
    } finally {
      proxy?.release()
      await desk?.destroy()
      await proxy?.close()
      await district?.stop()
      await rm(dir, { recursive: true, force: true })
    }
  })
})
