import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { SyncHttpClient } from '../../../src/core/sync/http-client'

/**
 * Review finding 13: a sync request that is answered with a redirect must not follow it — the
 * bearer token would go on to wherever the Location points. The desk refuses the redirect with a
 * clear Chinese message and the other host sees nothing.
 */
const listen = (s: Server) =>
  new Promise<string>((resolve) =>
    s.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(s.address() as AddressInfo).port}`),
    ),
  )

const seen: IncomingHttpHeaders[] = []
let target: Server
let redirecting: Server
let redirectingUrl: string

beforeAll(async () => {
  target = createServer((req, res) => {
    seen.push(req.headers)
    res.setHeader('content-type', 'application/json')
    res.end(JSON.stringify({ changes: [], nextCursor: 'c0', hasMore: false }))
  })
  const targetUrl = await listen(target)
  redirecting = createServer((req, res) => {
    res.statusCode = req.url?.includes('health') ? 301 : 307
    res.setHeader('location', `${targetUrl}${req.url ?? '/'}`)
    res.end()
  })
  redirectingUrl = await listen(redirecting)
})
afterAll(async () => {
  await new Promise((resolve) => target.close(resolve))
  await new Promise((resolve) => redirecting.close(resolve))
})

it('does not follow a redirect with the token; the outcome says so in Chinese', async () => {
  const client = new SyncHttpClient({
    serverUrl: redirectingUrl,
    token: 'ddt_secret_token_that_must_stay_home_00',
    fetch: (input, init) => fetch(input, init),
    timeoutMs: 5000,
  })
  for (const outcome of [await client.changes(null, 10), await client.health()]) {
    expect(outcome.kind).not.toBe('ok')
    expect(outcome.kind === 'transient' ? outcome.message : '').toContain('重定向')
  }
  expect(seen).toEqual([])
})
