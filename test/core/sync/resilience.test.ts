import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLogger } from '../../../src/core/logger'
import { backoffDelay, DEFAULT_BACKOFF, seededRandom } from '../../../src/core/sync/backoff'
import type { FetchLike } from '../../../src/core/sync/http-client'
import { dumpDatabase } from '../../helpers/db-dump'
import { createTestCore } from '../../helpers/test-core'
import { ManualTimers, serverItem, startTestServer, type TestServer } from './helpers'
import { loginAdmin, loginAs, OFFICER, syncDesk } from './sync-setup'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.destroy()
})

const outboxRows = (desk: Awaited<ReturnType<typeof syncDesk>>) =>
  desk.store.db.selectFrom('sync_outbox').selectAll().orderBy('seq').execute()

describe('backoff', () => {
  it('doubles from 5 s up to 30 min, with seeded jitter between half and all of each step', () => {
    const random = seededRandom(42)
    const delays = Array.from({ length: 12 }, (_, i) => backoffDelay(i + 1, random))
    expect(delays).toEqual([
      4003, 7241, 18525, 33395, 46993, 122127, 203716, 519918, 1193904, 1325085, 1124931, 1693853,
    ])
    delays.forEach((d, i) => {
      const ceiling = Math.min(DEFAULT_BACKOFF.maxMs, DEFAULT_BACKOFF.baseMs * 2 ** i)
      expect(d).toBeGreaterThanOrEqual(ceiling / 2)
      expect(d).toBeLessThanOrEqual(ceiling)
    })
    // The same seed gives the same schedule.
    const again = seededRandom(42)
    expect(Array.from({ length: 12 }, (_, i) => backoffDelay(i + 1, again))).toEqual(delays)
  })

  it('defers entries after network errors on that schedule, and waits until they are due', async () => {
    const refused: FetchLike = async () => {
      throw new TypeError('fetch failed')
    }
    const desk = await syncDesk(server, { sync: { fetch: refused, random: seededRandom(99) } })
    try {
      await desk.approvedItem()
      const expected = seededRandom(99)
      for (let attempt = 1; attempt <= 4; attempt++) {
        const result = await desk.t.core.sync.runOnce()
        expect(result.kind).toBe('transient')
        const [row] = await outboxRows(desk)
        const delay = backoffDelay(attempt, expected)
        expect(row).toMatchObject({ state: 'pending', attempts: attempt })
        expect(Date.parse(row!.next_attempt_at!) - desk.t.clock.clock().getTime()).toBe(delay)
        expect(row?.last_error).toMatch(
          /^无法连接区级服务器（127\.0\.0\.1:\d+），可能是网络中断或服务器未启动/,
        )
        // Not due yet: a run makes no request.
        const before = desk.requests.length
        desk.t.clock.set(new Date(Date.parse(row!.next_attempt_at!) - 1))
        expect(await desk.t.core.sync.runOnce()).toEqual({ kind: 'idle' })
        expect(desk.requests.length).toBe(before)
        desk.t.clock.set(new Date(Date.parse(row!.next_attempt_at!)))
      }
      expect((await desk.t.call('sync:status', {})).lastError).toMatch(/无法连接区级服务器/)
    } finally {
      await desk.close()
    }
  })

  it('honours Retry-After on 429 and retries 5xx later, keeping the entry pending', async () => {
    let answer = 429
    const flaky: FetchLike = async (input, init) => {
      if (answer === 429)
        return new Response('{"error":{"code":"RATE_LIMITED","message":"慢一点"}}', {
          status: 429,
          headers: { 'retry-after': '600' },
        })
      if (answer === 502) return new Response('bad gateway', { status: 502 })
      return fetch(input, init)
    }
    const desk = await syncDesk(server, { sync: { fetch: flaky } })
    try {
      const item = await desk.approvedItem()
      await desk.t.core.sync.runOnce()
      let [row] = await outboxRows(desk)
      expect(
        Date.parse(row!.next_attempt_at!) - desk.t.clock.clock().getTime(),
      ).toBeGreaterThanOrEqual(600_000)
      expect(row?.last_error).toMatch(/请求过于频繁/)
      answer = 502
      await desk.t.core.sync.runOnce(true)
      ;[row] = await outboxRows(desk)
      expect(row).toMatchObject({ state: 'pending', attempts: 2 })
      expect(row?.last_error).toMatch(/HTTP 502/)
      answer = 200
      expect(await desk.t.core.sync.runOnce(true)).toEqual({ kind: 'done' })
      expect((await outboxRows(desk))[0]).toMatchObject({ state: 'sent', attempts: 3 })
      expect(await serverItem(server, desk.token, item.id)).toMatchObject({
        revision: item.revision,
      })
    } finally {
      await desk.close()
    }
  })
})

describe('offline and restarts', () => {
  it('queues approvals while offline and resumes after an app restart from SQLite alone', async () => {
    const offline = await startTestServer()
    const token = await offline.department('OFF')
    await offline.stop()
    const desk = await syncDesk(offline, { token })
    try {
      const a = await desk.approvedItem('离线时批准的条目一')
      const b = await desk.approvedItem('离线时批准的条目二')
      expect((await desk.t.core.sync.runOnce()).kind).toBe('transient')
      const overview = await desk.t.call('sync:overview', {})
      expect(overview.pending.map((p) => p.title)).toEqual([
        '离线时批准的条目一',
        '离线时批准的条目二',
      ])
      expect(overview.pending[0]?.message).toMatch(/无法连接区级服务器/)
      expect(overview.pending[0]?.nextAttemptAt).not.toBeNull()

      // The app is closed and opened again later; the server is back (same address).
      await desk.t.restart(new Date(desk.t.clock.clock().getTime() + 3_600_000))
      await offline.start()
      await loginAs(desk.t, OFFICER)
      expect(await desk.t.core.sync.runOnce()).toEqual({ kind: 'done' })
      expect(await serverItem(offline, token, a.id)).toMatchObject({ revision: a.revision })
      expect(await serverItem(offline, token, b.id)).toMatchObject({ revision: b.revision })
      expect((await outboxRows(desk)).map((r) => [r.state, r.attempts])).toEqual([
        ['sent', 2],
        ['sent', 2],
      ])
    } finally {
      await desk.close()
      await offline.destroy()
    }
  })

  it('keeps the changes cursor across a restart', async () => {
    const desk = await syncDesk(server)
    try {
      await desk.approvedItem()
      await desk.t.core.sync.runOnce()
      const cursor = async () =>
        (
          await desk.store.db
            .selectFrom('sync_state')
            .select('value')
            .where('key', '=', 'changes_cursor')
            .executeTakeFirst()
        )?.value
      const saved = await cursor()
      expect(saved).toMatch(/^c\d+$/)
      await desk.t.restart()
      await desk.t.core.sync.runOnce(true)
      expect(desk.requests.at(-1)).toBe('GET /api/v1/changes')
      expect(await cursor()).toBe(saved)
    } finally {
      await desk.close()
    }
  })
})

describe('the background loop', () => {
  it('runs on its timers: 立即同步 returns at once, then the queue drains when the timer fires', async () => {
    const timers = new ManualTimers()
    const desk = await syncDesk(server, { sync: { timers, autoStart: true } })
    try {
      // Configured in syncDesk: a run is scheduled immediately, nothing has happened yet.
      expect(timers.delays()).toEqual([0])
      timers.fire()
      await vi_waitFor(async () => (await desk.t.call('sync:status', {})).lastSuccessAt !== null)
      expect(timers.delays()).toEqual([15_000])

      const item = await desk.approvedItem()
      const status = await desk.t.call('sync:run', {})
      expect(status).toMatchObject({ running: false, counts: { pending: 1 } })
      expect(timers.delays()).toEqual([0])
      timers.fire()
      await vi_waitFor(async () => (await desk.t.call('sync:status', {})).counts.pending === 0)
      expect(await serverItem(server, desk.token, item.id)).not.toBeNull()
    } finally {
      await desk.close()
    }
    expect(timers.delays()).toEqual([])
  })
})

describe('sync settings', () => {
  it('keeps the token in the secret store only: never in SQLite, never logged, never returned', async () => {
    const lines: string[] = []
    const t = await createTestCore({
      sync: { autoStart: false },
      logger: createLogger({ level: 'debug', sink: (_l, line) => lines.push(line) }),
    })
    try {
      const token = await server.department('SEC')
      const view = await t.call('sync:update-settings', {
        serverUrl: `${server.url}/api/v1/`,
        token,
      })
      expect(view).toEqual({
        serverUrl: server.url,
        tokenSet: true,
        tokenHint: token.slice(-4),
        configured: true,
      })
      expect(t.platform.secretValues.get('sync.token')).toBe(token)
      expect(await t.call('sync:get-settings', {})).toEqual(view)
      expect(JSON.stringify(await t.call('sync:status', {}))).not.toContain(token)
      expect(dumpDatabase(t.dbPath)).not.toContain(token)
      expect(dumpDatabase(t.dbPath)).not.toContain(token.slice(4, 20))
      expect(await t.call('sync:test-connection', {})).toEqual({
        ok: true,
        reachable: true,
        tokenAccepted: true,
        message: '连接成功，令牌有效。',
      })
      await t.core.sync.runOnce()
      expect(lines.join('\n')).not.toContain(token)

      const cleared = await t.call('sync:update-settings', { clearToken: true })
      expect(cleared).toMatchObject({ tokenSet: false, tokenHint: null, configured: false })
      expect(t.platform.secretValues.size).toBe(0)
    } finally {
      await t.cleanup()
    }
  })

  it('validates the URL, tests the connection in Chinese, and is for administrators only', async () => {
    const t = await createTestCore({ sync: { autoStart: false } })
    try {
      const bad = await t.send('sync:update-settings', { serverUrl: 'ftp://example.gov.cn' })
      expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
      if (!bad.ok) expect(bad.error.message).toMatch(/^服务器地址应以 http:\/\/ 或 https:\/\/ 开头/)
      const creds = await t.send('sync:update-settings', {
        serverUrl: 'https://u:p@example.gov.cn',
      })
      expect(creds.ok).toBe(false)

      const refused = await t.call('sync:test-connection', {
        serverUrl: server.url,
        token: 'ddt_wrongwrongwrongwrong',
      })
      expect(refused).toEqual({
        ok: false,
        reachable: true,
        tokenAccepted: false,
        message: '服务器可以连接，但令牌无效或已吊销，请在设置中更新。',
      })
      const down = await t.call('sync:test-connection', {
        serverUrl: 'http://127.0.0.1:9',
        token: 'ddt_whatever1234',
      })
      expect(down).toMatchObject({ ok: false, reachable: false, tokenAccepted: null })
      expect(down.message).toMatch(
        /^连接失败：无法连接区级服务器（127\.0\.0\.1:9）.*请核对服务器地址和网络。$/,
      )

      await t.call('users:create', { ...OFFICER, roles: ['officer'] })
      await loginAs(t, OFFICER)
      for (const channel of ['sync:update-settings', 'sync:test-connection'] as const) {
        const r = await t.send(channel, { serverUrl: server.url })
        expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      }
      // Everyone may see the settings (without the token) and the status.
      expect((await t.call('sync:get-settings', {})).tokenSet).toBe(false)
      await loginAdmin(t)
    } finally {
      await t.cleanup()
    }
  })
})

/** Polls until `check` holds (the worker runs in the background after a timer fires). */
async function vi_waitFor(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (Date.now() < end) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 10))
  }
  throw new Error('condition not met in time')
}
