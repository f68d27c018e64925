import Database from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AUTOSAVE_TIMING } from '../../src/shared/items/autosave'
import { createTestCore, type TestCore } from '../helpers/test-core'

/**
 * Issue 10: 「锁定或退出登录前刚输入的一行丢失」 — and on a crash (kill -9) at most the last 2 seconds
 * of typing may be lost. A real child process (Node, not Electron: typist.ts) opens the real store
 * through core and types through the editor's autosave path at the editor's timing; it is killed
 * with SIGKILL mid-typing at three different moments of the save cycle. After each kill the store
 * is reopened: integrity_check is ok, the item reads back through core, and what is stored is what
 * was typed up to at most 2 s before the kill.
 */

const ROOT = resolve(__dirname, '../..')
const OFFICER = { username: 'zhang', displayName: '张起草', password: 'Officer123' }
const MAX_LOSS_MS = 2000

let t: TestCore
let itemId: string

beforeAll(async () => {
  t = await createTestCore()
  await t.call('users:create', { ...OFFICER, roles: ['officer'] })
  await t.send('auth:logout', {})
  await t.call('auth:login', { username: OFFICER.username, password: OFFICER.password })
  const item = await t.call('items:save', { kind: 'notice', title: '崩溃测试条目', bodyHtml: '' })
  itemId = item.id
  await t.core.close()
}, 60_000)

afterAll(async () => {
  await t.cleanup()
})

interface Run {
  killedAt: number
  typedAt: Map<number, number>
  saved: number[]
  stderr: string
}

/** Spawns the typist, kills it with SIGKILL `afterSaveMs` after its first save past 2 s of typing. */
function typeAndKill(char: string, afterSaveMs: number): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'test/crash/typist.ts',
        t.dataDir,
        itemId,
        OFFICER.username,
        OFFICER.password,
        char,
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    const typedAt = new Map<number, number>()
    const saved: number[] = []
    let stderr = ''
    let killedAt = 0
    let firstTypedAt = 0
    let buffer = ''
    const timeout = setTimeout(() => {
      child.kill('SIGKILL')
      fail(new Error(`typist did not get going: ${stderr}`))
    }, 60_000)
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString()
      const lines = buffer.split('\n')
      buffer = lines.pop() ?? ''
      for (const line of lines) {
        const [what, n, at] = line.split(' ')
        const count = Number(n)
        const when = Number(at)
        if (what === 'typed') {
          typedAt.set(count, when)
          if (firstTypedAt === 0) firstTypedAt = when
        }
        if (what === 'saved') {
          saved.push(count)
          if (killedAt === 0 && when - firstTypedAt > 2000) {
            killedAt = -1
            setTimeout(() => {
              killedAt = Date.now()
              child.kill('SIGKILL')
            }, afterSaveMs)
          }
        }
      }
    })
    child.on('exit', (_code, signal) => {
      clearTimeout(timeout)
      if (signal !== 'SIGKILL') fail(new Error(`typist ended by itself: ${stderr}`))
      else done({ killedAt, typedAt, saved, stderr })
    })
  })
}

describe('kill -9 mid-typing (issue 10)', () => {
  it('the editor saves at least every 2 s while typing', () => {
    expect(AUTOSAVE_TIMING.maxWaitMs).toBeLessThanOrEqual(MAX_LOSS_MS)
    expect(AUTOSAVE_TIMING.debounceMs).toBeLessThanOrEqual(MAX_LOSS_MS)
  })

  // Just after a save, just before the next one fires, and 2.1 s after one — the last case fails
  // whenever continuous typing is saved less often than every 2 s.
  for (const [char, afterSaveMs] of [
    ['甲', 10],
    ['乙', AUTOSAVE_TIMING.maxWaitMs - 20],
    ['丙', MAX_LOSS_MS + 100],
  ] as const) {
    it(`loses at most the last 2 s of typing and leaves the store intact (killed ${afterSaveMs} ms after a save)`, async () => {
      const run = await typeAndKill(char, afterSaveMs)
      expect(run.killedAt).toBeGreaterThan(0)

      const raw = new Database(t.dbPath)
      const integrity = raw.pragma('integrity_check', { simple: true })
      const row = raw.prepare('SELECT body_text, revision FROM items WHERE id = ?').get(itemId) as {
        body_text: string
        revision: number
      }
      const latest = raw
        .prepare('SELECT snapshot_json FROM item_revisions WHERE item_id = ? AND revision = ?')
        .get(itemId, row.revision) as { snapshot_json: string }
      raw.close()
      expect(integrity).toBe('ok')

      // What is stored is exactly the first N characters typed in this run.
      const stored = row.body_text.trim()
      expect(stored).toMatch(new RegExp(`^${char}+$`))
      const count = [...stored].length
      expect(run.typedAt.has(count)).toBe(true)
      // The item row and its revision snapshot agree (one committed transaction, not half of one).
      expect(JSON.parse(latest.snapshot_json).content.bodyHtml).toBe(`<p>${char.repeat(count)}</p>`)

      // Typing lost: from the first character not stored up to the kill.
      const firstLost = run.typedAt.get(count + 1)
      const lostMs = firstLost === undefined ? 0 : run.killedAt - firstLost
      expect(
        lostMs,
        `stored ${count} characters; saves at ${run.saved.join(', ')}`,
      ).toBeLessThanOrEqual(MAX_LOSS_MS)

      // The store reopens through core and the item reads back as stored.
      await t.restart()
      await t.call('auth:login', { username: OFFICER.username, password: OFFICER.password })
      const view = await t.call('items:get', { id: itemId })
      expect(view.bodyHtml).toBe(`<p>${char.repeat(count)}</p>`)
      await t.core.close()
    }, 90_000)
  }
})
