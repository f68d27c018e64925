import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { publishItem } from '../../src/server/changes/district-actions'
import { attachmentProgress } from '../../src/server/uploads/uploads-service'
import { deterministicBytes } from '../helpers/deterministic-bytes'
import { BACKENDS, useBackend } from './helpers/backends'
import { makeItem, newItemId, putBody } from './helpers/payloads'
import { call, department, NOW, useServers } from './helpers/test-server'
import { putChunk, sendChunks, sha, storedBytes as stored } from './helpers/uploads'

const fileOf = (size: number, seed: number) => deterministicBytes(size, seed)

const CHUNK = 64 * 1024
const LIMITS = { chunkBytes: CHUNK, maxFileBytes: 1024 * 1024, quotaBytes: 1536 * 1024 }

describe.each(BACKENDS)('attachment uploads, protocol v2 (%s)', (kind) => {
  const backend = useBackend(kind)
  const server = useServers()

  it('an item is 附件未到齐 until its file arrives chunk by chunk, verified by its SHA-256', async () => {
    const { db } = await backend.fresh()
    const app = await server(db, { uploads: LIMITS })
    const { token } = await department(db, 'A')
    const file = fileOf(200_000, 1)
    const hash = sha(file)
    const id = newItemId()
    const item = makeItem({
      attachments: [{ name: '实施方案.pdf', sha256: hash, size: file.length }],
    })
    expect(
      (await call(app, token, 'PUT', `/api/v1/items/${id}`, putBody(1, item))).statusCode,
    ).toBe(201)
    expect((await attachmentProgress(db, [id])).get(id)).toEqual({ total: 1, missing: 1 })
    const pending = await call(app, token, 'GET', `/api/v1/items/${id}`)
    expect(pending.json().attachments).toEqual({ total: 1, missing: 1, complete: false })
    const url = 'https://www.example.gov.cn/zwgk/1.html'
    await expect(publishItem(db, id, url, NOW.toISOString())).rejects.toThrow(
      /附件未到齐（已到 0\/1 个）/,
    )
    const page = await app.inject({ method: 'GET', url: '/district/departments/A/items' })
    expect(page.body).toContain('附件未到齐（已到 0/1）')

    const asked = await call(app, token, 'POST', '/api/v1/blobs/query', { hashes: [hash] })
    expect(asked.json()).toEqual({ have: [], started: [], chunkSize: CHUNK })
    const started = await call(app, token, 'POST', `/api/v1/blobs/${hash}`, { size: file.length })
    expect(started.statusCode).toBe(200)
    expect(started.json()).toMatchObject({
      chunkSize: CHUNK,
      chunkCount: 4,
      received: [],
      complete: false,
    })

    // Interrupted after two chunks: the status says what the server has, the rest is resumed.
    await sendChunks(app, token, file, CHUNK, [0, 1])
    const status = await call(app, token, 'GET', `/api/v1/blobs/${hash}/status`)
    expect(status.json()).toMatchObject({
      received: [0, 1],
      receivedBytes: 2 * CHUNK,
      complete: false,
    })
    expect(await stored(db, hash)).toBeNull()
    const done = await sendChunks(app, token, file, CHUNK, [3, 2])
    expect(done).toMatchObject({ complete: true, received: [0, 1, 2, 3] })

    expect((await stored(db, hash))!.equals(file)).toBe(true)
    expect((await attachmentProgress(db, [id])).get(id)).toEqual({ total: 1, missing: 0 })
    const arrived = await call(app, token, 'GET', `/api/v1/items/${id}`)
    expect(arrived.json().attachments).toEqual({ total: 1, missing: 0, complete: true })
    expect((await publishItem(db, id, url, NOW.toISOString())).changed).toBe(true)
    expect(
      (await call(app, token, 'POST', '/api/v1/blobs/query', { hashes: [hash] })).json(),
    ).toEqual({
      have: [hash],
      started: [],
      chunkSize: CHUNK,
    })
    const after = await app.inject({ method: 'GET', url: '/district/departments/A/items' })
    expect(after.body).not.toContain('附件未到齐')
    // A repeated chunk after completion changes nothing (exactly once).
    expect((await putChunk(app, token, hash, 1, file.subarray(CHUNK, 2 * CHUNK))).statusCode).toBe(
      200,
    )
    const count = await db
      .selectFrom('upload_chunks')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(4)
  })

  it('answers 401 on every upload endpoint without a valid token', async () => {
    const { db } = await backend.fresh()
    const app = await server(db, { uploads: LIMITS })
    await department(db, 'A')
    const hash = sha(fileOf(10, 2))
    for (const token of [null, 'ddt_wrong']) {
      expect(
        (await call(app, token, 'POST', '/api/v1/blobs/query', { hashes: [hash] })).statusCode,
      ).toBe(401)
      expect(
        (await call(app, token, 'POST', `/api/v1/blobs/${hash}`, { size: 10 })).statusCode,
      ).toBe(401)
      expect((await call(app, token, 'GET', `/api/v1/blobs/${hash}/status`)).statusCode).toBe(401)
      expect((await putChunk(app, token, hash, 0, fileOf(10, 2))).statusCode).toBe(401)
    }
    expect(await db.selectFrom('upload_sessions').selectAll().execute()).toEqual([])
  })

  it("keeps a department's unfinished upload its own; a finished file is shared by the district, sent once", async () => {
    const { db } = await backend.fresh()
    const app = await server(db, { uploads: LIMITS })
    const { token: a } = await department(db, 'A')
    const { token: b } = await department(db, 'B')
    const file = fileOf(3 * CHUNK, 3)
    const hash = sha(file)
    await call(app, a, 'POST', `/api/v1/blobs/${hash}`, { size: file.length })
    await sendChunks(app, a, file, CHUNK, [0])
    // B sees nothing of A's upload and cannot add to it.
    expect((await call(app, b, 'GET', `/api/v1/blobs/${hash}/status`)).statusCode).toBe(404)
    expect((await putChunk(app, b, hash, 1, file.subarray(CHUNK, 2 * CHUNK))).statusCode).toBe(404)
    // A is told it began this file (to resume it); B is not told of A's unfinished upload.
    expect((await call(app, b, 'POST', '/api/v1/blobs/query', { hashes: [hash] })).json()).toEqual({
      have: [],
      started: [],
      chunkSize: CHUNK,
    })
    expect((await call(app, a, 'POST', '/api/v1/blobs/query', { hashes: [hash] })).json()).toEqual({
      have: [],
      started: [hash],
      chunkSize: CHUNK,
    })
    await sendChunks(app, a, file, CHUNK, [1, 2])
    // Now the district has it: B's start is complete at once, no bytes, no quota.
    expect((await call(app, b, 'POST', '/api/v1/blobs/query', { hashes: [hash] })).json()).toEqual({
      have: [hash],
      started: [],
      chunkSize: CHUNK,
    })
    const bStart = await call(app, b, 'POST', `/api/v1/blobs/${hash}`, { size: file.length })
    expect(bStart.json()).toMatchObject({ complete: true, chunkCount: 0 })
    const sessions = await db.selectFrom('upload_sessions').select('department_id').execute()
    expect(sessions).toHaveLength(1)
  })

  it('refuses an oversize chunk (413), a chunk with the wrong hash (422), a wrong length and a file that does not hash to its name', async () => {
    const { db } = await backend.fresh()
    const app = await server(db, { uploads: LIMITS })
    const { token } = await department(db, 'A')
    const file = fileOf(2 * CHUNK, 4)
    const hash = sha(file)
    await call(app, token, 'POST', `/api/v1/blobs/${hash}`, { size: file.length })

    const big = await putChunk(app, token, hash, 0, fileOf(CHUNK + 1, 5))
    expect(big.statusCode).toBe(413)
    const chunk0 = file.subarray(0, CHUNK)
    const wrong = await putChunk(app, token, hash, 0, chunk0, sha(Buffer.from('other')))
    expect(wrong.statusCode).toBe(422)
    expect(wrong.json().error.code).toBe('CHUNK_HASH_MISMATCH')
    const short = await putChunk(app, token, hash, 0, chunk0.subarray(1))
    expect(short.statusCode).toBe(400)
    expect((await putChunk(app, token, hash, 7, chunk0)).statusCode).toBe(400)
    const noHeader = await app.inject({
      method: 'PUT',
      url: `/api/v1/blobs/${hash}/chunks/0`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      payload: chunk0,
    })
    expect(noHeader.statusCode).toBe(400)
    expect(await db.selectFrom('upload_chunks').selectAll().execute()).toEqual([])

    // Chunks that each hash right but assemble into another file: discarded, never the district's.
    const liar = sha(fileOf(2 * CHUNK, 6))
    await call(app, token, 'POST', `/api/v1/blobs/${liar}`, { size: 2 * CHUNK })
    expect((await putChunk(app, token, liar, 0, file.subarray(0, CHUNK))).statusCode).toBe(200)
    const last = await putChunk(app, token, liar, 1, file.subarray(CHUNK))
    expect(last.statusCode).toBe(422)
    expect(last.json().error.code).toBe('FILE_HASH_MISMATCH')
    expect(await stored(db, liar)).toBeNull()
    const status = await call(app, token, 'GET', `/api/v1/blobs/${liar}/status`)
    expect(status.json()).toMatchObject({ received: [], complete: false })
  })

  it('never uses a name as a path: traversal in the hash or an attachment name is refused', async () => {
    const { db } = await backend.fresh()
    const app = await server(db, { uploads: LIMITS })
    const { token } = await department(db, 'A')
    for (const bad of ['..%2F..%2Fetc%2Fpasswd', '..', 'ABCDEF', `${'a'.repeat(63)}%2F`]) {
      const res = await call(app, token, 'POST', `/api/v1/blobs/${bad}`, { size: 1 })
      expect([400, 404]).toContain(res.statusCode)
    }
    const file = fileOf(100, 7)
    for (const name of ['../../etc/passwd', 'a/b.pdf', 'C:\\Windows\\x.dll', '..', 'x\u0000.pdf']) {
      const item = makeItem({ attachments: [{ name, sha256: sha(file), size: 100 }] })
      const res = await call(app, token, 'PUT', `/api/v1/items/${newItemId()}`, putBody(1, item))
      expect(res.statusCode, name).toBe(400)
    }
    expect(await db.selectFrom('items').selectAll().execute()).toEqual([])
    if (backend.kind === 'sqlite') {
      const target = backend.target()
      if (target.kind === 'sqlite')
        expect(readdirSync(target.dataDir).filter((f) => !f.startsWith('server.sqlite'))).toEqual(
          [],
        )
    }
  })

  it('enforces the size limit and the per-department quota from the configuration', async () => {
    const { db } = await backend.fresh()
    const app = await server(db, { uploads: LIMITS })
    const { token } = await department(db, 'A')
    const { token: b } = await department(db, 'B')
    const tooBig = await call(app, token, 'POST', `/api/v1/blobs/${sha(Buffer.from('x'))}`, {
      size: LIMITS.maxFileBytes + 1,
    })
    expect(tooBig.statusCode).toBe(413)
    expect(tooBig.json().error.code).toBe('PAYLOAD_TOO_LARGE')
    const first = sha(fileOf(10, 8))
    const second = sha(fileOf(10, 9))
    expect(
      (await call(app, token, 'POST', `/api/v1/blobs/${first}`, { size: 1024 * 1024 })).statusCode,
    ).toBe(200)
    const over = await call(app, token, 'POST', `/api/v1/blobs/${second}`, { size: 600 * 1024 })
    expect(over.statusCode).toBe(413)
    expect(over.json().error.code).toBe('QUOTA_EXCEEDED')
    expect(over.json().error.message).toMatch(/配额/)
    // The quota is the department's: B still has its own.
    expect(
      (await call(app, b, 'POST', `/api/v1/blobs/${second}`, { size: 600 * 1024 })).statusCode,
    ).toBe(200)
  })
})

describe('upload settings from the command line and the environment', () => {
  it('reads --upload-max-file / --upload-quota / --upload-chunk, falling back to UPLOAD_* and the defaults', async () => {
    const { parseServerArgs, UsageError } = await import('../../src/server/cli/server-options')
    const { DEFAULT_UPLOAD_LIMITS } = await import('../../src/server/uploads/uploads-service')
    expect(parseServerArgs(['--data', 'd'], {}).uploads).toEqual(DEFAULT_UPLOAD_LIMITS)
    const given = parseServerArgs(
      ['--data', 'd', '--upload-max-file', '200mb', '--upload-chunk', '1mb'],
      { UPLOAD_QUOTA: '5gb', UPLOAD_MAX_FILE: '1mb' },
    ).uploads
    expect(given).toEqual({
      maxFileBytes: 200 * 1024 * 1024,
      quotaBytes: 5 * 1024 ** 3,
      chunkBytes: 1024 * 1024,
      expiryDays: 7,
    })
    expect(() => parseServerArgs(['--data', 'd', '--upload-quota', 'lots'], {})).toThrow(UsageError)
    expect(() => parseServerArgs(['--data', 'd', '--upload-chunk', '1kb'], {})).toThrow(/64kb/)
  })
})
