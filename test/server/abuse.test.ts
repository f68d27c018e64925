import { readFileSync } from 'node:fs'
import { request as httpsRequest } from 'node:https'
import { connect, type Socket } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import { runAdmin } from '../../src/server/cli/admin-commands'
import { plainHttpWarning } from '../../src/server/cli/server-options'
import { DEFAULT_AUTH_FAILURES_MAX, DEFAULT_RATE_LIMIT } from '../../src/server/http/rate-limit'
import type { ServerTimeouts } from '../../src/server/http/timeouts'
import { BACKENDS, useBackend } from './helpers/backends'
import { newItemId, putBody } from './helpers/payloads'
import { call, department, useServers } from './helpers/test-server'
import { TLS_CERT, TLS_KEY } from './helpers/tls'

/** Issue 8, point 8: the limiter runs before authentication, per address. */
describe.each(BACKENDS)('rate limits before authentication (%s)', (kind) => {
  const backend = useBackend(kind)
  const server = useServers()

  it('answers 5,000 made-up tokens from one address with 429s after a few 401s, while others go on', async () => {
    const { db } = await backend.fresh()
    const app = await server(db, { rateLimit: DEFAULT_RATE_LIMIT })
    const { token: real } = await department(db, 'A')
    const counts = new Map<number, number>()
    let lastLimited: Awaited<ReturnType<FastifyInstance['inject']>> | null = null
    for (let i = 0; i < 5000; i++) {
      const res = await app.inject({
        method: 'GET',
        url: '/api/v1/changes',
        remoteAddress: '10.0.0.7',
        headers: { authorization: `Bearer ddt_madeup${i}` },
      })
      counts.set(res.statusCode, (counts.get(res.statusCode) ?? 0) + 1)
      if (res.statusCode === 429) lastLimited = res
    }
    expect(counts.get(401)).toBe(DEFAULT_AUTH_FAILURES_MAX)
    expect(counts.get(429)).toBe(5000 - DEFAULT_AUTH_FAILURES_MAX)
    expect(lastLimited!.json().error).toMatchObject({ code: 'RATE_LIMITED' })
    expect(lastLimited!.json().error.message).toMatch(/认证失败次数过多.*秒后重试/)
    expect(Number(lastLimited!.headers['retry-after'])).toBeGreaterThan(0)
    // Another address, with a real token, is not affected; /health answers the flooder too.
    const other = await app.inject({
      method: 'GET',
      url: '/api/v1/changes',
      remoteAddress: '10.0.0.8',
      headers: { authorization: `Bearer ${real}` },
    })
    expect(other.statusCode).toBe(200)
    const health = await app.inject({
      method: 'GET',
      url: '/api/v1/health',
      remoteAddress: '10.0.0.7',
    })
    expect(health.statusCode).toBe(200)
  }, 120_000)

  it('limits each address over all its tokens, and each token on its own', async () => {
    const { db } = await backend.fresh()
    const app = await server(db, {
      rateLimit: { max: 3, timeWindowMs: 60_000, addressMax: 5 },
    })
    const tokens = await Promise.all(
      ['A', 'B', 'C'].map(async (c) => (await department(db, c)).token),
    )
    const from = (address: string, token: string) =>
      app.inject({
        method: 'GET',
        url: '/api/v1/changes',
        remoteAddress: address,
        headers: { authorization: `Bearer ${token}` },
      })
    // One address (a shared NAT): 5 requests over three tokens, then 429 even for a fresh token.
    const statuses: number[] = []
    for (const token of [tokens[0]!, tokens[0]!, tokens[1]!, tokens[1]!, tokens[2]!, tokens[2]!])
      statuses.push((await from('10.1.1.1', token)).statusCode)
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429])
    // The token budget holds across addresses: A has used 2 of 3.
    const a = [(await from('10.2.2.2', tokens[0]!)).statusCode]
    a.push((await from('10.3.3.3', tokens[0]!)).statusCode)
    expect(a).toEqual([200, 429])
  })
})

/** Issue 8, point 10: department tokens with an expiry. */
describe.each(BACKENDS)('department token expiry (%s)', (kind) => {
  const backend = useBackend(kind)
  const server = useServers()

  it('accepts a token through its last day (Beijing time) and refuses it from the next, in Chinese', async () => {
    const { db } = await backend.fresh()
    const { token } = await department(db, 'A', 'A局')
    const { rotateDepartmentToken } =
      await import('../../src/server/departments/departments-service')
    const { token: expiring } = await rotateDepartmentToken(db, 'A', '2026-11-20T00:00:00.000Z', {
      expiresAt: '2026-11-30',
    })
    expect(expiring).not.toBe(token)
    // 2026-11-30 23:59 Beijing = 15:59 UTC; 2026-12-01 00:00 Beijing = 16:00 UTC.
    const lastMinute = await server(db, { clock: () => new Date('2026-11-30T15:59:00.000Z') })
    expect((await call(lastMinute, expiring, 'GET', '/api/v1/changes')).statusCode).toBe(200)
    const nextDay = await server(db, { clock: () => new Date('2026-11-30T16:00:00.000Z') })
    const refused = await call(nextDay, expiring, 'PUT', `/api/v1/items/${newItemId()}`, putBody(1))
    expect(refused.statusCode).toBe(401)
    expect(refused.json().error.code).toBe('UNAUTHENTICATED')
    expect(refused.json().error.message).toBe(
      '令牌已于 2026-11-30 到期失效，请向区级管理员申请换发新令牌（rotate-token）。',
    )
    // Rotating without --expires gives a token without one.
    const { token: renewed } = await rotateDepartmentToken(db, 'A', '2026-12-01T00:00:00.000Z')
    expect((await call(nextDay, renewed, 'GET', '/api/v1/changes')).statusCode).toBe(200)
  })
  it('server:admin create-department / rotate-token take --expires, refuse a bad or past date, list the expiry', async () => {
    await backend.fresh()
    const run = async (now: string, ...args: string[]) => {
      const target = backend.target()
      const out: string[] = []
      const err: string[] = []
      const argv = target.kind === 'sqlite' ? ['--data', target.dataDir, ...args] : args
      const env = target.kind === 'postgres' ? { DATABASE_URL: target.url } : {}
      const code = await runAdmin(
        argv,
        env,
        { out: (l) => out.push(l), err: (l) => err.push(l) },
        () => new Date(now),
      )
      return { code, out, err, json: JSON.parse(out.at(-1) ?? 'null') as Record<string, unknown> }
    }
    const at = '2026-11-26T08:00:00.000Z'
    const made = await run(
      at,
      'create-department',
      '--code',
      'GAJ',
      '--name',
      '公安分局',
      '--expires',
      '2027-06-30',
    )
    expect(made.code).toBe(0)
    expect(made.json).toMatchObject({ code: 'GAJ', expiresAt: '2027-06-30' })
    expect(made.out[0]).toContain('有效期至 2027-06-30（北京时间）')
    for (const [bad, message] of [
      ['2027-02-30', /不是有效日期/],
      ['30/06/2027', /YYYY-MM-DD/],
      ['2026-11-25', /早于今天（2026-11-26）/],
    ] as const) {
      const refused = await run(at, 'rotate-token', '--code', 'GAJ', '--expires', bad)
      expect(refused.code, bad).toBe(1)
      expect(refused.err.join('\n')).toMatch(message)
    }
    const listed = await run('2027-07-01T00:00:00.000Z', 'list-departments')
    expect(listed.out[0]).toContain('已于 2027-06-30 过期')
    expect(listed.json).toEqual([
      expect.objectContaining({ code: 'GAJ', tokenExpiresAt: '2027-06-30', tokenExpired: true }),
    ])
    const rotated = await run(at, 'rotate-token', '--code', 'GAJ', '--expires', '2026-11-26')
    expect(rotated.json).toMatchObject({ code: 'GAJ', expiresAt: '2026-11-26' })
    expect((await run(at, 'list-departments')).out[0]).toContain('有效期至 2026-11-26')
  })
})

/** A raw loopback socket the test drives byte by byte; `closed` resolves when the server ends it. */
interface Probe {
  socket: Socket
  received: () => string
  closed: Promise<void>
}

function open(port: number): Promise<Probe> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let text = ''
    socket.setEncoding('latin1')
    socket.on('data', (c: string) => (text += c))
    const closed = new Promise<void>((done) => socket.once('close', () => done()))
    socket.once('error', () => {})
    socket.once('connect', () => resolve({ socket, received: () => text, closed }))
    socket.once('error', reject)
  })
}

/** Resolves true when every promise settled within `ms`, false otherwise (the test's own stop). */
function within(ms: number, all: Promise<unknown>[]): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms)
    void Promise.all(all).then(() => {
      clearTimeout(timer)
      resolve(true)
    })
  })
}

/** Short timeouts so that the slow-client tests finish in a few seconds. */
const FAST: Partial<ServerTimeouts> = {
  requestMs: 1500,
  headersMs: 1000,
  idleMs: 5000,
  keepAliveMs: 400,
  checkEveryMs: 100,
}

/** Issue 8, point 8: slow clients time out, and `/health` answers meanwhile. */
describe('slow and idle clients (sqlite, loopback sockets)', () => {
  const backend = useBackend('sqlite')
  const server = useServers()

  async function listening(options: Parameters<typeof server>[1] = {}) {
    const { db } = await backend.fresh()
    const app = await server(db, { timeouts: FAST, ...options })
    await app.listen({ host: '127.0.0.1', port: 0 })
    const address = app.server.address()
    const port = typeof address === 'object' && address ? address.port : 0
    return { app, db, port }
  }

  it('closes 60 trickling sockets (slow headers and slow bodies) while /health still answers', async () => {
    const { db, port } = await listening()
    const { token } = await department(db, 'A')
    const probes: Probe[] = []
    const timers: NodeJS.Timeout[] = []
    try {
      for (let i = 0; i < 60; i++) {
        const probe = await open(port)
        probes.push(probe)
        if (i % 2 === 0) {
          // Slow headers: one header line every 100 ms, never the blank line.
          probe.socket.write(`GET /api/v1/changes HTTP/1.1\r\nHost: 127.0.0.1\r\n`)
          timers.push(setInterval(() => probe.socket.write(`X-Drip: ${i}\r\n`), 100))
        } else {
          // Slow body: complete, authenticated headers, then one byte of a 10 kB body every 100 ms.
          probe.socket.write(
            `PUT /api/v1/items/${newItemId()} HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
              `Authorization: Bearer ${token}\r\nContent-Type: application/json\r\n` +
              `Content-Length: 10000\r\n\r\n{`,
          )
          timers.push(setInterval(() => probe.socket.write(' '), 100))
        }
      }
      await new Promise((r) => setTimeout(r, 300))
      for (let i = 0; i < 3; i++) {
        const res = await fetch(`http://127.0.0.1:${port}/api/v1/health`)
        expect(res.status).toBe(200)
      }
      // The server ends every one of them on its own (generous ceiling; the timeout is 1.5 s).
      expect(
        await within(
          10_000,
          probes.map((p) => p.closed),
        ),
      ).toBe(true)
      for (const p of probes) expect(p.received()).toMatch(/^HTTP\/1\.1 408 /)
    } finally {
      for (const t of timers) clearInterval(t)
      for (const p of probes) p.socket.destroy()
    }
    expect((await fetch(`http://127.0.0.1:${port}/api/v1/health`)).status).toBe(200)
  }, 30_000)

  it('closes an idle keep-alive socket after the keep-alive timeout', async () => {
    const { port } = await listening()
    const probe = await open(port)
    try {
      probe.socket.write('GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')
      expect(await within(10_000, [probe.closed])).toBe(true)
      expect(probe.received()).toMatch(/^HTTP\/1\.1 200 /)
    } finally {
      probe.socket.destroy()
    }
  }, 30_000)

  it('caps the open sockets of one address, and frees the slots as they close', async () => {
    const { port } = await listening({ timeouts: { ...FAST, connectionsPerAddress: 10 } })
    const probes: Probe[] = []
    try {
      for (let i = 0; i < 15; i++) probes.push(await open(port))
      const extra = probes.slice(10)
      expect(
        await within(
          5000,
          extra.map((p) => p.closed),
        ),
      ).toBe(true)
      expect(extra.every((p) => p.received() === '')).toBe(true)
      // The first ten are still open (idle timeout is 5 s, the request timeout 1.5 s).
      for (const p of probes.slice(0, 10)) expect(p.socket.destroyed).toBe(false)
    } finally {
      for (const p of probes) p.socket.destroy()
    }
    await Promise.all(probes.map((p) => p.closed))
    await new Promise((r) => setTimeout(r, 50))
    expect((await fetch(`http://127.0.0.1:${port}/api/v1/health`)).status).toBe(200)
  }, 30_000)
})

/** Issue 8, point 10: transport security hints. */
describe('transport security', () => {
  const backend = useBackend('sqlite')
  const server = useServers()

  it('sends HSTS on every response served over TLS, and none over plain http', async () => {
    const { db } = await backend.fresh()
    const tls = await server(db, {
      https: { cert: readFileSync(TLS_CERT), key: readFileSync(TLS_KEY) },
    })
    await tls.listen({ host: '127.0.0.1', port: 0 })
    const address = tls.server.address()
    const port = typeof address === 'object' && address ? address.port : 0
    for (const path of ['/api/v1/health', '/api/v1/changes']) {
      const headers = await new Promise<Record<string, unknown>>((resolve, reject) => {
        const req = httpsRequest(
          `https://127.0.0.1:${port}${path}`,
          { ca: readFileSync(TLS_CERT) },
          (res) => {
            res.resume()
            res.on('end', () => resolve(res.headers))
          },
        )
        req.on('error', reject)
        req.end()
      })
      expect(headers['strict-transport-security']).toBe('max-age=31536000')
    }
    const plain = await server(db)
    const res = await plain.inject({ method: 'GET', url: '/api/v1/health' })
    expect(res.headers['strict-transport-security']).toBeUndefined()
  })

  it('warns about plain http on an address other machines can reach', () => {
    const warning = plainHttpWarning({ host: '0.0.0.0', tls: null, trustProxy: false })
    expect(warning).toMatch(/明文 http.*0\.0\.0\.0.*--tls-cert/)
    expect(plainHttpWarning({ host: '10.0.0.5', tls: null, trustProxy: false })).not.toBeNull()
    expect(plainHttpWarning({ host: '127.0.0.1', tls: null, trustProxy: false })).toBeNull()
    expect(plainHttpWarning({ host: '::1', tls: null, trustProxy: false })).toBeNull()
    expect(
      plainHttpWarning({
        host: '0.0.0.0',
        tls: { certPath: 'c', keyPath: 'k' },
        trustProxy: false,
      }),
    ).toBeNull()
    expect(plainHttpWarning({ host: '0.0.0.0', tls: null, trustProxy: ['10.0.0.1'] })).toBeNull()
  })
})
