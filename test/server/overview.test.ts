import { describe, expect, it } from 'vitest'
import { publishItem, returnItem } from '../../src/server/changes/district-actions'
import { getOverview } from '../../src/server/overview/overview-service'
import { BACKENDS, useBackend } from './helpers/backends'
import { makeItem, newItemId, putBody } from './helpers/payloads'
import { call, department, NOW, useServers } from './helpers/test-server'

const DAY = 86_400_000
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY).toISOString()

describe.each(BACKENDS)('district overview (%s)', (kind) => {
  const backend = useBackend(kind)
  const server = useServers()

  it('counts items per department by status with the last push time', async () => {
    const { db } = await backend.fresh()
    const app = await server(db)
    const { token } = await department(db, 'A', '财政局')
    await department(db, 'B', '教育局')
    const ids = [newItemId(), newItemId(), newItemId()]
    for (const id of ids) await call(app, token, 'PUT', `/api/v1/items/${id}`, putBody(1))
    await publishItem(db, ids[0]!, 'https://gov.example/1', NOW.toISOString())
    await call(app, token, 'POST', `/api/v1/items/${ids[1]}/withdraw`, { reason: '撤回' })
    const overview = await getOverview(db, NOW)
    expect(overview.departments).toEqual([
      {
        code: 'A',
        name: '财政局',
        total: 3,
        byStatus: { received: 1, published: 1, returned: 0, withdrawn: 1 },
        lastPushAt: NOW.toISOString(),
        rebasedAt: null,
      },
      {
        code: 'B',
        name: '教育局',
        total: 0,
        byStatus: { received: 0, published: 0, returned: 0, withdrawn: 0 },
        lastPushAt: null,
        rebasedAt: null,
      },
    ])
    const page = await app.inject({ method: 'GET', url: '/' })
    expect(page.body).toContain('财政局')
    expect(page.body).toContain('教育局')
  })

  it('lists as late: unpublished 20 days after approval, and returned items not re-sent in 5 days', async () => {
    const { db } = await backend.fresh()
    const { token } = await department(db, 'A')
    const at = (iso: string) => server(db, { clock: () => new Date(iso) })
    const oldApproval = newItemId()
    const recentApproval = newItemId()
    const returnedLongAgo = newItemId()
    const returnedRecently = newItemId()
    const publishedOld = newItemId()
    const app = await at(daysAgo(30))
    await call(
      app,
      token,
      'PUT',
      `/api/v1/items/${oldApproval}`,
      putBody(1, makeItem({ title: '旧审批未发布', approvedAt: daysAgo(21) })),
    )
    await call(
      app,
      token,
      'PUT',
      `/api/v1/items/${recentApproval}`,
      putBody(1, makeItem({ approvedAt: daysAgo(19) })),
    )
    await call(
      app,
      token,
      'PUT',
      `/api/v1/items/${returnedLongAgo}`,
      putBody(1, makeItem({ title: '退回未改', approvedAt: daysAgo(1) })),
    )
    await call(
      app,
      token,
      'PUT',
      `/api/v1/items/${returnedRecently}`,
      putBody(1, makeItem({ approvedAt: daysAgo(1) })),
    )
    await call(
      app,
      token,
      'PUT',
      `/api/v1/items/${publishedOld}`,
      putBody(1, makeItem({ approvedAt: daysAgo(40) })),
    )
    await returnItem(db, returnedLongAgo, '缺少附件', daysAgo(6))
    await returnItem(db, returnedRecently, '缺少附件', daysAgo(4))
    await publishItem(db, publishedOld, 'https://gov.example/p', daysAgo(30))

    const { late } = await getOverview(db, NOW)
    expect(late.map((l) => [l.id, l.why])).toEqual([
      [oldApproval, 'unpublished'],
      [returnedLongAgo, 'returned'],
    ])
    expect(late[1]).toMatchObject({ title: '退回未改', reason: '缺少附件', departmentCode: 'A' })
  })
})
