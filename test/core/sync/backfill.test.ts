/**
 * 补传附件 (issue 15): items that reached the district under protocol v1 (or while their file was
 * refused) get their files on a later run against a v2 server — the items are not sent again —
 * and a steady state asks the server nothing.
 */
import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { blobPath } from '../../../src/core/attachments/blob-store'
import { SyncHttpClient, type FetchLike } from '../../../src/core/sync/http-client'
import { silentLogger } from '../../../src/core/logger'
import { remoteFileLedger } from '../../../src/core/sync/remote-files'
import { uploadFiles } from '../../../src/core/sync/uploads'
import { MAX_BLOB_QUERY } from '../../../src/shared/sync/wire'
import { attachmentProgress } from '../../../src/server/uploads/uploads-service'
import { startTestServer, type TestServer } from './helpers'
import { syncDesk, type SyncDesk } from './sync-setup'
import { chunkPuts, itemWithFiles, pdfBytes, serverBytes, sha } from './upload-helpers'

const CHUNK = 64 * 1024

let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ uploads: { chunkBytes: CHUNK } })
})
afterAll(async () => {
  await server.destroy()
})

/** A fetch that answers like a protocol v1 server (no blob endpoints) while `v1.on` is true. */
function switchable(): { fetch: FetchLike; v1: { on: boolean } } {
  const v1 = { on: true }
  return {
    v1,
    fetch: async (input, init) =>
      v1.on && /\/blobs(\/|$)/.test(new URL(input).pathname)
        ? new Response(
            JSON.stringify({ error: { code: 'NOT_FOUND', message: 'Route not found' } }),
            { status: 404, headers: { 'content-type': 'application/json' } },
          )
        : fetch(input, init),
  }
}

const blobRequests = (desk: SyncDesk) => desk.requests.filter((r) => r.includes('/blobs'))
const itemRequests = (desk: SyncDesk) => desk.requests.filter((r) => r.includes('/items'))

describe('补传附件: files of items the district already holds', () => {
  it('uploads the files of items sent under protocol v1 without sending the items again, then asks nothing', async () => {
    const server1 = switchable()
    const desk = await syncDesk(server, { sync: { fetch: server1.fetch } })
    try {
      const a = pdfBytes(3 * CHUNK + 11, 101)
      const b = pdfBytes(CHUNK / 2, 102)
      const first = await itemWithFiles(desk, '关于旧版协议报送的公示', [
        { name: '实施方案.pdf', bytes: a },
        { name: '明细表.pdf', bytes: b },
      ])
      const second = await itemWithFiles(desk, '关于旧版协议报送的补充公示', [
        { name: '实施方案.pdf', bytes: a },
      ])
      // Protocol v1: the items arrive without their files (附件未到齐) and stay so.
      expect(await desk.t.core.sync.runOnce()).toEqual({ kind: 'done' })
      expect(await attachmentProgress(server.db(), [first, second])).toEqual(
        new Map([
          [first, { total: 2, missing: 2 }],
          [second, { total: 1, missing: 1 }],
        ]),
      )
      const revisionBefore = await server
        .db()
        .selectFrom('item_revisions')
        .select(['item_id', 'revision'])
        .where('item_id', 'in', [first, second])
        .execute()

      // The server is upgraded (v2): the next run uploads the missing files, and only them.
      server1.v1.on = false
      desk.requests.length = 0
      expect(await desk.t.core.sync.runOnce(true)).toEqual({ kind: 'done' })
      expect(itemRequests(desk)).toEqual([])
      expect(chunkPuts(desk.requests)).toHaveLength(4 + 1)
      expect(desk.requests.filter((r) => r === 'POST /api/v1/blobs/query')).toHaveLength(1)
      expect((await serverBytes(server, sha(a)))!.equals(a)).toBe(true)
      expect((await serverBytes(server, sha(b)))!.equals(b)).toBe(true)
      expect(await attachmentProgress(server.db(), [first, second])).toEqual(
        new Map([
          [first, { total: 2, missing: 0 }],
          [second, { total: 1, missing: 0 }],
        ]),
      )
      // The items were not re-sent: the server holds the same revisions, no new one.
      expect(
        await server
          .db()
          .selectFrom('item_revisions')
          .select(['item_id', 'revision'])
          .where('item_id', 'in', [first, second])
          .execute(),
      ).toEqual(revisionBefore)

      // The 同步 page: 「补传附件 2 个」 for 2 items, each file flagged 补传 and done.
      const status = await desk.t.call('sync:status', {})
      expect(status.backfill).toMatchObject({
        items: 2,
        files: 2,
        uploaded: 2,
        failed: 0,
        remaining: 0,
      })
      expect(status.uploads).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            name: '实施方案.pdf',
            state: 'done',
            sentBytes: a.length,
            backfill: true,
          }),
          expect.objectContaining({ name: '明细表.pdf', state: 'done', backfill: true }),
        ]),
      )

      // Steady state: runs ask the server nothing about files.
      desk.requests.length = 0
      expect(await desk.t.core.sync.runOnce(true)).toEqual({ kind: 'done' })
      expect(blobRequests(desk)).toEqual([])
      // The notice is stored, not only kept by the worker while it runs.
      expect((await desk.t.call('sync:status', {})).backfill).toMatchObject({ files: 2 })
      // A week on, with nothing missing, the page no longer tells of it.
      desk.t.clock.advanceDays(8)
      expect((await desk.t.core.sync.status()).backfill).toBeNull()
    } finally {
      await desk.close()
    }
  })

  it('a file the district already has (another department sent it) is confirmed, not uploaded nor counted', async () => {
    const common = pdfBytes(2 * CHUNK, 201)
    const other = await syncDesk(server)
    const server1 = switchable()
    const desk = await syncDesk(server, { sync: { fetch: server1.fetch } })
    try {
      await itemWithFiles(other, '其他部门的公示', [{ name: '区级模板.pdf', bytes: common }])
      expect(await other.t.core.sync.runOnce()).toEqual({ kind: 'done' })
      const id = await itemWithFiles(desk, '本部门的公示', [{ name: '模板.pdf', bytes: common }])
      expect(await desk.t.core.sync.runOnce()).toEqual({ kind: 'done' })
      expect((await attachmentProgress(server.db(), [id])).get(id)).toEqual({
        total: 1,
        missing: 0,
      })
      server1.v1.on = false
      desk.requests.length = 0
      expect(await desk.t.core.sync.runOnce(true)).toEqual({ kind: 'done' })
      expect(blobRequests(desk)).toEqual(['POST /api/v1/blobs/query'])
      expect((await desk.t.call('sync:status', {})).backfill).toBeNull()
      desk.requests.length = 0
      expect(await desk.t.core.sync.runOnce(true)).toEqual({ kind: 'done' })
      expect(blobRequests(desk)).toEqual([])
    } finally {
      await desk.close()
      await other.close()
    }
  })

  it('files uploaded with their items are remembered: later items sharing them cost no query', async () => {
    const desk = await syncDesk(server)
    try {
      const shared = pdfBytes(CHUNK + 5, 301)
      await itemWithFiles(desk, '第一条公示', [{ name: '方案.pdf', bytes: shared }])
      expect(await desk.t.core.sync.runOnce()).toEqual({ kind: 'done' })
      expect(blobRequests(desk).filter((r) => r.endsWith('/query'))).toHaveLength(1)
      desk.requests.length = 0
      await itemWithFiles(desk, '第二条公示', [{ name: '方案（转发）.pdf', bytes: shared }])
      expect(await desk.t.core.sync.runOnce()).toEqual({ kind: 'done' })
      expect(blobRequests(desk)).toEqual([])
      expect(desk.requests).toContain('POST /api/v1/items/batch')
    } finally {
      await desk.close()
    }
  })

  it('a refused file is shown, waits before it is tried again, and 立即同步 tries at once', async () => {
    const server1 = switchable()
    const desk = await syncDesk(server, { sync: { fetch: server1.fetch } })
    try {
      const lost = pdfBytes(CHUNK, 401)
      const id = await itemWithFiles(desk, '附件丢失的公示', [{ name: '丢失.pdf', bytes: lost }])
      expect(await desk.t.core.sync.runOnce()).toEqual({ kind: 'done' })
      // The desk's copy is gone (a damaged data folder): the upload cannot happen.
      rmSync(blobPath(desk.t.dataDir, sha(lost)))
      server1.v1.on = false
      desk.requests.length = 0
      expect(await desk.t.core.sync.runOnce(true)).toEqual({ kind: 'done' })
      const status = await desk.t.call('sync:status', {})
      expect(status.backfill).toMatchObject({ files: 1, uploaded: 0, failed: 1, remaining: 1 })
      expect(status.uploads).toEqual([
        expect.objectContaining({
          name: '丢失.pdf',
          state: 'failed',
          backfill: true,
          message: expect.stringContaining('本机找不到该附件'),
        }),
      ])
      // Not every run: the refusal waits (1 h, growing), so a plain run asks nothing …
      desk.t.clock.advanceMinutes(10)
      desk.requests.length = 0
      expect(await desk.t.core.sync.runOnce(false)).toMatchObject({ kind: expect.any(String) })
      expect(blobRequests(desk)).toEqual([])
      // … and 立即同步 tries again at once (still missing here).
      expect(await desk.t.core.sync.runOnce(true)).toEqual({ kind: 'done' })
      expect(blobRequests(desk)).toEqual(['POST /api/v1/blobs/query'])
      expect((await attachmentProgress(server.db(), [id])).get(id)).toEqual({
        total: 1,
        missing: 1,
      })
    } finally {
      await desk.close()
    }
  })

  it('a server that stays on protocol v1 is asked about files at most once an hour', async () => {
    const server1 = switchable()
    const desk = await syncDesk(server, { sync: { fetch: server1.fetch } })
    try {
      await itemWithFiles(desk, '旧版服务器的公示', [
        { name: '附件.pdf', bytes: pdfBytes(CHUNK, 501) },
      ])
      expect(await desk.t.core.sync.runOnce()).toEqual({ kind: 'done' })
      // The push asked once (404); the 补传 right after did not ask again.
      expect(blobRequests(desk)).toEqual(['POST /api/v1/blobs/query'])
      desk.requests.length = 0
      desk.t.clock.advanceMinutes(6)
      expect(await desk.t.core.sync.runOnce()).toEqual({ kind: 'done' })
      expect(blobRequests(desk)).toEqual([])
      // A new item within the hour goes without a question about its file either.
      await itemWithFiles(desk, '旧版服务器的第二条公示', [
        { name: '附件二.pdf', bytes: pdfBytes(CHUNK, 502) },
      ])
      expect(await desk.t.core.sync.runOnce()).toEqual({ kind: 'done' })
      expect(blobRequests(desk)).toEqual([])
      expect(desk.requests).toContain('POST /api/v1/items/batch')
      desk.t.clock.advanceMinutes(61)
      expect(await desk.t.core.sync.runOnce()).toEqual({ kind: 'done' })
      expect(blobRequests(desk)).toEqual(['POST /api/v1/blobs/query'])
      // (An hour on, the desk has locked itself: the worker's own status, not the channel.)
      expect((await desk.t.core.sync.status()).backfill).toBeNull()
    } finally {
      await desk.close()
    }
  })

  it('asks about many files in batches of at most 1000, and not again once confirmed', async () => {
    const desk = await syncDesk(server)
    try {
      const asked: number[] = []
      // A server that has every file: only the queries matter here.
      const fake: FetchLike = async (_input, init) => {
        const { hashes } = JSON.parse(String(init.body)) as { hashes: string[] }
        asked.push(hashes.length)
        return new Response(JSON.stringify({ have: hashes }), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        })
      }
      const client = new SyncHttpClient({
        serverUrl: server.url,
        token: desk.token,
        fetch: fake,
        timeoutMs: 5_000,
      })
      const files = Array.from({ length: 2500 }, (_, i) => ({
        sha256: sha(Buffer.from(`file ${i}`)),
        size: 10,
        name: `附件${i}.pdf`,
      }))
      const ledger = remoteFileLedger(() => desk.store.db, server.url, desk.t.clock.clock)
      const deps = {
        client,
        dataDir: desk.t.dataDir,
        logger: silentLogger,
        onFile: () => {},
        ledger,
      }
      expect(await uploadFiles(deps, files)).toEqual({ kind: 'done', failed: 0 })
      expect(asked).toEqual([MAX_BLOB_QUERY, MAX_BLOB_QUERY, 500])
      asked.length = 0
      expect(await uploadFiles(deps, files)).toEqual({ kind: 'done', failed: 0 })
      expect(asked).toEqual([])
      // Another server is another ledger: asked again.
      const other = remoteFileLedger(
        () => desk.store.db,
        'https://other.example',
        desk.t.clock.clock,
      )
      expect(await uploadFiles({ ...deps, ledger: other }, files.slice(0, 3))).toEqual({
        kind: 'done',
        failed: 0,
      })
      expect(asked).toEqual([3])
    } finally {
      await desk.close()
    }
  })
})
