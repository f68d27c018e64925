import { describe, expect, it } from 'vitest'
import { getOverview } from '../../src/server/overview/overview-service'
import { BACKENDS, useBackend } from './helpers/backends'
import { call, department, NOW, useServers } from './helpers/test-server'

const h = (c: string) => c.repeat(64)

/**
 * `PUT /audit-anchors` with a `rebase` (docs/sync-protocol.md §2): a desk that restored a backup
 * declares it; the district accepts the rewound chain only when the carried pairs account for its
 * latest anchor, records an epoch and keeps the replaced anchors.
 */
describe.each(BACKENDS)('audit anchors across a restore (%s)', (kind) => {
  const backend = useBackend(kind)
  const server = useServers()

  /** Anchors 5 and 9 of the original chain; the backup was taken at 3. */
  async function anchored() {
    const { db } = await backend.fresh()
    const app = await server(db)
    const { token } = await department(db, 'A', '财政局')
    const put = (body: unknown) => call(app, token, 'PUT', '/api/v1/audit-anchors', body)
    expect((await put({ seq: 5, hash: h('5') })).statusCode).toBe(201)
    expect((await put({ seq: 9, hash: h('9') })).statusCode).toBe(201)
    return { db, app, token, put }
  }
  // The restored chain: 1–3 shared, 4 carries the old 4–10, 5 is the restore entry, head at 6.
  const carried = [4, 5, 6, 7, 8, 9, 10].map((s): [number, string] => [s, h(String(s % 10))])
  const rebase = { restore: { seq: 5, hash: h('b') }, carried }

  it('accepts the declared restore, records an epoch, keeps the replaced anchors, and is idempotent', async () => {
    const { db, app, token, put } = await anchored()
    expect((await put({ seq: 6, hash: h('c') })).statusCode).toBe(409)
    const res = await put({ seq: 6, hash: h('c'), rebase })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ seq: 6, hash: h('c') })
    // The same declaration again (its answer was lost): the same anchor, no second epoch.
    expect((await put({ seq: 6, hash: h('c'), rebase })).statusCode).toBe(200)
    const list = await call(app, token, 'GET', '/api/v1/audit-anchors')
    expect(list.json()).toMatchObject({
      anchors: [
        { seq: 5, hash: h('b') },
        { seq: 6, hash: h('c') },
      ],
      epochs: [{ epoch: 1, restoreSeq: 5, restoreHash: h('b'), replacedSeq: 9, carried: 7 }],
    })
    const kept = await db
      .selectFrom('audit_anchors_superseded')
      .select(['seq', 'hash', 'epoch'])
      .orderBy('seq')
      .execute()
    expect(kept.map((k) => [Number(k.seq), k.hash, Number(k.epoch)])).toEqual([
      [5, h('5'), 1],
      [9, h('9'), 1],
    ])
    // Later anchors of the new chain are ordinary ones; a rewind of it is refused again.
    expect((await put({ seq: 8, hash: h('d') })).statusCode).toBe(201)
    expect((await put({ seq: 7, hash: h('e') })).statusCode).toBe(409)
    const overview = await getOverview(db, NOW)
    expect(overview.departments[0]?.rebasedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/)
  })

  it('refuses a rebase whose carried pairs miss or alter the latest anchor, and a restore entry after the head', async () => {
    const { db, put } = await anchored()
    for (const body of [
      { seq: 6, hash: h('c'), rebase: { ...rebase, carried: carried.filter(([s]) => s !== 9) } },
      {
        seq: 6,
        hash: h('c'),
        rebase: {
          ...rebase,
          carried: carried.map(([s, x]): [number, string] => [s, s === 9 ? h('f') : x]),
        },
      },
      // Claims the backup was taken after 5, yet 5 was anchored before the restore entry.
      { seq: 6, hash: h('c'), rebase: { restore: { seq: 6, hash: h('c') }, carried: [] } },
      { seq: 6, hash: h('c'), rebase: { ...rebase, restore: { seq: 7, hash: h('b') } } },
    ]) {
      const res = await put(body)
      expect(res.statusCode).toBe(409)
      expect(res.json().error.code).toBe('ANCHOR_CONFLICT')
    }
    expect(await db.selectFrom('audit_anchor_epochs').selectAll().execute()).toEqual([])
    expect(await db.selectFrom('audit_anchors').select('seq').execute()).toHaveLength(2)
  })

  it('a restore the district never saw past (its latest anchor in the shared part) still becomes an epoch', async () => {
    const { db, put } = await anchored()
    const res = await put({
      seq: 12,
      hash: h('c'),
      rebase: { restore: { seq: 11, hash: h('b') }, carried: [[10, h('a')]] },
    })
    expect(res.statusCode).toBe(201)
    const epochs = await db.selectFrom('audit_anchor_epochs').selectAll().execute()
    expect(epochs).toHaveLength(1)
    expect(await db.selectFrom('audit_anchors_superseded').selectAll().execute()).toEqual([])
  })
})
