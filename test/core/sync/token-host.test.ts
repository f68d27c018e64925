import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createLogger } from '../../../src/core/logger'
import { dumpDatabase } from '../../helpers/db-dump'
import { createTestCore } from '../../helpers/test-core'
import { startTestServer, type TestServer } from './helpers'

/**
 * Issue 8 point 5: `sync:test-connection` with just a URL sent the saved token to that host. The
 * saved token goes only to the saved server (exact origin match); another URL needs a typed token;
 * every test and every change of server or token is audited, never with the token.
 */
let server: TestServer
let foreign: Server
let foreignUrl: string
const seen: IncomingHttpHeaders[] = []

beforeAll(async () => {
  server = await startTestServer()
  // Another host that answers like a sync server and records what it is sent.
  foreign = createServer((req, res) => {
    seen.push(req.headers)
    res.setHeader('content-type', 'application/json')
    if (req.url?.startsWith('/api/v1/health')) {
      res.end(JSON.stringify({ status: 'ok', time: new Date().toISOString(), protocol: 2 }))
      return
    }
    res.end(JSON.stringify({ changes: [], nextCursor: 'c0', hasMore: false }))
  })
  await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve))
  foreignUrl = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}`
})
afterAll(async () => {
  await server.destroy()
  await new Promise((resolve) => foreign.close(resolve))
})

it('sends the saved token only to the saved server; another URL needs a typed token; all audited', async () => {
  const lines: string[] = []
  const t = await createTestCore({
    sync: { autoStart: false },
    logger: createLogger({ level: 'debug', sink: (_l, line) => lines.push(line) }),
  })
  try {
    const token = await server.department('HOST')
    await t.call('sync:update-settings', { serverUrl: server.url, token })

    // Just another URL: refused before anything is sent there.
    const other = await t.send('sync:test-connection', { serverUrl: foreignUrl })
    expect(other.ok ? null : other.error.code).toBe('VALIDATION')
    expect(other.ok ? '' : other.error.message).toContain('已保存的令牌只发送给已保存的服务器')
    expect(seen).toEqual([])

    // With a typed token, that token (not the saved one) goes to the other host.
    const typed = 'ddt_typed_for_the_other_host_000'
    expect(
      await t.call('sync:test-connection', { serverUrl: foreignUrl, token: typed }),
    ).toMatchObject({ ok: true })
    const auth = seen.map((h) => h.authorization).filter(Boolean)
    expect(auth).toEqual([`Bearer ${typed}`])
    expect(JSON.stringify(seen)).not.toContain(token)

    // The saved server, by omission or by the same origin written differently: the saved token.
    expect(await t.call('sync:test-connection', {})).toMatchObject({
      ok: true,
      tokenAccepted: true,
    })
    expect(
      await t.call('sync:test-connection', { serverUrl: `${server.url}/api/v1/` }),
    ).toMatchObject({ ok: true, tokenAccepted: true })
    // Same host, other port: another origin.
    const otherPort = await t.send('sync:test-connection', {
      serverUrl: server.url.replace(/:(\d+)$/, (_m, p: string) => `:${Number(p) + 1}`),
    })
    expect(otherPort.ok).toBe(false)

    // Moving the saved address elsewhere without that server's token is refused: the token stays put.
    const move = await t.send('sync:update-settings', { serverUrl: foreignUrl })
    expect(move.ok ? null : move.error.code).toBe('VALIDATION')
    expect((await t.call('sync:get-settings', {})).serverUrl).toBe(server.url)
    await t.call('sync:update-settings', { serverUrl: foreignUrl, token: typed })
    expect(await t.call('sync:get-settings', {})).toMatchObject({
      serverUrl: foreignUrl,
      tokenHint: typed.slice(-4),
    })

    // Every test (including the refused ones) and every change is audited, never with the token.
    const dump = dumpDatabase(t.dbPath)
    const tests = (dump.match(/sync\.connection_test/g) ?? []).length
    expect(tests).toBe(5)
    expect(dump).toContain('refused_other_server')
    expect((dump.match(/sync\.settings_update/g) ?? []).length).toBe(2)
    expect(dump).not.toContain(token)
    expect(dump).not.toContain(token.slice(-4))
    expect(dump).not.toContain(typed)
    expect(lines.join('\n')).not.toContain(token)
    expect(lines.join('\n')).not.toContain(typed)
  } finally {
    await t.cleanup()
  }
})
