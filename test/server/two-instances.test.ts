import { createHash } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import { readBlob } from '../../src/server/uploads/uploads-service'
import { deterministicBytes } from '../helpers/deterministic-bytes'
import { useBackend } from './helpers/backends'
import { makeItem, newItemId, putBody } from './helpers/payloads'
import { call, department, useServers } from './helpers/test-server'

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')
const CHUNK = 64 * 1024

const fileOf = (size: number, seed: number) => deterministicBytes(size, seed)

function putChunk(app: FastifyInstance, token: string, hash: string, index: number, data: Buffer) {
  return app.inject({
    method: 'PUT',
    url: `/api/v1/blobs/${hash}/chunks/${index}`,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/octet-stream',
      'x-chunk-sha256': sha(data),
    },
    payload: data,
  })
}

/**
 * Scale-out (issue 15): two server instances — two Fastify apps, each with its own connection
 * pool — on one PostgreSQL share every piece of state; nothing lives in an instance.
 */
describe('two server instances on one PostgreSQL', () => {
  const backend = useBackend('postgres')
  const server = useServers()

  it('a department uploads half a file through one instance and finishes through the other; both serve the same overview', async () => {
    const first = await backend.fresh()
    const second = await backend.another()
    const one = await server(first.db, { uploads: { chunkBytes: CHUNK } })
    const two = await server(second.db, { uploads: { chunkBytes: CHUNK } })
    const { token } = await department(first.db, 'A')
    await department(second.db, 'B')

    const file = fileOf(10 * CHUNK + 321, 42)
    const hash = sha(file)
    const id = newItemId()
    const item = makeItem({
      attachments: [{ name: '实施方案.pdf', sha256: hash, size: file.length }],
    })
    expect(
      (await call(one, token, 'PUT', `/api/v1/items/${id}`, putBody(1, item))).statusCode,
    ).toBe(201)
    const started = await call(one, token, 'POST', `/api/v1/blobs/${hash}`, { size: file.length })
    expect(started.json()).toMatchObject({ chunkCount: 11, complete: false })
    for (let i = 0; i < 5; i++) {
      const res = await putChunk(one, token, hash, i, file.subarray(i * CHUNK, (i + 1) * CHUNK))
      expect(res.statusCode).toBe(200)
    }
    // The other instance knows where the upload stands, and takes the rest.
    const status = await call(two, token, 'GET', `/api/v1/blobs/${hash}/status`)
    expect(status.json()).toMatchObject({ received: [0, 1, 2, 3, 4], complete: false })
    const both = await Promise.all(
      [5, 6, 7, 8, 9, 10].map((i) =>
        putChunk(i % 2 ? two : one, token, hash, i, file.subarray(i * CHUNK, (i + 1) * CHUNK)),
      ),
    )
    expect(both.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200])
    const done = await call(one, token, 'GET', `/api/v1/blobs/${hash}/status`)
    expect(done.json()).toMatchObject({ complete: true, receivedBytes: file.length })

    const parts: Buffer[] = []
    for await (const c of (await readBlob(second.db, hash))!) parts.push(c)
    expect(Buffer.concat(parts).equals(file)).toBe(true)

    const pages = await Promise.all(
      [one, two].map((app) => app.inject({ method: 'GET', url: '/district/departments/A/items' })),
    )
    expect(pages[0]!.statusCode).toBe(200)
    expect(pages[0]!.body).toBe(pages[1]!.body)
    expect(pages[0]!.body).not.toContain('附件未到齐')
    const overviews = await Promise.all(
      [one, two].map((app) => app.inject({ method: 'GET', url: '/' })),
    )
    expect(overviews[0]!.statusCode).toBe(200)
    expect(overviews[0]!.body).toBe(overviews[1]!.body)
    expect(overviews[0]!.body).toContain('A局')
    expect(overviews[0]!.body).toContain('B局')
  })

  it('enforces one rate limit across both instances (counters in the database)', async () => {
    const first = await backend.fresh()
    const second = await backend.another()
    const rateLimit = { max: 5, timeWindowMs: 60_000, addressMax: 1000 }
    const one = await server(first.db, { rateLimit })
    const two = await server(second.db, { rateLimit })
    const { token } = await department(first.db, 'A')
    const { token: other } = await department(first.db, 'B')
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) {
      statuses.push((await call(i % 2 ? two : one, token, 'GET', '/api/v1/changes')).statusCode)
    }
    // Each instance saw 3 requests; together they are 6 > 5: the sixth is refused.
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429])
    const refused = await call(one, token, 'GET', '/api/v1/changes')
    expect(refused.statusCode).toBe(429)
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
    // Another department's budget is its own.
    expect((await call(two, other, 'GET', '/api/v1/changes')).statusCode).toBe(200)
  })
})
