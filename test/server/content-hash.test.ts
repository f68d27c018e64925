import { describe, expect, it } from 'vitest'
import { wireContentHash } from '../../src/shared/sync/wire'
import { BACKENDS, useBackend } from './helpers/backends'
import { batchEntry, hashOf, makeItem, newItemId } from './helpers/payloads'
import { call, department, useServers } from './helpers/test-server'

/**
 * Issue 8 point 4 (b, c): `contentHash` is `sha256:` + hex SHA-256 of the RFC 8785 canonical JSON
 * of the `item` as sent; the server recomputes it (422 on mismatch) and refuses a body the app's own
 * sanitiser would change (422).
 */
describe('the wire content hash (RFC 8785) is one function, the same on both ends', () => {
  it('matches an independent RFC 8785 + SHA-256 over keys in any order, CJK, numbers and nesting', async () => {
    const item = {
      z: [3, 1.5, -0, 1e21, null, true],
      title: '关于“道路维修”的公示 😀',
      a: { y: '\u2028', b: 'é', A: 1 },
    }
    expect(await wireContentHash(item)).toBe(hashOf(item))
    expect(
      await wireContentHash({ a: { A: 1, b: 'é', y: '\u2028' }, title: item.title, z: item.z }),
    ).toBe(await wireContentHash(item))
    expect(await wireContentHash(item)).toMatch(/^sha256:[0-9a-f]{64}$/)
  })
})

describe.each(BACKENDS)('the server checks the content hash and sanitises (%s)', (kind) => {
  const backend = useBackend(kind)
  const server = useServers()

  async function setup() {
    const { db } = await backend.fresh()
    const app = await server(db)
    const { token } = await department(db, 'A')
    return { db, app, token }
  }

  const scripted = makeItem({
    bodyHtml: '<p>正文</p><script>alert(document.cookie)</script><img src="x" onerror="alert(1)">',
  })

  it('a raw PUT with a valid token, <script> and a made-up hash → 422, nothing stored', async () => {
    const { app, token } = await setup()
    const id = newItemId()
    const res = await call(app, token, 'PUT', `/api/v1/items/${id}`, {
      revision: 1,
      contentHash: `sha256:${'ab'.repeat(32)}`,
      item: scripted,
    })
    expect(res.statusCode).toBe(422)
    expect(res.json().error.code).toBe('CONTENT_HASH_MISMATCH')
    expect(res.json().error.message).toContain('内容哈希不符')
    expect((await call(app, token, 'GET', `/api/v1/items/${id}`)).statusCode).toBe(404)
  })

  it('a v1 client that sends its approval hash instead of the wire hash is told to upgrade', async () => {
    const { app, token } = await setup()
    const res = await call(app, token, 'PUT', `/api/v1/items/${newItemId()}`, {
      revision: 1,
      contentHash: hashOf({ somethingElse: true }),
      item: makeItem(),
    })
    expect(res.statusCode).toBe(422)
    expect(res.json().error.message).toContain('请升级工作台')
  })

  it('the correct hash with <script> → 422 UNSAFE_BODY, nothing stored (finding 1)', async () => {
    const { app, token } = await setup()
    const id = newItemId()
    const res = await call(app, token, 'PUT', `/api/v1/items/${id}`, {
      revision: 1,
      contentHash: hashOf(scripted),
      item: scripted,
    })
    expect(res.statusCode).toBe(422)
    expect(res.json().error.code).toBe('UNSAFE_BODY')
    expect(res.json().error.message).toContain('请升级工作台')
    expect((await call(app, token, 'GET', `/api/v1/items/${id}`)).statusCode).toBe(404)
  })

  it('a batch answers a wrong hash with its own 422 line and stores the rest', async () => {
    const { app, token } = await setup()
    const [a, b] = [newItemId(), newItemId()]
    const res = await call(app, token, 'POST', '/api/v1/items/batch', {
      items: [
        batchEntry(a, 1),
        { ...batchEntry(b, 1), contentHash: hashOf(makeItem({ title: '另一份内容' })) },
      ],
    })
    expect(res.statusCode).toBe(200)
    const [ok, bad] = res.json().results
    expect(ok).toMatchObject({ index: 0, status: 201 })
    expect(bad).toMatchObject({
      index: 1,
      id: b,
      status: 422,
      error: { code: 'CONTENT_HASH_MISMATCH' },
    })
    expect((await call(app, token, 'GET', `/api/v1/items/${b}`)).statusCode).toBe(404)
  })
})
