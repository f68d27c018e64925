import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import {
  blobHashSchema,
  blobQueryBodySchema,
  blobStartBodySchema,
  CHUNK_SHA256_HEADER,
} from '../../shared/sync/wire'
import type { ServerDB } from '../db/schema'
import { ApiError } from '../errors'
import { departmentOf } from '../http/authenticate'
import { parseOrThrow } from '../items/item-schemas'
import { scheduleUploadPurge } from './expiry'
import {
  DEFAULT_UPLOAD_LIMITS,
  knownBlobs,
  putChunk,
  putFirstChunk,
  startedUploads,
  startUpload,
  uploadStatus,
  type UploadLimits,
} from './uploads-service'

/** The `{sha256}` path parameter: a hash, never a name or a path. */
function hashParam(value: string): string {
  const parsed = blobHashSchema.safeParse(value)
  if (!parsed.success) {
    throw new ApiError(
      'VALIDATION',
      '文件标识应为 64 位小写十六进制 SHA-256（不接受文件名或路径）。',
    )
  }
  return parsed.data
}

/** The `?size=` of a first chunk: the whole file's size in bytes, as `POST /blobs/{sha256}` takes it. */
function blobSizeParam(value: string): number {
  const parsed = /^\d{1,16}$/.test(value)
    ? blobStartBodySchema.safeParse({ size: Number(value) })
    : null
  if (!parsed?.success) throw new ApiError('VALIDATION', '文件大小（size）应为非负整数（字节）。')
  return parsed.data.size
}

/**
 * The upload endpoints of protocol v2 (department token required; the caller's scope installs the
 * hook). Registered in a child scope so the raw `application/octet-stream` body parser, limited
 * to one chunk, exists for the chunk route only. Also runs the purge of abandoned uploads on a
 * timer (expiry.ts).
 */
export function registerUploadRoutes(
  scope: FastifyInstance,
  db: Kysely<ServerDB>,
  clock: () => Date,
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): void {
  void scope.register(async (api) => {
    api.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: limits.chunkBytes },
      (_req, body, done) => done(null, body),
    )
    scheduleUploadPurge(api, db, clock, limits.expiryDays, limits.purgeEveryMs)

    api.post('/blobs/query', async (req) => {
      const department = departmentOf(req)
      const { hashes } = parseOrThrow(blobQueryBodySchema, req.body, '查询请求体')
      // `started` and `chunkSize` (added 2026-12-01) let the desk send a new file's first chunk
      // with its start (`PUT …/chunks/0?size=`); a desk that does not know them ignores them.
      return {
        have: await knownBlobs(db, hashes),
        started: await startedUploads(db, department.id, hashes),
        chunkSize: limits.chunkBytes,
      }
    })

    api.post<{ Params: { sha256: string } }>('/blobs/:sha256', async (req) => {
      const department = departmentOf(req)
      const sha256 = hashParam(req.params.sha256)
      const { size } = parseOrThrow(blobStartBodySchema, req.body, '上传请求体')
      return startUpload(db, department.id, sha256, size, limits, clock().toISOString())
    })

    api.get<{ Params: { sha256: string } }>('/blobs/:sha256/status', async (req) => {
      const department = departmentOf(req)
      const status = await uploadStatus(db, department.id, hashParam(req.params.sha256))
      if (!status) throw new ApiError('NOT_FOUND', '没有该文件的上传（或无权查看）。')
      return status
    })

    api.put<{ Params: { sha256: string; index: string }; Querystring: { size?: string } }>(
      '/blobs/:sha256/chunks/:index',
      { bodyLimit: limits.chunkBytes },
      async (req) => {
        const department = departmentOf(req)
        const sha256 = hashParam(req.params.sha256)
        if (!/^\d{1,9}$/.test(req.params.index)) {
          throw new ApiError('VALIDATION', '分块序号应为非负整数。')
        }
        const header = req.headers[CHUNK_SHA256_HEADER]
        const chunkSha = typeof header === 'string' ? header.trim().toLowerCase() : ''
        if (!blobHashSchema.safeParse(chunkSha).success) {
          throw new ApiError('VALIDATION', `缺少分块的 SHA-256（请求头 ${CHUNK_SHA256_HEADER}）。`)
        }
        if (!Buffer.isBuffer(req.body)) {
          throw new ApiError('UNSUPPORTED_MEDIA_TYPE', '分块须以 application/octet-stream 发送。')
        }
        const now = clock().toISOString()
        if (req.query.size !== undefined) {
          // The start of a file with its first chunk (one request for a one-chunk file).
          if (req.params.index !== '0') {
            throw new ApiError('VALIDATION', '只有第 0 块可以附带文件大小（size）开始上传。')
          }
          const size = blobSizeParam(req.query.size)
          return putFirstChunk(db, department.id, sha256, size, chunkSha, req.body, limits, now)
        }
        return putChunk(
          db,
          department.id,
          sha256,
          Number(req.params.index),
          chunkSha,
          req.body,
          now,
        )
      },
    )
  })
}
