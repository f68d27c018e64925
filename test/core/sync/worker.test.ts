import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { wireContentHash } from '../../../src/shared/sync/wire'
import { publishItem, returnItem } from '../../../src/server/changes/district-actions'
import { SYNC_TOKEN_REFUSED_MESSAGE } from '../../../src/shared/sync/labels'
import { dumpDatabase } from '../../helpers/db-dump'
import { fieldsOf } from '../items/helpers'
import { serverItem, startTestServer, type TestServer } from './helpers'
import { loginAdmin, loginAs, OFFICER, syncDesk } from './sync-setup'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.destroy()
})

/** Every table except those sync itself writes (outbox, state, per-item server status, audit). */
function localData(path: string): string {
  return dumpDatabase(path)
    .split('\n')
    .reduce<{ out: string[]; skip: boolean }>(
      (acc, line, i, lines) => {
        if (i % 2 === 0) {
          acc.skip = [
            'sync_outbox',
            'sync_state',
            'sync_items',
            'audit_log',
            'audit_anchors',
            'meta',
          ].includes(line)
          if (!acc.skip) acc.out.push(line, lines[i + 1] ?? '')
        }
        return acc
      },
      { out: [], skip: false },
    )
    .out.join('\n')
}

describe('sync worker against the real central server', () => {
  it('sends the approved revision, not a draft edited after the approval', async () => {
    const desk = await syncDesk(server)
    try {
      const approved = await desk.approvedItem('关于道路维修的公示')
      // Edited after approval: a 修订稿 in 草稿 — not approved, must not be sent (issue 10).
      await desk.t.call('items:save', {
        ...fieldsOf(approved),
        title: '关于道路维修的公示（修改稿）',
        confirmRevision: true,
      })
      expect((await desk.t.call('items:get', { id: approved.id })).status).toBe('draft')

      expect(await desk.t.core.sync.runOnce()).toEqual({ kind: 'done' })
      const stored = await serverItem(server, desk.token, approved.id)
      expect(stored).toMatchObject({ revision: approved.revision, status: 'received' })
      // Protocol revision 2: the wire hash of the item as sent; the approval's hash inside it.
      expect(stored?.contentHash).toBe(await wireContentHash(stored?.item))
      expect(stored?.item).toMatchObject({
        approvedContentHash: `sha256:${approved.contentHash}`,
        title: '关于道路维修的公示',
        kind: 'policy',
        approvedBy: '李审核',
        indexNo: approved.indexNumber,
        docNumber: approved.docNumber,
        issuer: approved.issuer,
        signedDate: '2026-11-20',
        attachments: [],
      })
      expect(desk.requests).toEqual([
        'POST /api/v1/items/batch',
        'GET /api/v1/changes',
        // The audit chain's head, anchored at the district after each run (issue 8 point 9).
        'PUT /api/v1/audit-anchors',
      ])
    } finally {
      await desk.close()
    }
  })

  it('marks a sent item 已送达 while it stays 已通过, and shows the badge in the list', async () => {
    const desk = await syncDesk(server)
    try {
      const item = await desk.approvedItem()
      let page = await desk.t.call('items:search', {
        sort: 'updated',
        order: 'desc',
        offset: 0,
        limit: 20,
      })
      expect(page.rows.find((r) => r.id === item.id)?.syncState).toBe('pending')
      await desk.t.core.sync.runOnce()
      page = await desk.t.call('items:search', {
        sort: 'updated',
        order: 'desc',
        offset: 0,
        limit: 20,
      })
      const row = page.rows.find((r) => r.id === item.id)
      expect(row).toMatchObject({ status: 'approved', syncState: 'delivered' })
      const status = await desk.t.call('sync:status', {})
      expect(status).toMatchObject({
        configured: true,
        running: false,
        lastError: null,
        authFailed: false,
        counts: { pending: 0, failed: 0, conflict: 0 },
      })
      expect(status.lastSuccessAt).toBe(desk.t.clock.clock().toISOString())
    } finally {
      await desk.close()
    }
  })

  it('409: flags the item for the officer and leaves the local data unchanged', async () => {
    const desk = await syncDesk(server)
    try {
      const item = await desk.approvedItem('关于开展安全生产检查的通知')
      // The district already holds a later revision of this id (e.g. from a restored backup).
      const newer = {
        title: '服务器上的较新版本',
        kind: 'notice',
        bodyHtml: '<p>x</p>',
        approvedAt: '2026-11-20T09:30:00+08:00',
        approvedBy: '某人',
      }
      const put = await fetch(`${server.url}/api/v1/items/${item.id}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${desk.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          revision: item.revision + 5,
          contentHash: await wireContentHash(newer),
          item: newer,
        }),
      })
      expect(put.status).toBe(201)
      const before = localData(desk.t.dbPath)

      expect(await desk.t.core.sync.runOnce()).toEqual({ kind: 'done' })

      expect(localData(desk.t.dbPath)).toBe(before)
      const overview = await desk.t.call('sync:overview', {})
      expect(overview.conflicts).toHaveLength(1)
      expect(overview.conflicts[0]).toMatchObject({ itemId: item.id, state: 'conflict' })
      expect(overview.conflicts[0]?.message).toMatch(
        /区级服务器已有该条目更新的版本（服务器为第 6 版，本机为第 1 版）.*本机数据未作改动/,
      )
      expect(overview.pending).toEqual([])
      const page = await desk.t.call('items:search', {
        sort: 'updated',
        order: 'desc',
        offset: 0,
        limit: 20,
      })
      expect(page.rows.find((r) => r.id === item.id)).toMatchObject({
        status: 'approved',
        syncState: 'conflict',
      })
      expect((await serverItem(server, desk.token, item.id))?.revision).toBe(item.revision + 5)
      // Not retried by itself: a conflict waits for the officer.
      expect(await desk.t.core.sync.runOnce(true)).toEqual({ kind: 'done' })
      expect(desk.requests.filter((r) => r.includes('batch'))).toHaveLength(1)
    } finally {
      await desk.close()
    }
  })

  it('400: the entry fails with the server message in Chinese', async () => {
    const desk = await syncDesk(server)
    try {
      const item = await desk.approvedItem()
      // An approval record without a usable time: the server's validation refuses the entry.
      await desk.store.db
        .updateTable('sync_outbox')
        .set({ detail_json: JSON.stringify({ approvedAt: 'yesterday' }) })
        .execute()
      await desk.t.core.sync.runOnce()
      const overview = await desk.t.call('sync:overview', {})
      expect(overview.failed).toHaveLength(1)
      expect(overview.failed[0]).toMatchObject({ itemId: item.id, state: 'failed' })
      // The refused field is named in Chinese (审核通过时间), never by its wire key.
      expect(overview.failed[0]?.message).toMatch(/^区级服务器拒绝报送：.*审核通过时间：/)
      expect(overview.failed[0]?.message).not.toMatch(/approvedAt/)
      // 重试 puts it back in the queue.
      await desk.t.call('sync:retry', { seq: overview.failed[0]!.seq })
      expect((await desk.t.call('sync:overview', {})).pending).toHaveLength(1)
    } finally {
      await desk.close()
    }
  })

  it('401: stops the run at once, keeps the entries and says so in Chinese', async () => {
    const desk = await syncDesk(server, { token: 'ddt_thisTokenWasNeverIssued0000000000000000000' })
    try {
      await desk.approvedItem()
      await desk.approvedItem('第二条')
      expect(await desk.t.core.sync.runOnce()).toEqual({ kind: 'unauthorized' })
      expect(desk.requests).toEqual(['POST /api/v1/items/batch'])
      const status = await desk.t.call('sync:status', {})
      expect(status).toMatchObject({ authFailed: true, lastError: SYNC_TOKEN_REFUSED_MESSAGE })
      expect(status.counts.pending).toBe(2)
      // The background loop does not hammer the server with a refused token …
      expect(await desk.t.core.sync.runOnce()).toEqual({ kind: 'unauthorized' })
      expect(desk.requests).toHaveLength(1)
      // … until the administrator sets a valid one.
      await loginAdmin(desk.t)
      await desk.t.call('sync:update-settings', {
        token: await server.department(`OK${Date.now() % 10000}`),
      })
      expect((await desk.t.call('sync:status', {})).authFailed).toBe(false)
      expect(await desk.t.core.sync.runOnce()).toEqual({ kind: 'done' })
      expect((await desk.t.call('sync:status', {})).counts.pending).toBe(0)
    } finally {
      await desk.close()
    }
  })

  it('reads the changes feed: published → 已同步 with URL and date, returned → 退回修改 with the reason', async () => {
    const desk = await syncDesk(server)
    try {
      const a = await desk.approvedItem('关于公布2026年度预算的通知')
      const b = await desk.approvedItem('关于征收补偿方案的公告')
      await desk.t.core.sync.runOnce()
      await publishItem(
        server.db(),
        a.id,
        'https://www.example.gov.cn/zwgk/2026/a.html',
        '2026-11-27T02:00:00.000Z',
      )
      await returnItem(server.db(), b.id, '附件缺少盖章页', '2026-11-27T03:00:00.000Z')
      expect(await desk.t.core.sync.runOnce(true)).toEqual({ kind: 'done' })

      const va = await desk.t.call('items:get', { id: a.id })
      expect(va).toMatchObject({ status: 'synced', publishedDate: '2026-11-27' })
      const vb = await desk.t.call('items:get', { id: b.id })
      expect(vb).toMatchObject({ status: 'returned', approvedContentHash: null })
      const overview = await desk.t.call('sync:overview', {})
      expect(overview.recent.find((r) => r.itemId === a.id)).toMatchObject({
        state: 'published',
        publishedUrl: 'https://www.example.gov.cn/zwgk/2026/a.html',
        publishedDate: '2026-11-27',
      })
      expect(overview.recent.find((r) => r.itemId === b.id)).toMatchObject({
        state: 'returned',
        returnedReason: '附件缺少盖章页',
      })
      const cursor = desk.store.db
        .selectFrom('sync_state')
        .select('value')
        .where('key', '=', 'changes_cursor')
      const saved = (await cursor.executeTakeFirst())?.value
      expect(saved).toMatch(/^c\d+$/)
      // Reading again from the saved cursor yields nothing new and changes nothing.
      const before = dumpDatabase(desk.t.dbPath)
      await desk.t.core.sync.runOnce(true)
      expect((await cursor.executeTakeFirst())?.value).toBe(saved)
      expect(
        dumpDatabase(desk.t.dbPath).replace(/"last_(success|run)_at","value":"[^"]*"/g, ''),
      ).toBe(before.replace(/"last_(success|run)_at","value":"[^"]*"/g, ''))
    } finally {
      await desk.close()
    }
  })

  it('does not mark an item 已同步 when the published revision is not its current one', async () => {
    const desk = await syncDesk(server)
    try {
      const item = await desk.approvedItem()
      await desk.t.core.sync.runOnce()
      await publishItem(
        server.db(),
        item.id,
        'https://www.example.gov.cn/a.html',
        '2026-11-27T02:00:00.000Z',
      )
      // Edited before the desk heard of the publication: 草稿, and it stays so.
      await desk.t.call('items:save', {
        ...fieldsOf(item),
        title: '改过的标题',
        confirmRevision: true,
      })
      await desk.t.core.sync.runOnce(true)
      expect(await desk.t.call('items:get', { id: item.id })).toMatchObject({
        status: 'draft',
        publishedDate: '2026-11-27',
      })
    } finally {
      await desk.close()
    }
  })

  it('withdraws: 已撤回 and an outbox entry in one step, then the district marks it withdrawn', async () => {
    const desk = await syncDesk(server)
    try {
      const item = await desk.approvedItem()
      await desk.t.core.sync.runOnce()
      await publishItem(
        server.db(),
        item.id,
        'https://www.example.gov.cn/b.html',
        '2026-11-27T02:00:00.000Z',
      )
      await desk.t.core.sync.runOnce(true)
      const view = await desk.t.call('sync:withdraw', { id: item.id, reason: '政策调整，暂缓公开' })
      expect(view.status).toBe('withdrawn')
      const queued = await desk.t.call('sync:overview', {})
      expect(queued.pending).toMatchObject([
        { itemId: item.id, op: 'withdraw', revision: item.revision },
      ])

      await desk.t.core.sync.runOnce()
      expect(await serverItem(server, desk.token, item.id)).toMatchObject({ status: 'withdrawn' })
      const page = await desk.t.call('items:search', {
        sort: 'updated',
        order: 'desc',
        offset: 0,
        limit: 20,
      })
      expect(page.rows.find((r) => r.id === item.id)).toMatchObject({
        status: 'withdrawn',
        syncState: 'withdrawn',
      })
      // Only 已通过/已同步 items can be withdrawn.
      const again = await desk.t.send('sync:withdraw', { id: item.id, reason: '再次撤回' })
      expect(again.ok).toBe(false)
    } finally {
      await desk.close()
    }
  })

  it('withdrawing before anything was sent queues nothing: the district never sees the item', async () => {
    const desk = await syncDesk(server)
    try {
      const item = await desk.approvedItem()
      await desk.t.call('sync:withdraw', { id: item.id, reason: '发现错别字，撤回' })
      const overview = await desk.t.call('sync:overview', {})
      expect(overview.pending).toEqual([])
      await desk.t.core.sync.runOnce(true)
      expect(await serverItem(server, desk.token, item.id)).toBeNull()
      expect(desk.requests).not.toContain('POST /api/v1/items/batch')
    } finally {
      await desk.close()
    }
  })

  it('only officers and administrators withdraw; reviewers are refused', async () => {
    const desk = await syncDesk(server)
    try {
      const item = await desk.approvedItem()
      await loginAdmin(desk.t)
      await desk.t.call('users:create', {
        username: 'li',
        displayName: '李审核',
        password: 'Review1234',
        roles: ['reviewer'],
      })
      await loginAs(desk.t, { username: 'li', password: 'Review1234' })
      const refused = await desk.t.send('sync:withdraw', { id: item.id, reason: '无权撤回' })
      expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      await loginAs(desk.t, OFFICER)
      expect(
        (await desk.t.call('sync:withdraw', { id: item.id, reason: '起草人撤回' })).status,
      ).toBe('withdrawn')
    } finally {
      await desk.close()
    }
  })

  it('sends more than 200 approved items in batches of at most 200', async () => {
    const desk = await syncDesk(server)
    try {
      const ids: string[] = []
      for (let i = 0; i < 205; i++) ids.push((await desk.approvedItem(`批量条目 ${i}`)).id)
      expect(await desk.t.core.sync.runOnce()).toEqual({ kind: 'done' })
      expect(desk.requests.filter((r) => r.endsWith('/items/batch'))).toHaveLength(2)
      const counts = await server
        .db()
        .selectFrom('items')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('id', 'in', ids)
        .executeTakeFirst()
      expect(Number(counts?.n)).toBe(205)
    } finally {
      await desk.close()
    }
  }, 60_000)
})
