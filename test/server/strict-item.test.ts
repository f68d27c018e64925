import { describe, expect, it } from 'vitest'
import { approvedItemSchema } from '../../src/shared/sync/wire'
import { BACKENDS, useBackend } from './helpers/backends'
import { batchEntry, makeItem, newItemId, putBody } from './helpers/payloads'
import { call, department, useServers } from './helpers/test-server'

/** Every field the desk's buildItemPayload (src/core/sync/payload.ts) sends. */
const fullItem = makeItem({
  indexNo: 'CZJ-2026-0001',
  docNumber: '区财字〔2026〕3号',
  issuer: '区财政局',
  signedDate: '2026-11-18',
  plannedPublishDate: null,
  topic: '财政 / 预算',
  genre: '通知',
  catalogueEntry: null,
  validity: 'valid',
  validityById: null,
  attachments: [{ name: '附件一.pdf', sha256: 'ab'.repeat(32), size: 1024 }],
  approvedContentHash: `sha256:${'cd'.repeat(32)}`,
})

/**
 * Review findings 1 and 2: what the district stores is exactly what was sent and hashed — a body
 * the sanitiser would change is refused (422, nothing stored), and the item carries only the
 * fields the desk sends, each a bounded plain text; bodyHtml is the only HTML field.
 */
describe.each(BACKENDS)('the item is stored exactly as hashed (%s)', (kind) => {
  const backend = useBackend(kind)
  const server = useServers()

  async function setup() {
    const { db } = await backend.fresh()
    const app = await server(db)
    const { token } = await department(db, 'A')
    return { db, app, token }
  }

  it('refuses (422) a correctly hashed body the sanitiser would change; nothing is stored', async () => {
    const { db, app, token } = await setup()
    const id = newItemId()
    const scripted = makeItem({ bodyHtml: '<p>正文</p><img src="x" onerror="alert(1)">' })
    const res = await call(app, token, 'PUT', `/api/v1/items/${id}`, putBody(1, scripted))
    expect(res.statusCode).toBe(422)
    expect(res.json().error.code).toBe('UNSAFE_BODY')
    expect(res.json().error.message).toContain('未保存')
    expect((await call(app, token, 'GET', `/api/v1/items/${id}`)).statusCode).toBe(404)
    expect(await db.selectFrom('item_revisions').select('item_id').execute()).toEqual([])

    const [b1, b2] = [newItemId(), newItemId()]
    const batch = await call(app, token, 'POST', '/api/v1/items/batch', {
      items: [batchEntry(b1, 1, scripted), batchEntry(b2, 1)],
    })
    expect(batch.json().results).toMatchObject([
      { index: 0, status: 422, error: { code: 'UNSAFE_BODY' } },
      { index: 1, status: 201 },
    ])
  })

  it('stores a full desk payload as sent and returns it unchanged', async () => {
    const { app, token } = await setup()
    const id = newItemId()
    expect(
      (await call(app, token, 'PUT', `/api/v1/items/${id}`, putBody(1, fullItem))).statusCode,
    ).toBe(201)
    const got = (await call(app, token, 'GET', `/api/v1/items/${id}`)).json()
    expect(got.item).toEqual(fullItem)
  })

  it('refuses fields the desk does not send, and over-long or malformed ones (400)', async () => {
    const { app, token } = await setup()
    const cases = [
      makeItem({ note: '<script>alert(1)</script>' }),
      makeItem({ alpha: { nested: true } }),
      makeItem({ issuer: 'x'.repeat(1001) }),
      makeItem({ docNumber: 'a\u0000b' }),
      makeItem({ signedDate: '昨天' }),
      makeItem({ validity: 'forever' }),
      makeItem({ attachments: [{ name: 'a.pdf', size: 1, extra: '<b>' }] }),
      makeItem({ approvedContentHash: 'md5:abc' }),
    ]
    for (const item of cases) {
      const id = newItemId()
      const res = await call(app, token, 'PUT', `/api/v1/items/${id}`, putBody(1, item))
      expect(res.statusCode, JSON.stringify(item)).toBe(400)
      expect(res.json().error.code).toBe('VALIDATION')
      expect(res.json().error.message).toMatch(/[\u4e00-\u9fff]/)
      expect((await call(app, token, 'GET', `/api/v1/items/${id}`)).statusCode).toBe(404)
    }
  })
})

describe('the strict item schema', () => {
  it('accepts exactly the fields buildItemPayload sends', () => {
    expect(approvedItemSchema.safeParse(fullItem).success).toBe(true)
    expect(approvedItemSchema.safeParse({ ...fullItem, extra: 1 }).success).toBe(false)
  })
})
