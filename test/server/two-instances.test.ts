import { createHash } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { readBlob } from '../../src/server/uploads/uploads-service'
import { deterministicBytes } from '../helpers/deterministic-bytes'
import { useBackend } from './helpers/backends'
import { makeItem, newItemId, putBody } from './helpers/payloads'
import { spawnServer, type SpawnedServer } from './helpers/spawn-server'
import { call, department, useServers } from './helpers/test-server'
import { adminCli } from './schedule-helpers'

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')
const CHUNK = 64 * 1024

const fileOf = (size: number, seed: number) => deterministicBytes(size, seed)

/**
 * Scale-out (issue 15): two server instances on one PostgreSQL share every piece of state; nothing
 * lives in an instance. The first test starts two real server processes (src/server/main.ts, as
 * `npm run server` does) on the same DATABASE_URL and talks to them over HTTP; the rate-limit test
 * uses two apps in this process, each with its own connection pool.
 */
describe('two server instances on one PostgreSQL', () => {
  const backend = useBackend('postgres')
  const server = useServers()
  const processes: SpawnedServer[] = []
  afterEach(async () => {
    for (const p of processes.splice(0)) await p.stop()
  })

  it('two real server processes on one DATABASE_URL: a department uploads half a file through one and finishes through the other; a district user logs in on one and loads the same overview on the other', async () => {
    const first = await backend.fresh()
    for (const table of ['district_sessions', 'district_users', 'district_audit'] as const) {
      await first.db.deleteFrom(table).execute()
    }
    const target = backend.target()
    if (target.kind !== 'postgres') throw new Error('postgres only')
    const { token } = await department(first.db, 'A')
    await department(first.db, 'B')
    // A district account, as an administrator creates it (server:admin).
    const created = await adminCli(backend)(
      'create-district-user',
      '--username',
      'wang',
      '--name',
      '王主任',
    )
    expect(created.code).toBe(0)
    const password = created.json!.password as string

    // Two processes as `npm run server` starts them behind a load balancer: nothing but the URL.
    const args = ['--port', '0', '--host', '127.0.0.1', '--upload-chunk', '64kb']
    const started = await Promise.allSettled([
      spawnServer(args, { DATABASE_URL: target.url }),
      spawnServer(args, { DATABASE_URL: target.url }),
    ])
    for (const s of started) if (s.status === 'fulfilled') processes.push(s.value)
    for (const s of started) if (s.status === 'rejected') throw s.reason
    const [one, two] = processes.map((p) => p.url) as [string, string]
    expect(one).not.toBe(two)

    const api = (base: string, method: string, path: string, body?: unknown) =>
      fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    const putChunk = (base: string, index: number) => {
      const data = file.subarray(index * CHUNK, (index + 1) * CHUNK)
      return fetch(`${base}/api/v1/blobs/${hash}/chunks/${index}`, {
        method: 'PUT',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/octet-stream',
          'x-chunk-sha256': sha(data),
        },
        body: new Uint8Array(data),
      })
    }

    const file = fileOf(10 * CHUNK + 321, 42)
    const hash = sha(file)
    const id = newItemId()
    const item = makeItem({
      attachments: [{ name: '实施方案.pdf', sha256: hash, size: file.length }],
    })
    expect((await api(one, 'PUT', `/api/v1/items/${id}`, putBody(1, item))).status).toBe(201)
    const start = await api(one, 'POST', `/api/v1/blobs/${hash}`, { size: file.length })
    expect(await start.json()).toMatchObject({ chunkCount: 11, complete: false })
    // The first half through one process …
    for (let i = 0; i < 5; i++) expect((await putChunk(one, i)).status).toBe(200)
    // … the other knows where the upload stands, and takes the rest.
    const status = await api(two, 'GET', `/api/v1/blobs/${hash}/status`)
    expect(await status.json()).toMatchObject({ received: [0, 1, 2, 3, 4], complete: false })
    for (let i = 5; i < 11; i++) expect((await putChunk(two, i)).status).toBe(200)
    const done = await api(one, 'GET', `/api/v1/blobs/${hash}/status`)
    expect(await done.json()).toMatchObject({ complete: true, receivedBytes: file.length })
    const parts: Buffer[] = []
    for await (const c of (await readBlob(first.db, hash))!) parts.push(c)
    expect(Buffer.concat(parts).equals(file)).toBe(true)

    // Log in on one process (a browser's form post from the page itself) …
    const login = await fetch(`${one}/district/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: one },
      body: new URLSearchParams({ username: 'wang', password, next: '/' }).toString(),
    })
    expect(login.status).toBe(303)
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!
    expect(cookie).toMatch(/^dd_district=/)
    // … without the cookie neither serves the overview; with it, the other serves it.
    const bare = await fetch(`${two}/`, { redirect: 'manual' })
    expect(bare.status).toBe(303)
    const pages = await Promise.all(
      [two, one].map(async (base) => {
        const res = await fetch(`${base}/?year=2026`, { headers: { cookie }, redirect: 'manual' })
        expect(res.status, base).toBe(200)
        return res.text()
      }),
    )
    const departments = (page: string) =>
      /<table aria-labelledby="departments">[\s\S]*?<\/table>/.exec(page)?.[0] ?? ''
    expect(pages[0]).toContain('王主任')
    expect(departments(pages[0]!)).toContain('A局')
    expect(departments(pages[0]!)).toContain('B局')
    expect(departments(pages[0]!)).toBe(departments(pages[1]!))
    const row = /<tr data-code="A">[\s\S]*?<\/tr>/.exec(pages[0]!)?.[0] ?? ''
    expect(row).toContain('data-incomplete="0"')
    const items = await fetch(`${two}/district/departments/A/items`, { headers: { cookie } })
    expect(items.status).toBe(200)
    expect(await items.text()).not.toContain('附件未到齐')
    // The login is recorded once, whichever process served it.
    const audits = await first.db
      .selectFrom('district_audit')
      .select('action')
      .where('action', 'like', 'login%')
      .execute()
    expect(audits.map((a) => a.action)).toEqual(['login'])
  }, 90_000)

  it('enforces one rate limit across both instances (counters in the database)', async () => {
    const first = await backend.fresh()
    const second = await backend.another()
    const rateLimit = { max: 5, timeWindowMs: 60_000, addressMax: 1000 }
    const one = await server(first.db, { rateLimit })
    const two = await server(second.db, { rateLimit })
    const { token } = await department(first.db, 'A')
    const { token: other } = await department(first.db, 'B')
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) {
      statuses.push((await call(i % 2 ? two : one, token, 'GET', '/api/v1/changes')).statusCode)
    }
    // Each instance saw 3 requests; together they are 6 > 5: the sixth is refused.
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429])
    const refused = await call(one, token, 'GET', '/api/v1/changes')
    expect(refused.statusCode).toBe(429)
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
    // Another department's budget is its own.
    expect((await call(two, other, 'GET', '/api/v1/changes')).statusCode).toBe(200)
  })
})
