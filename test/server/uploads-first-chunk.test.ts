/**
 * Fewer round trips per file (protocol v2, 2026-12-01): the start of an upload may carry the
 * file's first chunk (`PUT /blobs/{sha256}/chunks/0?size=<bytes>`) — a file of one chunk arrives
 * in one request — and the last chunk of a file whose chunks came in order completes from the
 * hash kept as they came instead of reading every stored chunk back. The checks of the separate
 * start (size limit, quota, same size) and of a chunk (its own SHA-256, the whole file's) hold
 * as before; the old endpoints stay (uploads.test.ts).
 */
import type { FastifyInstance } from 'fastify'
import {
  sql,
  SelectQueryNode,
  type Kysely,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
} from 'kysely'
import { describe, expect, it } from 'vitest'
import type { ServerDB } from '../../src/server/db/schema'
import { RunningHashes } from '../../src/server/uploads/running-hash'
import { deterministicBytes } from '../helpers/deterministic-bytes'
import { BACKENDS, useBackend } from './helpers/backends'
import { call, department, useServers } from './helpers/test-server'
import { putChunk, sendChunks, sha, storedBytes as stored } from './helpers/uploads'

const CHUNK = 64 * 1024
const LIMITS = { chunkBytes: CHUNK, maxFileBytes: 1024 * 1024, quotaBytes: 1536 * 1024 }

/** `PUT /blobs/{hash}/chunks/0?size=` — the start with the first chunk. */
function putFirst(
  app: FastifyInstance,
  token: string,
  hash: string,
  size: number | string,
  data: Buffer,
  chunkHash = sha(data),
  index = 0,
) {
  return app.inject({
    method: 'PUT',
    url: `/api/v1/blobs/${hash}/chunks/${index}?size=${size}`,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/octet-stream',
      'x-chunk-sha256': chunkHash,
    },
    payload: data,
  })
}

/** Counts the queries that read chunk bytes (`data`) back from `upload_chunks`. */
function chunkReads(db: Kysely<ServerDB>) {
  const counter = { reads: 0 }
  const plugin: KyselyPlugin = {
    transformQuery(args: PluginTransformQueryArgs) {
      if (SelectQueryNode.is(args.node)) {
        const text = JSON.stringify(args.node)
        if (text.includes('"name":"upload_chunks"') && text.includes('"name":"data"'))
          counter.reads++
      }
      return args.node
    },
    transformResult: async (args: PluginTransformResultArgs) => args.result,
  }
  return { db: db.withPlugin(plugin), counter }
}

describe.each(BACKENDS)('upload start with its first chunk (%s)', (kind) => {
  const backend = useBackend(kind)
  const server = useServers()

  it('a file of one chunk arrives in one request: started, stored, verified and counted on the quota', async () => {
    const { db } = await backend.fresh()
    const app = await server(db, { uploads: LIMITS })
    const { token } = await department(db, 'A')
    const file = deterministicBytes(CHUNK - 100, 1)
    const res = await putFirst(app, token, sha(file), file.length, file)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ complete: true, receivedBytes: file.length })
    expect((await stored(db, sha(file)))!.equals(file)).toBe(true)
    const sessions = await db.selectFrom('upload_sessions').selectAll().execute()
    expect(sessions).toHaveLength(1)
    expect(sessions[0]).toMatchObject({ chunk_count: 1, chunk_size: CHUNK })
    expect(sessions[0]!.completed_at).not.toBeNull()
    expect(
      (await call(app, token, 'POST', '/api/v1/blobs/query', { hashes: [sha(file)] })).json(),
    ).toEqual({ have: [sha(file)], started: [], chunkSize: CHUNK })
    // Sent again (a retry after a lost answer): complete, nothing stored twice.
    expect((await putFirst(app, token, sha(file), file.length, file)).json()).toMatchObject({
      complete: true,
    })
    expect(await db.selectFrom('upload_chunks').select('idx').execute()).toEqual([{ idx: 0 }])
  })

  it('a one-chunk file that does not hash to its name is refused and leaves nothing, not even quota', async () => {
    const { db } = await backend.fresh()
    const app = await server(db, { uploads: LIMITS })
    const { token } = await department(db, 'A')
    const file = deterministicBytes(1000, 2)
    const claimed = sha(deterministicBytes(1000, 3))
    const res = await putFirst(app, token, claimed, file.length, file)
    expect(res.statusCode).toBe(422)
    expect(res.json().error.code).toBe('FILE_HASH_MISMATCH')
    expect(res.json().error.message).toMatch(/SHA-256 不符/)
    expect(await db.selectFrom('upload_sessions').selectAll().execute()).toEqual([])
    expect(await db.selectFrom('upload_chunks').selectAll().execute()).toEqual([])
    expect(await stored(db, claimed)).toBeNull()
  })

  it('a bigger file: the first chunk starts it, the rest follow by index, a later start resumes after chunk 0', async () => {
    const { db } = await backend.fresh()
    const app = await server(db, { uploads: LIMITS })
    const { token } = await department(db, 'A')
    const file = deterministicBytes(3 * CHUNK + 5, 4)
    const hash = sha(file)
    const first = await putFirst(app, token, hash, file.length, file.subarray(0, CHUNK))
    expect(first.statusCode, first.body).toBe(200)
    expect(first.json()).toMatchObject({
      chunkSize: CHUNK,
      chunkCount: 4,
      received: [0],
      receivedBytes: CHUNK,
      complete: false,
    })
    expect(
      (await call(app, token, 'POST', '/api/v1/blobs/query', { hashes: [hash] })).json(),
    ).toEqual({ have: [], started: [hash], chunkSize: CHUNK })
    const resumed = await call(app, token, 'POST', `/api/v1/blobs/${hash}`, { size: file.length })
    expect(resumed.json()).toMatchObject({ received: [0], complete: false })
    expect(await sendChunks(app, token, file, CHUNK, [1, 2, 3])).toMatchObject({ complete: true })
    expect((await stored(db, hash))!.equals(file)).toBe(true)
  })

  it('refuses through the first chunk what the separate start refuses: size limit, quota, a damaged chunk, a size on another chunk', async () => {
    const { db } = await backend.fresh()
    const app = await server(db, { uploads: LIMITS })
    const { token } = await department(db, 'A')
    const chunk = deterministicBytes(CHUNK, 5)
    const tooBig = await putFirst(app, token, sha(chunk), LIMITS.maxFileBytes + 1, chunk)
    expect(tooBig.statusCode).toBe(413)
    expect(tooBig.json().error.code).toBe('PAYLOAD_TOO_LARGE')
    const filling = sha(deterministicBytes(10, 6))
    expect(
      (await call(app, token, 'POST', `/api/v1/blobs/${filling}`, { size: 1024 * 1024 }))
        .statusCode,
    ).toBe(200)
    const over = await putFirst(app, token, sha(chunk), 600 * 1024, chunk)
    expect(over.statusCode).toBe(413)
    expect(over.json().error.code).toBe('QUOTA_EXCEEDED')
    const damaged = await putFirst(
      app,
      token,
      sha(chunk),
      chunk.length,
      chunk,
      sha(Buffer.from('x')),
    )
    expect(damaged.statusCode).toBe(422)
    expect(damaged.json().error.code).toBe('CHUNK_HASH_MISMATCH')
    const notFirst = await putFirst(app, token, sha(chunk), chunk.length, chunk, sha(chunk), 1)
    expect(notFirst.statusCode).toBe(400)
    for (const bad of ['abc', '-1', '1.5', '']) {
      const res = await putFirst(app, token, sha(chunk), bad, chunk)
      expect(res.statusCode, bad).toBe(400)
    }
    // Only the filling upload exists: nothing of the refused ones was kept.
    const sessions = await db.selectFrom('upload_sessions').select('sha256').execute()
    expect(sessions).toEqual([{ sha256: filling }])
    expect(await db.selectFrom('upload_chunks').selectAll().execute()).toEqual([])
  })

  it('a file the district has is complete at once (not stored again, no quota); an upload begun with another chunk size keeps its layout', async () => {
    const { db } = await backend.fresh()
    const app = await server(db, { uploads: LIMITS })
    const { token: a } = await department(db, 'A')
    const { token: b } = await department(db, 'B')
    const file = deterministicBytes(2000, 7)
    expect((await putFirst(app, a, sha(file), file.length, file)).statusCode).toBe(200)
    const again = await putFirst(app, b, sha(file), file.length, file)
    expect(again.json()).toMatchObject({ complete: true, chunkCount: 0 })
    expect(await db.selectFrom('upload_sessions').select('department_id').execute()).toHaveLength(1)

    // A started with 64 KB chunks; an instance now configured for 128 KB chunks gets the first
    // chunk in its own layout: not stored, the answer is the upload's layout, which then works.
    const big = deterministicBytes(3 * CHUNK, 8)
    const hash = sha(big)
    await call(app, a, 'POST', `/api/v1/blobs/${hash}`, { size: big.length })
    const wider = await server(db, { uploads: { ...LIMITS, chunkBytes: 2 * CHUNK } })
    const res = await putFirst(wider, a, hash, big.length, big.subarray(0, 2 * CHUNK))
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ chunkSize: CHUNK, chunkCount: 3, received: [] })
    expect(await sendChunks(wider, a, big, CHUNK, [0, 1, 2])).toMatchObject({ complete: true })
    expect((await stored(db, hash))!.equals(big)).toBe(true)
  })

  it('the last chunk completes from the hash kept as the chunks came in order: no chunk is read back', async () => {
    const { db: raw } = await backend.fresh()
    const { db, counter } = chunkReads(raw)
    const app = await server(db, { uploads: LIMITS })
    const { token } = await department(db, 'A')
    const file = deterministicBytes(5 * CHUNK + 9, 9)
    const hash = sha(file)
    await putFirst(app, token, hash, file.length, file.subarray(0, CHUNK))
    expect(await sendChunks(app, token, file, CHUNK, [1, 2, 3, 4, 5])).toMatchObject({
      complete: true,
    })
    expect(counter.reads).toBe(0)
    expect((await stored(db, hash))!.equals(file)).toBe(true)

    // Out of order (a resumed upload, chunks from several instances): hashed from storage.
    counter.reads = 0
    const other = deterministicBytes(4 * CHUNK, 10)
    await call(app, token, 'POST', `/api/v1/blobs/${sha(other)}`, { size: other.length })
    expect(await sendChunks(app, token, other, CHUNK, [2, 0, 1, 3])).toMatchObject({
      complete: true,
    })
    expect(counter.reads).toBeGreaterThan(0)
    expect((await stored(db, sha(other)))!.equals(other)).toBe(true)
  })

  it('a stored chunk that is not the one hashed on arrival is caught: the file is hashed from storage and refused', async () => {
    const { db } = await backend.fresh()
    const app = await server(db, { uploads: LIMITS })
    const { token } = await department(db, 'A')
    const file = deterministicBytes(3 * CHUNK, 11)
    const hash = sha(file)
    await putFirst(app, token, hash, file.length, file.subarray(0, CHUNK))
    await sendChunks(app, token, file, CHUNK, [1])
    // Chunk 1 is replaced by other bytes with their own right hash (as another instance would
    // have stored them): the running hash covers bytes that are no longer the stored ones.
    const swapped = deterministicBytes(CHUNK, 12)
    await db
      .updateTable('upload_chunks')
      .set({ data: swapped, chunk_sha256: sha(swapped) })
      .where('sha256', '=', hash)
      .where('idx', '=', 1)
      .execute()
    const last = await putChunk(app, token, hash, 2, file.subarray(2 * CHUNK))
    expect(last.statusCode).toBe(422)
    expect(last.json().error.code).toBe('FILE_HASH_MISMATCH')
    expect(await stored(db, hash)).toBeNull()
    // Sent again, right this time: complete and byte-identical.
    await putFirst(app, token, hash, file.length, file.subarray(0, CHUNK))
    expect(await sendChunks(app, token, file, CHUNK, [1, 2])).toMatchObject({ complete: true })
    expect((await stored(db, hash))!.equals(file)).toBe(true)
  })
})

describe.each(BACKENDS)('the quota check (%s)', (kind) => {
  const backend = useBackend(kind)

  it('sums the department’s sessions from the index on (department, size), not the table rows (migration 0280)', async () => {
    const { db } = await backend.fresh()
    if (kind === 'sqlite') {
      const plan = await sql<{ detail: string }>`EXPLAIN QUERY PLAN
        SELECT coalesce(sum(size), 0) FROM upload_sessions WHERE department_id = ${'d'}`.execute(db)
      expect(plan.rows.map((r) => r.detail).join(' ')).toMatch(
        /COVERING INDEX upload_sessions_department_size/,
      )
    } else {
      const rows = await sql<{ indexdef: string }>`SELECT indexdef FROM pg_indexes
        WHERE indexname = 'upload_sessions_department_size'`.execute(db)
      expect(rows.rows[0]?.indexdef).toMatch(/\(department_id, size\)/)
    }
  })
})

describe('RunningHashes (one instance’s cache of whole-file hashes)', () => {
  const session = { chunk_size: 4, chunk_count: 3 }
  const bytes = Buffer.from('abcdefghij')
  const parts = [bytes.subarray(0, 4), bytes.subarray(4, 8), bytes.subarray(8)]

  it('gives the digest only after every chunk in order; a gap or a repeat leaves it short', () => {
    const r = new RunningHashes()
    parts.forEach((p, i) => r.feed('d', 'h', session, i, sha(p), p))
    expect(r.take('d', 'h', session)).toEqual({
      digest: sha(bytes),
      chunkHashes: parts.map((p) => sha(p)),
    })
    expect(r.take('d', 'h', session)).toBeNull() // taken once
    r.feed('d', 'h', session, 0, sha(parts[0]!), parts[0]!)
    r.feed('d', 'h', session, 2, sha(parts[2]!), parts[2]!)
    r.feed('d', 'h', session, 1, sha(parts[1]!), parts[1]!)
    expect(r.take('d', 'h', session)).toBeNull()
    // Another chunk size is another upload's layout.
    parts.forEach((p, i) => r.feed('d', 'h', session, i, sha(p), p))
    expect(r.take('d', 'h', { chunk_size: 5, chunk_count: 3 })).toBeNull()
  })

  it('forgets the least recently fed uploads beyond its bound', () => {
    const two = { chunk_size: 4, chunk_count: 2 }
    const r = new RunningHashes(2)
    r.feed('d', 'a', two, 0, sha(parts[0]!), parts[0]!)
    r.feed('d', 'b', two, 0, sha(parts[0]!), parts[0]!)
    r.feed('d', 'a', two, 1, sha(parts[1]!), parts[1]!)
    r.feed('d', 'c', two, 0, sha(parts[0]!), parts[0]!) // b, fed least recently, goes
    expect(r.size).toBe(2)
    expect(r.take('d', 'a', two)?.digest).toBe(sha(bytes.subarray(0, 8)))
    r.feed('d', 'b', two, 1, sha(parts[1]!), parts[1]!)
    expect(r.take('d', 'b', two)).toBeNull()
  })
})
