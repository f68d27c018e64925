import { describe, expect, it } from 'vitest'
import { attachmentProgress } from '../../src/server/uploads/uploads-service'
import { BACKENDS, useBackend } from './helpers/backends'
import { batchEntry, hashOf, makeItem, newItemId, putBody } from './helpers/payloads'
import { call, department, useServers } from './helpers/test-server'

describe.each(BACKENDS)('item intake (%s)', (kind) => {
  const backend = useBackend(kind)
  const server = useServers()

  async function setup() {
    const { db } = await backend.fresh()
    const app = await server(db)
    const { token } = await department(db, 'A')
    return { db, app, token }
  }

  it('creates an item, then answers a repeat of the same revision as unchanged', async () => {
    const { app, token } = await setup()
    const id = newItemId()
    const first = await call(app, token, 'PUT', `/api/v1/items/${id}`, putBody(1))
    expect(first.statusCode).toBe(201)
    expect(first.json()).toEqual({ id, result: 'created', revision: 1 })
    const again = await call(app, token, 'PUT', `/api/v1/items/${id}`, putBody(1))
    expect(again.statusCode).toBe(200)
    expect(again.json()).toEqual({ id, result: 'unchanged', revision: 1 })
  })

  it('an unchanged re-send fills the file list of an item stored without one (an instance before protocol v2 in a rolling upgrade), alone and in a batch', async () => {
    const { db, app, token } = await setup()
    const [single, batched] = [newItemId(), newItemId()]
    const item = makeItem({
      attachments: [
        { name: '方案.pdf', sha256: 'a'.repeat(64), size: 10 },
        { name: '附表.xlsx', sha256: 'b'.repeat(64), size: 20 },
      ],
    })
    await call(app, token, 'PUT', `/api/v1/items/${single}`, putBody(1, item))
    await call(app, token, 'PUT', `/api/v1/items/${batched}`, putBody(1, item))
    // What an old instance stores: the item, no item_attachments rows.
    await db.deleteFrom('item_attachments').execute()
    expect((await attachmentProgress(db, [single, batched])).size).toBe(0)

    const again = await call(app, token, 'PUT', `/api/v1/items/${single}`, putBody(1, item))
    expect(again.json()).toEqual({ id: single, result: 'unchanged', revision: 1 })
    const batch = await call(app, token, 'POST', '/api/v1/items/batch', {
      items: [batchEntry(batched, 1, item)],
    })
    expect(batch.json().results[0]).toMatchObject({ result: 'unchanged' })
    const progress = await attachmentProgress(db, [single, batched])
    expect(progress.get(single)).toEqual({ total: 2, missing: 2 })
    expect(progress.get(batched)).toEqual({ total: 2, missing: 2 })
    // A re-send of an item whose list is there leaves it as it is (no duplicate rows).
    await call(app, token, 'PUT', `/api/v1/items/${single}`, putBody(1, item))
    expect(
      await db.selectFrom('item_attachments').where('item_id', '=', single).selectAll().execute(),
    ).toHaveLength(2)
  })

  it('rejects the same revision with other content, and a lower revision, with 409', async () => {
    const { app, token } = await setup()
    const id = newItemId()
    await call(app, token, 'PUT', `/api/v1/items/${id}`, putBody(2))
    const other = await call(
      app,
      token,
      'PUT',
      `/api/v1/items/${id}`,
      putBody(2, makeItem({ title: '改过的标题' })),
    )
    expect(other.statusCode).toBe(409)
    expect(other.json().error.code).toBe('REVISION_CONFLICT')
    expect(other.json().error.details).toEqual({ storedRevision: 2 })
    const lower = await call(app, token, 'PUT', `/api/v1/items/${id}`, putBody(1))
    expect(lower.statusCode).toBe(409)
    expect(lower.json().error.code).toBe('STALE_REVISION')
    const got = await call(app, token, 'GET', `/api/v1/items/${id}`)
    expect(got.json().revision).toBe(2)
    expect(got.json().item.title).toBe(makeItem().title)
  })

  it('stores a higher revision as the latest and keeps every revision received', async () => {
    const { db, app, token } = await setup()
    const id = newItemId()
    await call(app, token, 'PUT', `/api/v1/items/${id}`, putBody(1))
    const v3 = makeItem({ title: '第三版标题' })
    const res = await call(app, token, 'PUT', `/api/v1/items/${id}`, putBody(3, v3))
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ id, result: 'updated', revision: 3 })
    const got = (await call(app, token, 'GET', `/api/v1/items/${id}`)).json()
    expect(got).toMatchObject({ id, revision: 3, contentHash: hashOf(v3), status: 'received' })
    const revisions = await db
      .selectFrom('item_revisions')
      .select(['revision'])
      .where('item_id', '=', id)
      .orderBy('revision')
      .execute()
    expect(revisions.map((r) => r.revision)).toEqual([1, 3])
  })

  it('keeps the item exactly as sent, in the order sent', async () => {
    const { app, token } = await setup()
    const id = newItemId()
    const item = {
      validity: 'valid',
      ...makeItem(),
      attachments: [{ name: '附件一.pdf', sha256: 'ab'.repeat(32), size: 1024 }],
      docNumber: '',
    }
    await call(app, token, 'PUT', `/api/v1/items/${id}`, putBody(1, item))
    const got = (await call(app, token, 'GET', `/api/v1/items/${id}`)).json()
    expect(got.item).toEqual(item)
    expect(Object.keys(got.item)).toEqual(Object.keys(item))
  })

  it('answers 400 with a code and a Chinese message for a body that fails validation', async () => {
    const { app, token } = await setup()
    const id = newItemId()
    const cases = [
      { revision: 0, contentHash: hashOf('x'), item: makeItem() },
      { revision: 1.5, contentHash: hashOf('x'), item: makeItem() },
      { revision: 1, contentHash: 'md5:abc', item: makeItem() },
      { revision: 1, contentHash: hashOf('x'), item: makeItem({ title: '' }) },
      { revision: 1, contentHash: hashOf('x'), item: makeItem({ approvedAt: '昨天' }) },
      { revision: 1, contentHash: hashOf('x'), item: { title: '只有标题' } },
      { revision: 1, contentHash: hashOf('x') },
    ]
    for (const body of cases) {
      const res = await call(app, token, 'PUT', `/api/v1/items/${id}`, body)
      expect(res.statusCode, JSON.stringify(body)).toBe(400)
      expect(res.json().error.code).toBe('VALIDATION')
      expect(res.json().error.message).toMatch(/[\u4e00-\u9fff]/)
    }
    const badId = await call(app, token, 'PUT', '/api/v1/items/not-a-uuid', putBody(1))
    expect(badId.statusCode).toBe(400)
    expect((await call(app, token, 'GET', `/api/v1/items/${id}`)).statusCode).toBe(404)
  })

  it('treats item ids case-insensitively', async () => {
    const { app, token } = await setup()
    const id = newItemId()
    await call(app, token, 'PUT', `/api/v1/items/${id.toUpperCase()}`, putBody(1))
    const res = await call(app, token, 'PUT', `/api/v1/items/${id}`, putBody(1))
    expect(res.json().result).toBe('unchanged')
  })

  it('answers every batch entry on its own; one bad entry does not fail the others', async () => {
    const { app, token } = await setup()
    const [a, b, c] = [newItemId(), newItemId(), newItemId()]
    await call(app, token, 'PUT', `/api/v1/items/${b}`, putBody(2))
    const res = await call(app, token, 'POST', '/api/v1/items/batch', {
      items: [
        batchEntry(a, 1),
        batchEntry(b, 2),
        batchEntry(b, 1),
        { id: c, revision: 1, contentHash: 'bad', item: makeItem() },
        'not even an object',
        batchEntry(b, 3, makeItem({ title: '第三版' })),
        batchEntry(a, 1, makeItem({ title: '同版本不同内容' })),
      ],
    })
    expect(res.statusCode).toBe(200)
    const results = res.json().results
    expect(results.map((r: { status: number }) => r.status)).toEqual([
      201, 200, 409, 400, 400, 200, 409,
    ])
    expect(results[0]).toMatchObject({ index: 0, id: a, result: 'created', revision: 1 })
    expect(results[1]).toMatchObject({ result: 'unchanged', revision: 2 })
    expect(results[2].error.code).toBe('STALE_REVISION')
    expect(results[3]).toMatchObject({ index: 3, id: c, error: { code: 'VALIDATION' } })
    expect(results[4]).toMatchObject({ index: 4, id: null, error: { code: 'VALIDATION' } })
    expect(results[5]).toMatchObject({ result: 'updated', revision: 3 })
    expect(results[6].error.code).toBe('REVISION_CONFLICT')
    expect((await call(app, token, 'GET', `/api/v1/items/${a}`)).statusCode).toBe(200)
    expect((await call(app, token, 'GET', `/api/v1/items/${c}`)).statusCode).toBe(404)
    expect((await call(app, token, 'GET', `/api/v1/items/${b}`)).json().revision).toBe(3)
  })

  it('refuses an empty batch and one over 500 entries with 400', async () => {
    const { app, token } = await setup()
    const empty = await call(app, token, 'POST', '/api/v1/items/batch', { items: [] })
    expect(empty.statusCode).toBe(400)
    const entries = Array.from({ length: 501 }, () => batchEntry(newItemId(), 1))
    const big = await call(app, token, 'POST', '/api/v1/items/batch', { items: entries })
    expect(big.statusCode).toBe(400)
    expect(big.json().error.code).toBe('BATCH_TOO_LARGE')
  })

  it('stores a full batch of 500 in one request', async () => {
    const { db, app, token } = await setup()
    const entries = Array.from({ length: 500 }, (_, i) =>
      batchEntry(newItemId(), 1, makeItem({ title: `第${i}条` })),
    )
    const res = await call(app, token, 'POST', '/api/v1/items/batch', { items: entries })
    expect(res.json().results.every((r: { status: number }) => r.status === 201)).toBe(true)
    const count = await db
      .selectFrom('items')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(500)
  })

  it('withdraws idempotently, and a higher revision re-submits the item', async () => {
    const { app, token } = await setup()
    const id = newItemId()
    await call(app, token, 'PUT', `/api/v1/items/${id}`, putBody(1))
    const first = await call(app, token, 'POST', `/api/v1/items/${id}/withdraw`, {
      reason: '内容需修改',
    })
    expect(first.statusCode).toBe(200)
    expect(first.json()).toMatchObject({ id, status: 'withdrawn', changed: true, revision: 1 })
    const again = await call(app, token, 'POST', `/api/v1/items/${id}/withdraw`, {
      reason: '再次撤回',
    })
    expect(again.statusCode).toBe(200)
    expect(again.json()).toMatchObject({ status: 'withdrawn', changed: false })
    const got = (await call(app, token, 'GET', `/api/v1/items/${id}`)).json()
    expect(got).toMatchObject({ status: 'withdrawn', statusReason: '内容需修改' })
    expect((await call(app, token, 'PUT', `/api/v1/items/${id}`, putBody(1))).json().result).toBe(
      'unchanged',
    )
    await call(app, token, 'PUT', `/api/v1/items/${id}`, putBody(2, makeItem({ title: '修改后' })))
    expect((await call(app, token, 'GET', `/api/v1/items/${id}`)).json()).toMatchObject({
      status: 'received',
      revision: 2,
      statusReason: null,
    })
  })

  it('answers 404 for withdrawing an unknown item and 400 without a reason', async () => {
    const { app, token } = await setup()
    expect(
      (await call(app, token, 'POST', `/api/v1/items/${newItemId()}/withdraw`, { reason: '无' }))
        .statusCode,
    ).toBe(404)
    const id = newItemId()
    await call(app, token, 'PUT', `/api/v1/items/${id}`, putBody(1))
    expect((await call(app, token, 'POST', `/api/v1/items/${id}/withdraw`, {})).statusCode).toBe(
      400,
    )
  })
})
