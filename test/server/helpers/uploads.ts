import { createHash } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { expect } from 'vitest'
import { runAdmin } from '../../../src/server/cli/admin-commands'
import type { ServerDB } from '../../../src/server/db/schema'
import { readBlob } from '../../../src/server/uploads/uploads-service'
import type { TestBackend } from './backends'

/** Lowercase hex SHA-256 of `bytes` (a file's name on the server). */
export const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

/** `PUT /blobs/{hash}/chunks/{index}` with the chunk's own hash (or `chunkHash`). */
export function putChunk(
  app: FastifyInstance,
  token: string | null,
  hash: string,
  index: number,
  data: Buffer,
  chunkHash = sha(data),
) {
  return app.inject({
    method: 'PUT',
    url: `/api/v1/blobs/${hash}/chunks/${index}`,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      'content-type': 'application/octet-stream',
      'x-chunk-sha256': chunkHash,
    },
    payload: data,
  })
}

/** Sends the chunks `indexes` of `file` in the server's layout `chunkSize`; returns the last status. */
export async function sendChunks(
  app: FastifyInstance,
  token: string,
  file: Buffer,
  chunkSize: number,
  indexes: number[],
) {
  const hash = sha(file)
  let last
  for (const i of indexes) {
    last = await putChunk(app, token, hash, i, file.subarray(i * chunkSize, (i + 1) * chunkSize))
    expect(last.statusCode, last.body).toBe(200)
  }
  return last!.json()
}

/** The bytes of a verified district file, or null while the district does not have it. */
export async function storedBytes(db: Kysely<ServerDB>, hash: string): Promise<Buffer | null> {
  const chunks = await readBlob(db, hash)
  if (!chunks) return null
  const parts: Buffer[] = []
  for await (const c of chunks) parts.push(c)
  return Buffer.concat(parts)
}

/** Runs `server:admin` in-process against the backend's current database (at `now`). */
export async function runAdminOn(backend: TestBackend, args: string[], now?: Date) {
  const target = backend.target()
  const out: string[] = []
  const err: string[] = []
  const argv = target.kind === 'sqlite' ? ['--data', target.dataDir, ...args] : args
  const env = target.kind === 'postgres' ? { DATABASE_URL: target.url } : {}
  const code = await runAdmin(
    argv,
    env,
    { out: (l) => out.push(l), err: (l) => err.push(l) },
    ...(now ? [() => now] : []),
  )
  const last = out.at(-1)
  return { code, out, err, json: last ? (JSON.parse(last) as Record<string, unknown>) : null }
}
