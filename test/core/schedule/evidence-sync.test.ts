import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { scheduleSyncExtension } from '../../../src/core/schedule/sync-extension'
import { publishItem } from '../../../src/server/changes/district-actions'
import { startTestServer, type TestServer } from '../sync/helpers'
import { syncDesk } from '../sync/sync-setup'
import { breakdownXlsx } from './breakdown-fixtures'
import { importThroughUi } from './schedule-helpers'
import { fieldsOf } from '../items/helpers'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.destroy()
})

/** The department's table as the district holds it (GET with the desk's token). */
async function districtTable(token: string) {
  const res = await fetch(`${server.url}/api/v1/schedule/tables/2026`, {
    headers: { authorization: `Bearer ${token}` },
  })
  expect(res.status).toBe(200)
  return (await res.json()) as {
    table: {
      tasks: {
        id: string
        evidence: {
          itemId: string
          state: string
          publishedAt: string | null
          withdrawnAt: string | null
        }[]
      }[]
    }
  }
}

describe('佐证材料 follow their item through the item-change hook', () => {
  it('a link turns 已公开 when the district publishes the item and 已撤回 when it is withdrawn; the district sees both on the next sync', async () => {
    const desk = await syncDesk(server, { sync: { extensions: [scheduleSyncExtension] } })
    try {
      const bytes = await breakdownXlsx((rows) => {
        rows[5]![5] = '2026年12月底前'
      })
      const { result } = await importThroughUi(desk.t, '分解表.xlsx', bytes, 2026)
      expect(result?.ok).toBe(true)
      const [task] = await desk.t.call('schedule:list', { year: 2026 })
      const item = await desk.approvedItem('关于扩大有效投资的政策解读')
      await desk.t.call('schedule:link-evidence', { taskId: task!.id, itemId: item.id })
      expect(await desk.t.core.sync.runOnce(true)).toEqual({ kind: 'done' })
      let sent = (await districtTable(desk.token)).table.tasks.find((t) => t.id === task!.id)!
      expect(sent.evidence).toEqual([
        expect.objectContaining({ itemId: item.id, state: 'approved', publishedAt: null }),
      ])

      // The district publishes it: the pull applies the event, the hook stamps the link.
      const at = desk.t.clock.clock().toISOString()
      await publishItem(server.db(), item.id, 'https://www.example.gov.cn/zwgk/1.html', at)
      expect(await desk.t.core.sync.runOnce(true)).toEqual({ kind: 'done' })
      const view = await desk.t.call('schedule:get', { id: task!.id })
      expect(view.evidence.map((e) => e.state)).toEqual(['published'])
      const link = await desk.store.db
        .selectFrom('schedule_evidence')
        .select(['published_at', 'withdrawn_at'])
        .where('item_id', '=', item.id)
        .executeTakeFirstOrThrow()
      expect(link).toEqual({ published_at: at, withdrawn_at: null })
      sent = (await districtTable(desk.token)).table.tasks.find((t) => t.id === task!.id)!
      expect(sent.evidence[0]).toMatchObject({ state: 'published', publishedAt: at })

      // Withdrawn on the desk: the link says so at once, and the district on the next sync.
      desk.t.clock.advanceMinutes(5)
      await desk.t.call('sync:withdraw', { id: item.id, reason: '内容需要更新' })
      expect((await desk.t.call('schedule:get', { id: task!.id })).evidence[0]!.state).toBe(
        'withdrawn',
      )
      expect(await desk.t.core.sync.runOnce(true)).toEqual({ kind: 'done' })
      sent = (await districtTable(desk.token)).table.tasks.find((t) => t.id === task!.id)!
      expect(sent.evidence[0]).toMatchObject({
        state: 'withdrawn',
        withdrawnAt: desk.t.clock.clock().toISOString(),
      })
    } finally {
      await desk.close()
    }
  })

  it('修订稿: while a published item is revised, its link stays 已公开 (the approved revision stays in force)', async () => {
    const desk = await syncDesk(server, { sync: { extensions: [scheduleSyncExtension] } })
    try {
      const bytes = await breakdownXlsx((rows) => {
        rows[5]![5] = '2026年12月底前'
      })
      expect((await importThroughUi(desk.t, '分解表.xlsx', bytes, 2026)).result?.ok).toBe(true)
      const [task] = await desk.t.call('schedule:list', { year: 2026 })
      const item = await desk.approvedItem('关于消费支持政策的公告')
      await desk.t.call('schedule:link-evidence', { taskId: task!.id, itemId: item.id })
      expect(await desk.t.core.sync.runOnce(true)).toEqual({ kind: 'done' })
      await publishItem(
        server.db(),
        item.id,
        'https://www.example.gov.cn/zwgk/2.html',
        desk.t.clock.clock().toISOString(),
      )
      expect(await desk.t.core.sync.runOnce(true)).toEqual({ kind: 'done' })
      const published = await desk.t.call('items:get', { id: item.id })
      await desk.t.call('items:save', {
        ...fieldsOf(published),
        title: '关于消费支持政策的公告（修订）',
        confirmRevision: true,
      })
      expect((await desk.t.call('items:get', { id: item.id })).status).toBe('draft')
      const view = await desk.t.call('schedule:get', { id: task!.id })
      expect(view.evidence.map((e) => [e.state, e.itemStatus])).toEqual([['published', 'synced']])
      // The title in force, not the working revision's (not yet reviewed).
      expect(view.evidence.map((e) => e.title)).toEqual(['关于消费支持政策的公告'])
      expect(await desk.t.core.sync.runOnce(true)).toEqual({ kind: 'done' })
      const sent = (await districtTable(desk.token)).table.tasks.find((t) => t.id === task!.id)!
      expect(sent.evidence[0]).toMatchObject({ state: 'published' })
      expect(JSON.stringify(sent)).not.toContain('（修订）')
    } finally {
      await desk.close()
    }
  })
})
