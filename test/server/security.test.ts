import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import {
  revokeDepartmentToken,
  rotateDepartmentToken,
} from '../../src/server/departments/departments-service'
import { BACKENDS, useBackend } from './helpers/backends'
import { makeItem, newItemId, putBody } from './helpers/payloads'
import { call, department, NOW, useServers } from './helpers/test-server'

const SQL = "'); DROP TABLE items;--"
const SCRIPT = '<script>alert(1)</script>'

describe.each(BACKENDS)('security (%s)', (kind) => {
  const backend = useBackend(kind)
  const server = useServers()

  it('answers 401 without a token, with a wrong token and with a non-Bearer header', async () => {
    const { db } = await backend.fresh()
    const app = await server(db)
    await department(db, 'A')
    const id = newItemId()
    for (const headers of [
      {},
      { authorization: 'Bearer ddt_wrong' },
      { authorization: 'Basic YTpi' },
    ]) {
      const res = await app.inject({
        method: 'PUT',
        url: `/api/v1/items/${id}`,
        headers,
        payload: putBody(1),
      })
      expect(res.statusCode).toBe(401)
      expect(res.json().error.code).toBe('UNAUTHENTICATED')
      expect(res.json().error.message).toMatch(/令牌/)
    }
    expect((await call(app, null, 'GET', '/api/v1/changes')).statusCode).toBe(401)
    expect((await call(app, null, 'GET', '/api/v1/health')).statusCode).toBe(200)
    expect((await call(app, null, 'GET', '/api/v1/openapi.json')).statusCode).toBe(200)
  })

  it('refuses a revoked token, and after rotation the old token fails and the new one works', async () => {
    const { db } = await backend.fresh()
    const app = await server(db)
    const { token: old } = await department(db, 'A')
    const id = newItemId()
    expect((await call(app, old, 'PUT', `/api/v1/items/${id}`, putBody(1))).statusCode).toBe(201)
    const { token: rotated } = await rotateDepartmentToken(db, 'A', NOW.toISOString())
    expect((await call(app, old, 'GET', `/api/v1/items/${id}`)).statusCode).toBe(401)
    expect((await call(app, rotated, 'GET', `/api/v1/items/${id}`)).statusCode).toBe(200)
    await revokeDepartmentToken(db, 'A', NOW.toISOString())
    expect((await call(app, rotated, 'GET', `/api/v1/items/${id}`)).statusCode).toBe(401)
  })

  it("answers 404 to department A for B's item on every route, and leaves B's item unchanged", async () => {
    const { db } = await backend.fresh()
    const app = await server(db)
    const { token: a } = await department(db, 'A')
    const { token: b } = await department(db, 'B')
    const id = newItemId()
    await call(app, b, 'PUT', `/api/v1/items/${id}`, putBody(1))
    const before = (await call(app, b, 'GET', `/api/v1/items/${id}`)).json()

    expect((await call(app, a, 'GET', `/api/v1/items/${id}`)).statusCode).toBe(404)
    const put = await call(
      app,
      a,
      'PUT',
      `/api/v1/items/${id}`,
      putBody(5, makeItem({ title: '冒名修改' })),
    )
    expect(put.statusCode).toBe(404)
    expect(put.json().error.code).toBe('NOT_FOUND')
    expect((await call(app, a, 'PUT', `/api/v1/items/${id}`, putBody(1))).statusCode).toBe(404)
    expect(
      (await call(app, a, 'POST', `/api/v1/items/${id}/withdraw`, { reason: '冒名撤回' }))
        .statusCode,
    ).toBe(404)
    const batch = await call(app, a, 'POST', '/api/v1/items/batch', {
      items: [{ id, ...putBody(9) }],
    })
    expect(batch.json().results[0]).toMatchObject({ status: 404, error: { code: 'NOT_FOUND' } })

    expect((await call(app, b, 'GET', `/api/v1/items/${id}`)).json()).toEqual(before)
    const feedA = (await call(app, a, 'GET', '/api/v1/changes')).json()
    expect(feedA.changes).toEqual([])
  })

  it('answers 413 for a body over the limit and 400 for malformed JSON or a wrong media type', async () => {
    const { db } = await backend.fresh()
    const app = await server(db, { bodyLimit: 2048 })
    const { token } = await department(db, 'A')
    const id = newItemId()
    const big = await call(
      app,
      token,
      'PUT',
      `/api/v1/items/${id}`,
      putBody(1, makeItem({ bodyHtml: '很'.repeat(5000) })),
    )
    expect(big.statusCode).toBe(413)
    expect(big.json().error.code).toBe('PAYLOAD_TOO_LARGE')
    for (const payload of ['{"revision":1,', 'not json', '']) {
      const res = await app.inject({
        method: 'PUT',
        url: `/api/v1/items/${id}`,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        payload,
      })
      expect(res.statusCode, payload).toBe(400)
      expect(res.json().error.code).toBe('MALFORMED_JSON')
    }
    const text = await app.inject({
      method: 'PUT',
      url: `/api/v1/items/${id}`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
      payload: 'hello',
    })
    expect(text.statusCode).toBe(415)
    expect(text.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE')
  })

  it('answers 429 once a token exceeds its rate limit, counting each token separately', async () => {
    const { db } = await backend.fresh()
    const app = await server(db, { rateLimit: { max: 3, timeWindowMs: 60_000 } })
    const { token: a } = await department(db, 'A')
    const { token: b } = await department(db, 'B')
    const statuses: number[] = []
    for (let i = 0; i < 5; i++)
      statuses.push((await call(app, a, 'GET', '/api/v1/changes')).statusCode)
    expect(statuses).toEqual([200, 200, 200, 429, 429])
    const limited = await call(app, a, 'GET', '/api/v1/changes')
    expect(limited.json().error.code).toBe('RATE_LIMITED')
    expect(limited.headers['retry-after']).toBeDefined()
    expect((await call(app, b, 'GET', '/api/v1/changes')).statusCode).toBe(200)
    for (let i = 0; i < 5; i++)
      expect((await call(app, null, 'GET', '/api/v1/health')).statusCode).toBe(200)
  })

  it('stores SQL- and HTML-looking strings literally and the district view escapes them', async () => {
    const { db } = await backend.fresh()
    const app = await server(db)
    const { token } = await department(db, `A`, SCRIPT)
    const id = newItemId()
    const item = makeItem({
      title: `${SQL}${SCRIPT}`,
      approvedBy: SQL,
      issuer: SQL,
    })
    expect(
      (await call(app, token, 'PUT', `/api/v1/items/${id}`, putBody(1, item))).statusCode,
    ).toBe(201)
    // Plain-text fields are stored literally; a body the sanitiser would change is refused.
    const stored = (await call(app, token, 'GET', `/api/v1/items/${id}`)).json().item
    expect(stored).toEqual(item)
    const scripted = makeItem({ bodyHtml: SCRIPT })
    expect(
      (await call(app, token, 'PUT', `/api/v1/items/${newItemId()}`, putBody(1, scripted)))
        .statusCode,
    ).toBe(422)
    const row = await db
      .selectFrom('items')
      .select(['title', 'approved_by'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ title: `${SQL}${SCRIPT}`, approved_by: SQL })
    await call(app, token, 'POST', `/api/v1/items/${id}/withdraw`, { reason: SCRIPT })

    // An old unpublished approval, so the title also appears in the late list.
    const late = newItemId()
    await call(
      app,
      token,
      'PUT',
      `/api/v1/items/${late}`,
      putBody(1, makeItem({ title: SCRIPT, approvedAt: '2026-01-01T00:00:00Z' })),
    )
    const page = await app.inject({ method: 'GET', url: '/' })
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-security-policy']).toContain("default-src 'none'")
    expect(page.body).not.toContain('<script')
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(page.body).toContain('逾期条目（1）')
  })

  it('never writes the bearer token to the log', async () => {
    const { db } = await backend.fresh()
    const lines: string[] = []
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk))
        done()
      },
    })
    const app = await server(db, { logger: { level: 'trace', stream } })
    const { token } = await department(db, 'A')
    const id = newItemId()
    await call(app, token, 'PUT', `/api/v1/items/${id}`, putBody(1))
    await call(app, token, 'GET', `/api/v1/items/${id}`)
    await call(app, 'ddt_not-a-real-token-but-secret', 'GET', `/api/v1/items/${id}`)
    app.log.info(
      { req: { headers: { authorization: `Bearer ${token}` } } },
      'custom line with headers',
    )
    const log = lines.join('')
    expect(log).toContain('request completed')
    expect(log).toContain('custom line with headers')
    expect(log).not.toContain(token)
    expect(log).not.toContain(token.slice(4))
    expect(log).not.toContain('not-a-real-token-but-secret')
  })

  it('protects the district view with a password, and disables it off loopback without one', async () => {
    const { db } = await backend.fresh()
    const guarded = await server(db, {
      view: { openWithoutPassword: false, password: '区里的密码' },
    })
    expect((await guarded.inject({ method: 'GET', url: '/' })).statusCode).toBe(401)
    const wrong = Buffer.from('district:错误').toString('base64')
    expect(
      (
        await guarded.inject({
          method: 'GET',
          url: '/',
          headers: { authorization: `Basic ${wrong}` },
        })
      ).statusCode,
    ).toBe(401)
    const right = Buffer.from('district:区里的密码').toString('base64')
    expect(
      (
        await guarded.inject({
          method: 'GET',
          url: '/',
          headers: { authorization: `Basic ${right}` },
        })
      ).statusCode,
    ).toBe(200)
    const closed = await server(db, { view: { openWithoutPassword: false } })
    expect((await closed.inject({ method: 'GET', url: '/' })).statusCode).toBe(403)
  })
})
