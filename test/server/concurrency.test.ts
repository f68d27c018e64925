import { describe, expect, it } from 'vitest'
import { BACKENDS, useBackend } from './helpers/backends'
import { batchEntry, makeItem, newItemId, putBody } from './helpers/payloads'
import { call, department, useServers } from './helpers/test-server'

describe.each(BACKENDS)('idempotency under concurrency (%s)', (kind) => {
  const backend = useBackend(kind)
  const server = useServers()

  it('stores exactly one revision for 20 parallel identical PUTs, all answered 2xx', async () => {
    const { db } = await backend.fresh()
    const app = await server(db)
    const { token } = await department(db, 'A')
    const id = newItemId()
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => call(app, token, 'PUT', `/api/v1/items/${id}`, putBody(1))),
    )
    const statuses = responses.map((r) => r.statusCode).sort()
    expect(statuses.filter((s) => s === 201)).toHaveLength(1)
    expect(statuses.filter((s) => s === 200)).toHaveLength(19)
    const revisions = await db
      .selectFrom('item_revisions')
      .selectAll()
      .where('item_id', '=', id)
      .execute()
    expect(revisions).toHaveLength(1)
    const changes = await db.selectFrom('changes').selectAll().where('item_id', '=', id).execute()
    expect(changes).toHaveLength(1)
  })

  it('accepts exactly one of 10 parallel PUTs of one revision with different contents', async () => {
    const { db } = await backend.fresh()
    const app = await server(db)
    const { token } = await department(db, 'A')
    const id = newItemId()
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        call(
          app,
          token,
          'PUT',
          `/api/v1/items/${id}`,
          putBody(1, makeItem({ title: `版本内容 ${i}` })),
        ),
      ),
    )
    const statuses = responses.map((r) => r.statusCode).sort()
    expect(statuses).toEqual([201, ...Array(9).fill(409)])
    const revisions = await db
      .selectFrom('item_revisions')
      .selectAll()
      .where('item_id', '=', id)
      .execute()
    expect(revisions).toHaveLength(1)
  })

  it('keeps parallel overlapping batches consistent: one row per item, one revision each', async () => {
    const { db } = await backend.fresh()
    const app = await server(db)
    const { token } = await department(db, 'A')
    const ids = Array.from({ length: 50 }, () => newItemId())
    const body = { items: ids.map((id) => batchEntry(id, 1)) }
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => call(app, token, 'POST', '/api/v1/items/batch', body)),
    )
    const created = responses
      .flatMap((r) => r.json().results)
      .filter((r: { status: number }) => r.status === 201)
    expect(created).toHaveLength(50)
    expect(responses.every((r) => r.statusCode === 200)).toBe(true)
    const n = await db
      .selectFrom('item_revisions')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(n.n)).toBe(50)
  })

  it('hands out change ids that a cursor reader never skips', async () => {
    const { db } = await backend.fresh()
    const app = await server(db)
    const { token } = await department(db, 'A')
    const seen = new Set<string>()
    let cursor = ''
    const reader = async () => {
      const page = (
        await call(app, token, 'GET', `/api/v1/changes?cursor=${cursor}&limit=1000`)
      ).json()
      for (const c of page.changes) seen.add(c.itemId)
      cursor = page.nextCursor
    }
    const ids = Array.from({ length: 60 }, () => newItemId())
    const writes = Promise.all(
      ids.map((id) => call(app, token, 'PUT', `/api/v1/items/${id}`, putBody(1))),
    )
    let done = false
    void writes.then(() => (done = true))
    let reads = 0
    while (!done && reads < 200) {
      await reader()
      reads++
    }
    await writes
    await reader()
    expect(seen.size).toBe(60)
  })
})

// Several stateless instances share one database only on PostgreSQL (SQLite is single-instance).
describe('two server instances on one PostgreSQL', () => {
  const backend = useBackend('postgres')
  const server = useServers()

  it('stays idempotent when the parallel PUTs are spread over two server instances', async () => {
    const first = await backend.fresh()
    const second = await backend.another()
    const apps = [await server(first.db), await server(second.db)]
    const { token } = await department(first.db, 'A')
    const id = newItemId()
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call(apps[i % 2]!, token, 'PUT', `/api/v1/items/${id}`, putBody(1)),
      ),
    )
    expect(responses.every((r) => r.statusCode === 200 || r.statusCode === 201)).toBe(true)
    expect(responses.filter((r) => r.statusCode === 201)).toHaveLength(1)
    const revisions = await first.db
      .selectFrom('item_revisions')
      .selectAll()
      .where('item_id', '=', id)
      .execute()
    expect(revisions).toHaveLength(1)
    // A revocation through one instance is seen at once by the other: no token cache.
    await call(apps[0]!, token, 'GET', `/api/v1/items/${id}`)
    await second.db.updateTable('departments').set({ token_hash: null }).execute()
    expect((await call(apps[0]!, token, 'GET', `/api/v1/items/${id}`)).statusCode).toBe(401)
  })
})
