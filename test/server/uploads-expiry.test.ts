import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { AddressInfo } from 'node:net'
import type { Kysely } from 'kysely'
import { describe, expect, it } from 'vitest'
import { blobPath } from '../../src/core/attachments/blob-store'
import { silentLogger } from '../../src/core/logger'
import { SyncHttpClient, type FetchLike } from '../../src/core/sync/http-client'
import { uploadFiles } from '../../src/core/sync/uploads'
import type { SyncUploadView } from '../../src/shared/sync/types'
import { parseServerArgs, UsageError } from '../../src/server/cli/server-options'
import type { ServerDB } from '../../src/server/db/schema'
import { purgeAbandonedUploads, PURGE_TIMER_ACTOR } from '../../src/server/uploads/expiry'
import { deterministicBytes } from '../helpers/deterministic-bytes'
import { makeTempDir } from '../helpers/temp-dir'
import { BACKENDS, useBackend } from './helpers/backends'
import { call, department, NOW, useServers } from './helpers/test-server'
import { putChunk, runAdminOn, sendChunks, sha, storedBytes as stored } from './helpers/uploads'

const DAY = 86_400_000
const CHUNK = 64 * 1024
const LIMITS = { chunkBytes: CHUNK, maxFileBytes: 1024 * 1024, quotaBytes: 1536 * 1024 }

/** A clock the test moves forward. */
function movableClock(start = NOW) {
  let at = start.getTime()
  return {
    clock: () => new Date(at),
    advanceDays(days: number) {
      at += days * DAY
    },
  }
}

async function chunkRows(db: Kysely<ServerDB>, hash: string) {
  return db.selectFrom('upload_chunks').select('idx').where('sha256', '=', hash).execute()
}

async function purgeAudit(db: Kysely<ServerDB>) {
  const rows = await db
    .selectFrom('district_audit')
    .selectAll()
    .where('action', '=', 'uploads.purge')
    .orderBy('id')
    .execute()
  return rows.map((r) => ({
    actor: r.actor_name,
    detail: r.detail_json ? (JSON.parse(r.detail_json) as Record<string, unknown>) : null,
  }))
}

describe.each(BACKENDS)('abandoned uploads expire (%s)', (kind) => {
  const backend = useBackend(kind)
  const server = useServers()

  it('purge-uploads deletes the chunks of an upload idle past the expiry and releases its quota; finished files and recent uploads stay; audited', async () => {
    const { db } = await backend.fresh()
    await db.deleteFrom('district_audit').execute()
    const time = movableClock()
    const app = await server(db, { clock: time.clock, uploads: LIMITS })
    const { token } = await department(db, 'A')
    const { token: b } = await department(db, 'B')

    const abandoned = deterministicBytes(1024 * 1024, 1) // 16 chunks, 2 sent
    const finished = deterministicBytes(3 * CHUNK, 2)
    const recent = deterministicBytes(100 * 1024, 3)
    await call(app, token, 'POST', `/api/v1/blobs/${sha(abandoned)}`, { size: abandoned.length })
    await sendChunks(app, token, abandoned, CHUNK, [0, 1])
    await call(app, token, 'POST', `/api/v1/blobs/${sha(finished)}`, { size: finished.length })
    expect(await sendChunks(app, token, finished, CHUNK, [0, 1, 2])).toMatchObject({
      complete: true,
    })
    // B's unfinished upload of the same file as A's finished one: its own, also abandoned.
    await call(app, b, 'POST', `/api/v1/blobs/${sha(abandoned)}`, { size: abandoned.length })
    await sendChunks(app, b, abandoned, CHUNK, [0])
    time.advanceDays(3)
    await call(app, token, 'POST', `/api/v1/blobs/${sha(recent)}`, { size: recent.length })
    await sendChunks(app, token, recent, CHUNK, [0])
    time.advanceDays(5) // the abandoned upload's last chunk is 8 days old, the recent one's 5

    // A's quota is held by the abandoned 1 MB: a 600 KB file does not fit.
    const other = deterministicBytes(600 * 1024, 4)
    const refused = await call(app, token, 'POST', `/api/v1/blobs/${sha(other)}`, {
      size: other.length,
    })
    expect(refused.json().error?.code).toBe('QUOTA_EXCEEDED')

    const run = await runAdminOn(backend, ['purge-uploads'], time.clock())
    expect(run.code, run.err.join('\n')).toBe(0)
    expect(run.out.join('\n')).toContain('已清理 2 个超过 7 天未完成的上传')
    expect(run.json).toMatchObject({
      olderThanDays: 7,
      releasedBytes: 2 * abandoned.length,
      deletedBytes: 3 * CHUNK,
    })
    const purged = (run.json!.purged as { departmentCode: string; chunks: number }[])
      .map((p) => [p.departmentCode, p.chunks])
      .sort()
    expect(purged).toEqual([
      ['A', 2],
      ['B', 1],
    ])
    expect(await chunkRows(db, sha(abandoned))).toEqual([])
    const sessions = await db
      .selectFrom('upload_sessions')
      .select(['sha256', 'completed_at'])
      .orderBy('sha256')
      .execute()
    expect(sessions.map((s) => s.sha256).sort()).toEqual([sha(finished), sha(recent)].sort())
    expect((await stored(db, sha(finished)))!.equals(finished)).toBe(true)
    expect(await chunkRows(db, sha(recent))).toEqual([{ idx: 0 }])

    // The quota is released: the 600 KB file now starts.
    expect(
      (await call(app, token, 'POST', `/api/v1/blobs/${sha(other)}`, { size: other.length }))
        .statusCode,
    ).toBe(200)
    // A chunk for the purged upload is refused (the desk starts again), and leaves nothing behind.
    const late = await putChunk(
      app,
      token,
      sha(abandoned),
      2,
      abandoned.subarray(2 * CHUNK, 3 * CHUNK),
    )
    expect(late.statusCode).toBe(404)
    expect(await chunkRows(db, sha(abandoned))).toEqual([])

    expect(await purgeAudit(db)).toEqual([
      {
        actor: '命令行（server:admin）',
        detail: {
          olderThanDays: 7,
          uploads: 2,
          releasedBytes: 2 * abandoned.length,
          deletedBytes: 3 * CHUNK,
          departments: { A: 1, B: 1 },
        },
      },
    ])
    // The 操作记录 page names the action in Chinese.
    const { renderAuditPage } = await import('../../src/server/view/account-pages')
    const page = renderAuditPage(
      [
        {
          at: NOW.toISOString(),
          actorName: '命令行（server:admin）',
          action: 'uploads.purge',
          target: null,
          detail: { uploads: 2 },
        },
      ],
      { name: '王主任', role: '管理员', csrf: 'x' },
    )
    expect(page).toContain('清理过期的未完成上传')
    expect(page).toContain('清理上传数：2')

    // Nothing more to purge: said so, still audited (a deliberate administrator action).
    const again = await runAdminOn(backend, ['purge-uploads', '--older-than', '7'], time.clock())
    expect(again.out.join('\n')).toContain('没有超过 7 天未完成的上传')
    expect(again.json).toMatchObject({ purged: [], releasedBytes: 0 })
    expect(await purgeAudit(db)).toHaveLength(2)
    // --older-than shortens the expiry: the 5-day-old upload goes with --older-than 4.
    const shorter = await runAdminOn(backend, ['purge-uploads', '--older-than', '4'], time.clock())
    expect((shorter.json!.purged as unknown[]).length).toBe(1)
    expect(await chunkRows(db, sha(recent))).toEqual([])
    expect(
      (await runAdminOn(backend, ['purge-uploads', '--older-than', '0'], time.clock())).code,
    ).toBe(1)
    expect(
      (await runAdminOn(backend, ['purge-uploads', '--older-than', 'x'], time.clock())).err.join(
        '',
      ),
    ).toMatch(/至少 1 的整数天数/)
  })

  it('an upload that received a chunk within the expiry is kept, counted from its last chunk', async () => {
    const { db } = await backend.fresh()
    const time = movableClock()
    const app = await server(db, { clock: time.clock, uploads: LIMITS })
    const { token } = await department(db, 'A')
    const file = deterministicBytes(4 * CHUNK, 5)
    await call(app, token, 'POST', `/api/v1/blobs/${sha(file)}`, { size: file.length })
    await sendChunks(app, token, file, CHUNK, [0])
    time.advanceDays(6)
    await sendChunks(app, token, file, CHUNK, [1]) // started 6 days ago, last chunk now
    time.advanceDays(6)
    const result = await purgeAbandonedUploads(db, {
      now: time.clock(),
      olderThanDays: 7,
      actor: PURGE_TIMER_ACTOR,
    })
    expect(result.purged).toEqual([])
    expect(await chunkRows(db, sha(file))).toHaveLength(2)
    // The resumed upload completes from where it stood.
    expect(await sendChunks(app, token, file, CHUNK, [2, 3])).toMatchObject({ complete: true })
    expect((await stored(db, sha(file)))!.equals(file)).toBe(true)
  })

  it('the server purges on its own timer (audited as 系统), and not at all with --upload-expiry 0', async () => {
    const { db } = await backend.fresh()
    await db.deleteFrom('district_audit').execute()
    const time = movableClock()
    const setup = await server(db, { clock: time.clock, uploads: LIMITS })
    const { token } = await department(db, 'A')
    const file = deterministicBytes(3 * CHUNK, 6)
    await call(setup, token, 'POST', `/api/v1/blobs/${sha(file)}`, { size: file.length })
    await sendChunks(setup, token, file, CHUNK, [0])
    time.advanceDays(8)

    const never = await server(db, {
      clock: time.clock,
      uploads: { ...LIMITS, expiryDays: 0, purgeEveryMs: 20 },
    })
    await never.ready()
    await new Promise((r) => setTimeout(r, 300))
    expect(await chunkRows(db, sha(file))).toHaveLength(1)
    await never.close()

    const timed = await server(db, {
      clock: time.clock,
      uploads: { ...LIMITS, expiryDays: 7, purgeEveryMs: 20 },
    })
    await timed.ready()
    for (let i = 0; i < 100 && (await chunkRows(db, sha(file))).length > 0; i++) {
      await new Promise((r) => setTimeout(r, 50))
    }
    expect(await chunkRows(db, sha(file))).toEqual([])
    expect(await db.selectFrom('upload_sessions').selectAll().execute()).toEqual([])
    const audit = await purgeAudit(db)
    expect(audit).toHaveLength(1) // later runs find nothing and record nothing
    expect(audit[0]).toMatchObject({ actor: '系统（定时清理）', detail: { uploads: 1 } })
    await new Promise((r) => setTimeout(r, 100))
    expect(await purgeAudit(db)).toHaveLength(1)
  })

  it("the desk's upload after a purge restarts cleanly from the first chunk and arrives byte-identical", async () => {
    const { db } = await backend.fresh()
    const time = movableClock()
    const app = await server(db, { clock: time.clock, uploads: LIMITS })
    await app.listen({ host: '127.0.0.1', port: 0 })
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
    const { token } = await department(db, 'A')
    const { dir, cleanup } = makeTempDir('dd-expiry-desk-')
    try {
      const file = deterministicBytes(5 * CHUNK + 17, 7)
      const hash = sha(file)
      const path = blobPath(dir, hash)
      mkdirSync(dirname(path), { recursive: true })
      writeFileSync(path, file)
      const requests: string[] = []
      let failAfterChunks = 2
      const fetcher: FetchLike = async (input, init) => {
        const method = init.method ?? 'GET'
        if (/\/chunks\/\d+(\?|$)/.test(input) && failAfterChunks-- <= 0) {
          throw new TypeError('fetch failed (network dropped)')
        }
        requests.push(`${method} ${new URL(input).pathname}`)
        return fetch(input, init)
      }
      const deps = {
        client: new SyncHttpClient({ serverUrl: url, token, fetch: fetcher, timeoutMs: 10_000 }),
        dataDir: dir,
        logger: silentLogger,
        onFile: () => {},
      }
      const files = [{ sha256: hash, size: file.length, name: '实施方案.pdf' }]
      const first = await uploadFiles(deps, files)
      expect(first.kind).toBe('transient')
      expect(await chunkRows(db, hash)).toHaveLength(2)

      time.advanceDays(8)
      await purgeAbandonedUploads(db, {
        now: time.clock(),
        olderThanDays: 7,
        actor: PURGE_TIMER_ACTOR,
      })
      expect(await chunkRows(db, hash)).toEqual([])

      failAfterChunks = Infinity
      requests.length = 0
      expect(await uploadFiles(deps, files)).toEqual({ kind: 'done', failed: 0 })
      // Every chunk again, from the first: the server's fresh start said it holds none.
      expect(requests.filter((r) => r.includes('/chunks/'))).toEqual(
        [0, 1, 2, 3, 4, 5].map((i) => `PUT /api/v1/blobs/${hash}/chunks/${i}`),
      )
      expect((await stored(db, hash))!.equals(file)).toBe(true)
      expect(await chunkRows(db, hash)).toHaveLength(6)
    } finally {
      cleanup()
    }
  })

  it('a purge in the middle of a run: the chunk is refused (404) and the desk starts the file over at once, from the first chunk', async () => {
    const { db } = await backend.fresh()
    const time = movableClock()
    const app = await server(db, { clock: time.clock, uploads: LIMITS })
    await app.listen({ host: '127.0.0.1', port: 0 })
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
    const { token } = await department(db, 'A')
    const { dir, cleanup } = makeTempDir('dd-expiry-desk-')
    try {
      const file = deterministicBytes(4 * CHUNK, 8)
      const hash = sha(file)
      const path = blobPath(dir, hash)
      mkdirSync(dirname(path), { recursive: true })
      writeFileSync(path, file)
      const sent: number[] = []
      const fetcher: FetchLike = async (input, init) => {
        const chunk = /\/chunks\/(\d+)(?:\?|$)/.exec(input)
        if (chunk) sent.push(Number(chunk[1]))
        if (chunk && sent.length === 3) {
          // The upload had been idle for more than the expiry when the purge came by.
          time.advanceDays(8)
          await purgeAbandonedUploads(db, {
            now: time.clock(),
            olderThanDays: 7,
            actor: PURGE_TIMER_ACTOR,
          })
        }
        return fetch(input, init)
      }
      const seen: SyncUploadView[] = []
      const deps = {
        client: new SyncHttpClient({ serverUrl: url, token, fetch: fetcher, timeoutMs: 10_000 }),
        dataDir: dir,
        logger: silentLogger,
        onFile: (v: SyncUploadView) => seen.push(v),
      }
      const files = [{ sha256: hash, size: file.length, name: '采购需求.pdf' }]
      expect(await uploadFiles(deps, files)).toEqual({ kind: 'done', failed: 0 })
      // 0 and 1 reached the purged upload; 2 was refused; then the fresh upload, from 0.
      expect(sent).toEqual([0, 1, 2, 0, 1, 2, 3])
      expect(seen.at(-1)).toMatchObject({ state: 'done', sentBytes: file.length })
      expect(seen.some((v) => v.state === 'failed')).toBe(false)
      expect((await stored(db, hash))!.equals(file)).toBe(true)
      expect(await chunkRows(db, hash)).toHaveLength(4)
    } finally {
      cleanup()
    }
  })
})

// Several instances share one database only on PostgreSQL (SQLite serves one instance; the admin
// CLI beside it is another process, which SQLite's busy timeout lets wait).
describe('abandoned uploads expire, several instances (postgres)', () => {
  const backend = useBackend('postgres')
  const server = useServers()

  it('two instances purging at once each delete an upload at most once', async () => {
    const { db } = await backend.fresh()
    await db.deleteFrom('district_audit').execute()
    const other = await backend.another()
    const time = movableClock()
    const app = await server(db, { clock: time.clock, uploads: LIMITS })
    const files = [11, 12, 13, 14, 15, 16].map((seed) => deterministicBytes(2 * CHUNK, seed))
    for (const code of ['A', 'B']) {
      const { token } = await department(db, code)
      for (const f of files) {
        await call(app, token, 'POST', `/api/v1/blobs/${sha(f)}`, { size: f.length })
        await sendChunks(app, token, f, CHUNK, [0])
      }
    }
    time.advanceDays(8)
    const run = (on: Kysely<ServerDB>) =>
      purgeAbandonedUploads(on, { now: time.clock(), olderThanDays: 7, actor: PURGE_TIMER_ACTOR })
    const [x, y] = await Promise.all([run(db), run(other.db)])
    expect(x.purged.length + y.purged.length).toBe(12)
    const keys = [...x.purged, ...y.purged].map((p) => `${p.departmentCode}/${p.sha256}`)
    expect(new Set(keys).size).toBe(12)
    expect(x.releasedBytes + y.releasedBytes).toBe(12 * 2 * CHUNK)
    expect(await db.selectFrom('upload_chunks').selectAll().execute()).toEqual([])
    expect(await db.selectFrom('upload_sessions').selectAll().execute()).toEqual([])
    const audited = (await purgeAudit(db)).reduce((n, a) => n + Number(a.detail!.uploads), 0)
    expect(audited).toBe(12)
  })
})

describe('upload expiry setting', () => {
  it('reads --upload-expiry, then UPLOAD_EXPIRY_DAYS, default 7 days; 0 means never', () => {
    expect(parseServerArgs(['--data', 'd'], {}).uploads.expiryDays).toBe(7)
    expect(parseServerArgs(['--data', 'd'], { UPLOAD_EXPIRY_DAYS: '30' }).uploads.expiryDays).toBe(
      30,
    )
    expect(
      parseServerArgs(['--data', 'd', '--upload-expiry', '0'], { UPLOAD_EXPIRY_DAYS: '30' }).uploads
        .expiryDays,
    ).toBe(0)
    expect(() => parseServerArgs(['--data', 'd', '--upload-expiry', '1.5'], {})).toThrow(UsageError)
  })
})
