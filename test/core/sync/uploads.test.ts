import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { silentLogger } from '../../../src/core/logger'
import { SyncHttpClient, type FetchLike } from '../../../src/core/sync/http-client'
import { uploadFiles, type UploadFile } from '../../../src/core/sync/uploads'
import type { SyncUploadView } from '../../../src/shared/sync/types'
import { blobPath } from '../../../src/core/attachments/blob-store'
import { deterministicBytes } from '../../helpers/deterministic-bytes'
import { makeTempDir } from '../../helpers/temp-dir'
import { attachmentProgress } from '../../../src/server/uploads/uploads-service'
import { startTestServer, type TestServer } from './helpers'
import { syncDesk } from './sync-setup'
import { chunkPuts, itemWithFiles, pdfBytes, serverBytes, sha } from './upload-helpers'

const CHUNK = 64 * 1024

let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ uploads: { chunkBytes: CHUNK } })
})
afterAll(async () => {
  await server.destroy()
})

describe('sync uploads the approved revision’s attachments (protocol v2)', () => {
  it('sends each file once, before its items, however many items share it; the items arrive complete', async () => {
    const desk = await syncDesk(server)
    try {
      const shared = pdfBytes(5 * CHUNK + 123, 1)
      const own = pdfBytes(2 * CHUNK, 2)
      const first = await itemWithFiles(desk, '关于道路维修的公示', [
        { name: '实施方案.pdf', bytes: shared },
        { name: '明细表.pdf', bytes: own },
      ])
      const second = await itemWithFiles(desk, '关于道路维修的补充公示', [
        { name: '实施方案.pdf', bytes: shared },
      ])
      expect(await desk.t.core.sync.runOnce()).toEqual({ kind: 'done' })

      expect((await serverBytes(server, sha(shared)))!.equals(shared)).toBe(true)
      expect((await serverBytes(server, sha(own)))!.equals(own)).toBe(true)
      expect(chunkPuts(desk.requests)).toHaveLength(6 + 2)
      // Files before items: the batch is the last upload request of the run.
      const batchAt = desk.requests.indexOf('POST /api/v1/items/batch')
      expect(desk.requests.findIndex((r) => r.includes('/blobs/'))).toBeLessThan(batchAt)
      const progress = await attachmentProgress(server.db(), [first, second])
      expect(progress.get(first)).toEqual({ total: 2, missing: 0 })
      expect(progress.get(second)).toEqual({ total: 1, missing: 0 })
      const status = await desk.t.call('sync:status', {})
      expect(status.uploads).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            name: '实施方案.pdf',
            state: 'done',
            sentBytes: shared.length,
          }),
          expect.objectContaining({ name: '明细表.pdf', state: 'done', sentBytes: own.length }),
        ]),
      )
    } finally {
      await desk.close()
    }
  })

  it('resumes an interrupted upload from the server’s status, not from the start', async () => {
    let cut = true
    let puts = 0
    const flaky: FetchLike = async (input, init) => {
      if (init.method === 'PUT' && /\/chunks\//.test(input) && ++puts === 4 && cut) {
        cut = false
        throw new TypeError('fetch failed: connection reset')
      }
      return fetch(input, init)
    }
    const desk = await syncDesk(server, { sync: { fetch: flaky } })
    try {
      const file = pdfBytes(6 * CHUNK + 7, 3)
      const id = await itemWithFiles(desk, '关于中断续传的公示', [
        { name: '大文件.pdf', bytes: file },
      ])
      const failed = await desk.t.core.sync.runOnce()
      expect(failed.kind).toBe('transient')
      expect(await serverBytes(server, sha(file))).toBeNull()
      // The item waits on the desk (not sent half-complete) and resumes with the rest.
      expect(desk.requests).not.toContain('POST /api/v1/items/batch')
      expect((await desk.t.call('sync:status', {})).uploads).toEqual([
        expect.objectContaining({ state: 'uploading', sentBytes: 3 * CHUNK }),
      ])
      desk.requests.length = 0
      expect(await desk.t.core.sync.runOnce(true)).toEqual({ kind: 'done' })
      const resent = chunkPuts(desk.requests).map((r) => Number(r.split('/').pop()))
      expect(resent).toEqual([3, 4, 5, 6])
      expect((await serverBytes(server, sha(file)))!.equals(file)).toBe(true)
      expect((await attachmentProgress(server.db(), [id])).get(id)).toEqual({
        total: 1,
        missing: 0,
      })
    } finally {
      await desk.close()
    }
  })

  it('an upload the district purged while it was under way starts again in the same run', async () => {
    const file = pdfBytes(5 * CHUNK + 3, 5)
    let puts = 0
    const purging: FetchLike = async (input, init) => {
      if (init.method === 'PUT' && /\/chunks\//.test(input) && ++puts === 3) {
        // The district's purge of abandoned uploads drops this one (its chunks and session).
        const db = server.db()
        await db.deleteFrom('upload_chunks').where('sha256', '=', sha(file)).execute()
        await db.deleteFrom('upload_sessions').where('sha256', '=', sha(file)).execute()
      }
      return fetch(input, init)
    }
    const desk = await syncDesk(server, { sync: { fetch: purging } })
    try {
      const id = await itemWithFiles(desk, '关于上传中被清理的公示', [
        { name: '方案.pdf', bytes: file },
      ])
      expect(await desk.t.core.sync.runOnce()).toEqual({ kind: 'done' })
      // Chunks 0, 1; chunk 2 finds the upload gone (404); then all six again from the first.
      expect(chunkPuts(desk.requests).map((r) => Number(r.split('/').pop()))).toEqual([
        0, 1, 2, 0, 1, 2, 3, 4, 5,
      ])
      expect((await serverBytes(server, sha(file)))!.equals(file)).toBe(true)
      expect((await attachmentProgress(server.db(), [id])).get(id)).toEqual({
        total: 1,
        missing: 0,
      })
    } finally {
      await desk.close()
    }
  })

  it('a protocol v1 server (no blob endpoints) still gets the item, as before', async () => {
    const oldServer: FetchLike = async (input, init) =>
      /\/blobs\//.test(input)
        ? new Response(
            JSON.stringify({ error: { code: 'NOT_FOUND', message: 'Route not found' } }),
            {
              status: 404,
              headers: { 'content-type': 'application/json' },
            },
          )
        : fetch(input, init)
    const desk = await syncDesk(server, { sync: { fetch: oldServer } })
    try {
      const file = pdfBytes(CHUNK, 4)
      const id = await itemWithFiles(desk, '关于旧版服务器的公示', [
        { name: '附件.pdf', bytes: file },
      ])
      expect(await desk.t.core.sync.runOnce()).toEqual({ kind: 'done' })
      expect(chunkPuts(desk.requests)).toEqual([])
      expect((await attachmentProgress(server.db(), [id])).get(id)).toEqual({
        total: 1,
        missing: 1,
      })
    } finally {
      await desk.close()
    }
  })

  it('a 200 MB file interrupted at 90% resumes with the last 10%, not from the start', async () => {
    const big = await startTestServer({ uploads: { chunkBytes: 4 * 1024 * 1024 } })
    const desk = makeTempDir('dd-upload-200mb-')
    try {
      const size = 200 * 1024 * 1024
      const file = deterministicBytes(size, 7)
      const hash = sha(file)
      mkdirSync(join(desk.dir, 'attachments', hash.slice(0, 2)), { recursive: true })
      writeFileSync(join(desk.dir, 'attachments', hash.slice(0, 2), hash), file)
      const token = await big.department('BIG')
      let sentBytes = 0
      let cutAfter: number | null = 45 // of 50 chunks: the connection drops at 90%
      const fetchLike: FetchLike = async (input, init) => {
        if (init.method === 'PUT') {
          if (cutAfter !== null && cutAfter-- === 0) {
            cutAfter = null
            throw new TypeError('fetch failed: network is unreachable')
          }
          sentBytes += (init.body as Uint8Array).length
        }
        return fetch(input, init)
      }
      const client = new SyncHttpClient({
        serverUrl: big.url,
        token,
        fetch: fetchLike,
        timeoutMs: 60_000,
      })
      const seen: SyncUploadView[] = []
      const deps = {
        client,
        dataDir: desk.dir,
        logger: silentLogger,
        onFile: (v: SyncUploadView) => void seen.push(v),
      }
      const files = [{ sha256: hash, size, name: '全年档案汇编.pdf' }]
      const first = await uploadFiles(deps, files)
      expect(first.kind).toBe('transient')
      expect(sentBytes).toBe(45 * 4 * 1024 * 1024)
      expect(seen.at(-1)).toMatchObject({ state: 'uploading', sentBytes: 45 * 4 * 1024 * 1024 })

      sentBytes = 0
      expect(await uploadFiles(deps, files)).toEqual({ kind: 'done', failed: 0 })
      expect(sentBytes).toBe(5 * 4 * 1024 * 1024)
      expect(seen.at(-1)).toMatchObject({ state: 'done', sentBytes: size })
      const stored = await serverBytes(big, hash)
      expect(stored!.equals(file)).toBe(true)
    } finally {
      desk.cleanup()
      await big.destroy()
    }
  }, 120_000)
})

describe('round trips per file (the start carries the first chunk, 2026-12-01)', () => {
  /** Files in a desk's blob store and a client that records each request (with its query). */
  async function deskWith(
    files: Buffer[],
    rewrite?: (path: string, body: unknown) => unknown,
    intercept?: (url: URL, method: string) => Response | null,
  ) {
    const dir = makeTempDir('dd-upload-trips-')
    for (const f of files) {
      const path = blobPath(dir.dir, sha(f))
      mkdirSync(join(path, '..'), { recursive: true })
      writeFileSync(path, f)
    }
    const token = await server.department(`T${Math.floor(Math.random() * 1e9)}`)
    const requests: string[] = []
    const fetchLike: FetchLike = async (input, init) => {
      const url = new URL(input)
      requests.push(`${init.method ?? 'GET'} ${url.pathname}${url.search}`)
      const early = intercept?.(url, init.method ?? 'GET')
      if (early) return early
      const res = await fetch(input, init)
      if (!rewrite || res.status !== 200) return res
      const body = rewrite(url.pathname, await res.json())
      return new Response(JSON.stringify(body), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      })
    }
    const seen: SyncUploadView[] = []
    const deps = {
      client: new SyncHttpClient({
        serverUrl: server.url,
        token,
        fetch: fetchLike,
        timeoutMs: 10_000,
      }),
      dataDir: dir.dir,
      logger: silentLogger,
      onFile: (v: SyncUploadView) => void seen.push(v),
    }
    const list: UploadFile[] = files.map((f, i) => ({
      sha256: sha(f),
      size: f.length,
      name: `附件${i}.pdf`,
    }))
    return { deps, list, requests, seen, cleanup: dir.cleanup }
  }
  const blobRequests = (requests: string[]) => requests.filter((r) => r.includes('/blobs/'))

  it('a file of one chunk is one request after the query; a bigger one needs no separate start', async () => {
    const small = pdfBytes(CHUNK - 1, 21)
    const bigger = pdfBytes(2 * CHUNK + 1, 22)
    const desk = await deskWith([small, bigger])
    try {
      expect(await uploadFiles({ ...desk.deps }, desk.list)).toEqual({ kind: 'done', failed: 0 })
      const sent = blobRequests(desk.requests).sort()
      expect(sent).toEqual(
        [
          'POST /api/v1/blobs/query',
          `PUT /api/v1/blobs/${sha(small)}/chunks/0?size=${small.length}`,
          `PUT /api/v1/blobs/${sha(bigger)}/chunks/0?size=${bigger.length}`,
          `PUT /api/v1/blobs/${sha(bigger)}/chunks/1`,
          `PUT /api/v1/blobs/${sha(bigger)}/chunks/2`,
        ].sort(),
      )
      expect((await serverBytes(server, sha(small)))!.equals(small)).toBe(true)
      expect((await serverBytes(server, sha(bigger)))!.equals(bigger)).toBe(true)
      expect(
        desk.seen
          .filter((v) => v.state === 'done')
          .map((v) => v.sentBytes)
          .sort(),
      ).toEqual([small.length, bigger.length].sort())
    } finally {
      desk.cleanup()
    }
  })

  it('a server that does not offer it (no chunkSize in its answer) gets the separate start, as before', async () => {
    const file = pdfBytes(2 * CHUNK, 23)
    const desk = await deskWith([file], (path, body) => {
      if (path.endsWith('/blobs/query')) return { have: (body as { have: string[] }).have }
      return body
    })
    try {
      expect(await uploadFiles(desk.deps, desk.list)).toEqual({ kind: 'done', failed: 0 })
      expect(blobRequests(desk.requests)).toEqual([
        'POST /api/v1/blobs/query',
        `POST /api/v1/blobs/${sha(file)}`,
        `PUT /api/v1/blobs/${sha(file)}/chunks/0`,
        `PUT /api/v1/blobs/${sha(file)}/chunks/1`,
      ])
      expect((await serverBytes(server, sha(file)))!.equals(file)).toBe(true)
    } finally {
      desk.cleanup()
    }
  })

  it('an instance not yet upgraded (404 to the first chunk with its size) gets the separate start', async () => {
    const file = pdfBytes(CHUNK / 4, 26)
    const desk = await deskWith([file], undefined, (url, method) =>
      method === 'PUT' && url.searchParams.has('size')
        ? new Response(
            JSON.stringify({ error: { code: 'NOT_FOUND', message: '没有该文件的上传' } }),
            { status: 404, headers: { 'content-type': 'application/json' } },
          )
        : null,
    )
    try {
      expect(await uploadFiles(desk.deps, desk.list)).toEqual({ kind: 'done', failed: 0 })
      expect(blobRequests(desk.requests)).toEqual([
        'POST /api/v1/blobs/query',
        `PUT /api/v1/blobs/${sha(file)}/chunks/0?size=${file.length}`,
        `POST /api/v1/blobs/${sha(file)}`,
        `PUT /api/v1/blobs/${sha(file)}/chunks/0`,
      ])
      expect((await serverBytes(server, sha(file)))!.equals(file)).toBe(true)
    } finally {
      desk.cleanup()
    }
  })

  it('a damaged local file of one chunk is told as damaged (not as a transfer error) and not kept', async () => {
    const file = pdfBytes(1000, 24)
    const desk = await deskWith([file])
    try {
      writeFileSync(blobPath(desk.deps.dataDir, sha(file)), pdfBytes(1000, 25))
      expect(await uploadFiles(desk.deps, desk.list)).toEqual({ kind: 'done', failed: 1 })
      expect(desk.seen.at(-1)).toMatchObject({
        state: 'failed',
        message: '本机附件文件与其 SHA-256 不符（文件已损坏），区级服务器未接收。',
      })
      expect(await serverBytes(server, sha(file))).toBeNull()
      const sessions = await server.db().selectFrom('upload_sessions').select('sha256').execute()
      expect(sessions.map((r) => r.sha256)).not.toContain(sha(file))
    } finally {
      desk.cleanup()
    }
  })
})
