import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import type { ItemView } from '../../src/shared/items/types'
import type { Result } from '../../src/shared/result'
import type { ChecklistVersion, ReviewView } from '../../src/shared/review/types'
import type { SyncStatus } from '../../src/shared/sync/types'
import { spawnServer, type SpawnedServer } from '../server/helpers/spawn-server'
import { E2E_SETUP, openApp, type OpenedApp } from './harness'

/**
 * Issue 9: the home page is the officer's to-do list (我的待办). Its counts come from core and
 * change as a reviewer returns an item (待我审查 → 退回给我修改) and as a sync fails (the
 * district server refuses an entry, as in test/core/sync/worker.test.ts's 400 case).
 */
const run = promisify(execFile)

const REVIEWER = { username: 'li', displayName: '李审核', password: 'Review2024pass' }
const LEADER = { username: 'liu', displayName: '刘签发', password: 'Leader2024pass' }
const ADMIN = E2E_SETUP.admin
const FIRST_PASSWORD = 'Start2024pass'

async function serverAdmin(dir: string, ...args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', 'src/server/admin.ts', '--data', dir, ...args],
    { env: { ...process.env, DATABASE_URL: '' } },
  )
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown>
}

describe('home page: 我的待办', () => {
  let app: OpenedApp | undefined
  let server: SpawnedServer | undefined
  let serverDir = ''
  afterAll(async () => {
    await app?.destroy()
    await server?.stop()
    if (serverDir) await rm(serverDir, { recursive: true, force: true })
  })

  it('counts change as a reviewer returns an item and as a sync fails', async () => {
    app = await openApp({ setup: true, firstLoginChange: true })
    const opened = app
    const page: Page = app.page
    const call = async <T>(channel: string, input: unknown): Promise<T> => {
      const r = (await opened.core.dispatch(channel, input)) as Result<T>
      if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`)
      return r.data
    }
    const loginAs = async (user: { username: string; password: string }) => {
      await call('auth:logout', {})
      await call('auth:login', { username: user.username, password: user.password })
    }
    const nav = (label: string) =>
      page
        .getByRole('navigation', { name: '主导航' })
        .getByRole('link', { name: label, exact: true })
    const count = (id: string) => page.getByTestId(`todo-${id}`).getByTestId('todo-count')
    const openHome = async (displayName: string) => {
      await page.reload()
      await nav('首页').click()
      await page.getByRole('heading', { name: `${displayName}，您好` }).waitFor()
    }
    const both = async (name: string) => {
      await page.setViewportSize({ width: 1366, height: 768 })
      await app!.screenshot(`${name}-1366x768`)
      await page.setViewportSize({ width: 1024, height: 700 })
      await app!.screenshot(`${name}-1024x700`)
      await page.setViewportSize({ width: 1366, height: 768 })
    }

    // A reviewer and a leader, each replacing the password the administrator set.
    for (const [user, roles] of [
      [REVIEWER, ['reviewer']],
      [LEADER, ['leader']],
    ] as const) {
      await call('users:create', { ...user, password: FIRST_PASSWORD, roles })
      await loginAs({ username: user.username, password: FIRST_PASSWORD })
      await call('auth:change-password', {
        oldPassword: FIRST_PASSWORD,
        newPassword: user.password,
      })
      await loginAs(ADMIN)
    }

    const checklist = await call<ChecklistVersion>('review:checklist-get', {})
    const answers = checklist.questions.map((q) => ({
      questionId: q.id,
      answer: q.noteRequiredOn.includes('yes') ? 'no' : 'yes',
    }))
    const draftAndSubmit = async (title: string) => {
      const item = await call<ItemView>('items:save', {
        kind: 'notice',
        title,
        bodyHtml: '<p>根据工作安排，现将有关事项通知如下。</p>',
        issuer: '淄博高新区管委会办公室',
        docNumber: '淄高新管办字〔2026〕8号',
        signedDate: '2026-11-20',
      })
      await call('review:submit', {
        itemId: item.id,
        revision: item.revision,
        contentHash: item.contentHash,
        checklistVersion: checklist.version,
        selfCheck: answers,
        carrier: 'official',
        channels: ['website'],
      })
      return item
    }
    const decide = async (itemId: string, fields: Record<string, unknown>) => {
      const view = await call<ReviewView>('review:get', { itemId })
      await call('review:decide', {
        itemId,
        reviewId: view.review?.id,
        stepIndex: view.review?.currentStep ?? 0,
        contentHash: view.item.contentHash,
        checklist: answers,
        ...fields,
      })
    }

    // The administrator (who drafts too) submits an item: nothing waits for them — they may not
    // review their own item — and nothing is returned yet.
    const returned = await draftAndSubmit('关于开展2026年度政务公开培训的通知')
    await openHome(ADMIN.displayName)
    await page.getByRole('heading', { name: '我的待办' }).waitFor()
    await expect.poll(() => count('awaiting-review').textContent()).toBe('0')
    expect(await count('returned').textContent()).toBe('0')
    expect(await count('sync-problems').textContent()).toBe('0')

    // 李审核 sees it waiting for their step, with a link to the review screen.
    await loginAs(REVIEWER)
    await openHome(REVIEWER.displayName)
    await expect.poll(() => count('awaiting-review').textContent()).toBe('1')
    const waiting = page.getByTestId('todo-awaiting-review')
    await waiting.getByRole('link', { name: returned.title }).waitFor()
    // A reviewer drafts nothing: no cards for returned or overdue items, nor for sync.
    expect(await page.getByTestId('todo-returned').count()).toBe(0)
    expect(await page.getByTestId('todo-sync-problems').count()).toBe(0)
    await both('reviewer')
    await waiting.getByRole('link', { name: returned.title }).click()
    await page.waitForURL(new RegExp(`#/review/${returned.id}$`))

    // … returns it with a comment: it leaves their list …
    await decide(returned.id, { decision: 'return', comments: [{ text: '请补充培训地点' }] })
    await nav('首页').click()
    await expect.poll(() => count('awaiting-review').textContent()).toBe('0')

    // … and appears on the author's, linking to the editor.
    await loginAs(ADMIN)
    await openHome(ADMIN.displayName)
    await expect.poll(() => count('returned').textContent()).toBe('1')
    const mine = page.getByTestId('todo-returned')
    await mine.getByRole('link', { name: returned.title }).click()
    await page.waitForURL(new RegExp(`#/drafts/${returned.id}$`))

    // A second item goes through both steps; the district server refuses its entry (an approval
    // record without a usable time), so the sync fails.
    const approved = await draftAndSubmit('关于2026年度部门预算公开的通知')
    for (const user of [REVIEWER, LEADER]) {
      await loginAs(user)
      await decide(approved.id, { decision: 'approve' })
    }
    await loginAs(ADMIN)
    await openHome(ADMIN.displayName)
    await expect.poll(() => count('returned').textContent()).toBe('1')
    expect(await count('sync-problems').textContent()).toBe('0')
    const db = new Database(join(opened.dataDir, 'disclosure-desk.sqlite'))
    try {
      db.prepare(`UPDATE sync_outbox SET detail_json = ?`).run(
        JSON.stringify({ approvedAt: 'yesterday' }),
      )
    } finally {
      db.close()
    }
    serverDir = await mkdtemp(join(tmpdir(), 'dd-e2e-home-server-'))
    const department = await serverAdmin(
      serverDir,
      'create-department',
      '--code',
      'ZBGX',
      '--name',
      '淄博高新区政务公开示范局',
    )
    server = await spawnServer(['--data', serverDir, '--port', '0'])
    await call('sync:update-settings', {
      serverUrl: server.url,
      token: String(department['token']),
    })
    await nav('同步').click()
    await page.getByRole('button', { name: '立即同步' }).click()
    await expect
      .poll(async () => (await call<SyncStatus>('sync:status', {})).counts.failed, {
        timeout: 15_000,
      })
      .toBe(1)

    await nav('首页').click()
    await expect.poll(() => count('sync-problems').textContent()).toBe('1')
    await page.getByTestId('todo-sync-problems').getByText('失败 1 · 冲突 0').waitFor()
    expect(await count('returned').textContent()).toBe('1')
    await both('officer')
    await page.getByTestId('todo-sync-problems').getByRole('link', { name: '查看' }).click()
    await page.waitForURL(/#\/sync$/)
    expect(opened.problems.filter((p) => !p.includes('blocked request'))).toEqual([])
  })
})
