import { createHash } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import type { BlobStatus } from '../../shared/sync/wire'
import type { ServerDB } from '../db/schema'
import { lockDepartmentForWrite } from '../departments/departments-repo'
import { ApiError } from '../errors'
import { RunningHashes } from './running-hash'

/**
 * Attachment uploads, protocol v2 (docs/sync-protocol.md §「附件上传」). Files are named by their
 * SHA-256 only — a client's file name is never a path — and every byte and every bit of progress
 * is in the database (migration 0210), so any instance can take the next chunk of an upload
 * another instance started.
 */

const MB = 1024 * 1024

/** The server's upload settings (CLI `--upload-max-file`, `--upload-quota`, `--upload-chunk`). */
export interface UploadLimits {
  /** Largest single file accepted. */
  maxFileBytes: number
  /** Bytes a department may upload in all (files it sent first; shared files it reuses are free). */
  quotaBytes: number
  /** Chunk size the server fixes for new uploads; a chunk body larger than this is refused (413). */
  chunkBytes: number
  /**
   * An upload never completed expires this many days after its last chunk (or its start): the
   * purge deletes its chunks and releases its quota (`--upload-expiry`, expiry.ts). 0: never.
   */
  expiryDays: number
  /** How often the server looks for expired uploads (default hourly; tests set it short). */
  purgeEveryMs?: number
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  maxFileBytes: 1024 * MB,
  quotaBytes: 20 * 1024 * MB,
  chunkBytes: 4 * MB,
  expiryDays: 7,
}

const EMPTY_SHA256 = createHash('sha256').digest('hex')

/** 「12.5 MB」 (「64 KB」 under a megabyte): the size the upload messages and pages show. */
export const sizeText = (bytes: number) =>
  bytes < MB
    ? `${Math.round((bytes / 1024) * 10) / 10} KB`
    : `${Math.round((bytes / MB) * 10) / 10} MB`

/**
 * Of `hashes`, those the department has started to upload and not finished (the `started` of the
 * query's answer: the desk resumes these with `POST /blobs/{sha256}` and sends the others' first
 * chunk at once, `putFirstChunk`).
 */
export async function startedUploads(
  db: Kysely<ServerDB>,
  departmentId: string,
  hashes: readonly string[],
): Promise<string[]> {
  if (hashes.length === 0) return []
  const rows = await db
    .selectFrom('upload_sessions')
    .select('sha256')
    .where('department_id', '=', departmentId)
    .where('sha256', 'in', [...new Set(hashes)])
    .where('completed_at', 'is', null)
    .execute()
  return rows.map((r) => r.sha256)
}

/** Of `hashes`, those the district already has as verified files (from any department). */
export async function knownBlobs(
  db: Kysely<ServerDB>,
  hashes: readonly string[],
): Promise<string[]> {
  if (hashes.length === 0) return []
  const rows = await db
    .selectFrom('upload_blobs')
    .select('sha256')
    .where('sha256', 'in', [...new Set(hashes)])
    .execute()
  return rows.map((r) => r.sha256)
}

interface SessionRow {
  size: number | string
  chunk_size: number
  chunk_count: number
  completed_at: string | null
}

async function findSession(
  db: Kysely<ServerDB> | Transaction<ServerDB>,
  departmentId: string,
  sha256: string,
): Promise<SessionRow | undefined> {
  return db
    .selectFrom('upload_sessions')
    .select(['size', 'chunk_size', 'chunk_count', 'completed_at'])
    .where('department_id', '=', departmentId)
    .where('sha256', '=', sha256)
    .executeTakeFirst()
}

async function statusOf(
  db: Kysely<ServerDB> | Transaction<ServerDB>,
  departmentId: string,
  sha256: string,
  session: SessionRow,
): Promise<BlobStatus> {
  const chunks = await db
    .selectFrom('upload_chunks')
    .select(['idx', 'size'])
    .where('department_id', '=', departmentId)
    .where('sha256', '=', sha256)
    .orderBy('idx')
    .execute()
  return {
    sha256,
    size: Number(session.size),
    chunkSize: session.chunk_size,
    chunkCount: session.chunk_count,
    received: chunks.map((c) => c.idx),
    receivedBytes: chunks.reduce((sum, c) => sum + c.size, 0),
    complete: session.completed_at !== null,
  }
}

/** The answer for a file the district already has (uploaded by anyone): nothing left to send. */
function completeStatus(sha256: string, size: number): BlobStatus {
  return {
    sha256,
    size,
    chunkSize: 0,
    chunkCount: 0,
    received: [],
    receivedBytes: size,
    complete: true,
  }
}

async function districtBlob(db: Kysely<ServerDB>, sha256: string) {
  return db
    .selectFrom('upload_blobs')
    .select(['sha256', 'size'])
    .where('sha256', '=', sha256)
    .executeTakeFirst()
}

/**
 * `POST /blobs/{sha256}`: starts the department's upload of a file (or answers where the one it
 * started stands — starting twice is resuming). A file the district already has is complete at
 * once and costs no quota. Refused: a file over `maxFileBytes` (413 PAYLOAD_TOO_LARGE), one that
 * would take the department over its quota (413 QUOTA_EXCEEDED), a size other than the one the
 * upload was started with (400).
 */
export async function startUpload(
  db: Kysely<ServerDB>,
  departmentId: string,
  sha256: string,
  size: number,
  limits: UploadLimits,
  now: string,
): Promise<BlobStatus> {
  const known = await districtBlob(db, sha256)
  if (known) return completeStatus(sha256, Number(known.size))
  refuseUnacceptable(sha256, size, limits)
  const session = await db
    .transaction()
    .execute((trx) => openSession(trx, departmentId, sha256, size, limits, now))
  if (session.chunk_count === 0 && session.completed_at === null) {
    await complete(db, departmentId, sha256, size, now)
    return completeStatus(sha256, 0)
  }
  return statusOf(db, departmentId, sha256, session)
}

/** A file over the size limit, or an empty file whose hash is not the empty hash. */
function refuseUnacceptable(sha256: string, size: number, limits: UploadLimits): void {
  if (size > limits.maxFileBytes) {
    throw new ApiError(
      'PAYLOAD_TOO_LARGE',
      `附件 ${sizeText(size)} 超过区级服务器允许的单个文件上限 ${sizeText(limits.maxFileBytes)}，请联系区级管理员。`,
      { maxFileBytes: limits.maxFileBytes },
    )
  }
  if (size === 0 && sha256 !== EMPTY_SHA256) {
    throw new ApiError('FILE_HASH_MISMATCH', '空文件的 SHA-256 与所报不符。')
  }
}

/**
 * The department's session of the file: the one it started (same size, else 400), or a new one
 * in the server's chunk layout when the quota allows (413 QUOTA_EXCEEDED otherwise) — created
 * finished (`completedAt`) when the caller holds the whole, verified file in this transaction.
 */
async function openSession(
  trx: Transaction<ServerDB>,
  departmentId: string,
  sha256: string,
  size: number,
  limits: UploadLimits,
  now: string,
  completedAt: string | null = null,
): Promise<SessionRow & { created: boolean }> {
  // One department's uploads start one at a time, so two instances cannot both pass the quota.
  await lockDepartmentForWrite(trx, departmentId)
  const existing = await findSession(trx, departmentId, sha256)
  if (existing) {
    if (Number(existing.size) !== size) {
      throw new ApiError(
        'VALIDATION',
        `该文件的上传已按 ${Number(existing.size)} 字节开始，与本次所报 ${size} 字节不符。`,
      )
    }
    return { ...existing, created: false }
  }
  const used = await trx
    .selectFrom('upload_sessions')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number | string>('size'), eb.lit(0)).as('used'))
    .where('department_id', '=', departmentId)
    .executeTakeFirstOrThrow()
  const usedBytes = Number(used.used)
  if (usedBytes + size > limits.quotaBytes) {
    throw new ApiError(
      'QUOTA_EXCEEDED',
      `本部门的附件空间不足：已用 ${sizeText(usedBytes)}，上限 ${sizeText(limits.quotaBytes)}，` +
        `本文件 ${sizeText(size)}。请联系区级管理员调整配额。`,
      { usedBytes, quotaBytes: limits.quotaBytes },
    )
  }
  const row = {
    size,
    chunk_size: limits.chunkBytes,
    chunk_count: Math.ceil(size / limits.chunkBytes),
    completed_at: finishedAtStart(completedAt, size, limits),
  }
  await trx
    .insertInto('upload_sessions')
    .values({ department_id: departmentId, sha256, created_at: now, updated_at: now, ...row })
    .execute()
  return { ...row, created: true }
}

/** A new session is created finished only for a file of one chunk. */
const finishedAtStart = (completedAt: string | null, size: number, limits: UploadLimits) =>
  size > 0 && size <= limits.chunkBytes ? completedAt : null

/**
 * `PUT /blobs/{sha256}/chunks/0?size=<bytes>`: the start of an upload carrying its first chunk
 * (one round trip less per file; a file of one chunk arrives in one request). Checks as
 * `startUpload` (size limit, quota, same size as an upload already started) and as `putChunk`
 * (the chunk's own SHA-256, 422 CHUNK_HASH_MISMATCH). Starting the session, storing the chunk
 * and — for a one-chunk file, whose chunk hash is the file's — verifying and recording the file
 * happen in one transaction: a one-chunk file that does not match its SHA-256 is refused (422
 * FILE_HASH_MISMATCH) and leaves nothing behind, not even a session on the quota. A file the
 * district already has is complete at once (the chunk is not stored). A chunk that does not fit
 * the layout of an upload the department began earlier with another chunk size is not stored:
 * the answer is that upload's status, and the desk sends the chunks in that layout.
 */
export async function putFirstChunk(
  db: Kysely<ServerDB>,
  departmentId: string,
  sha256: string,
  size: number,
  chunkSha256: string,
  data: Buffer,
  limits: UploadLimits,
  now: string,
): Promise<BlobStatus> {
  const known = await districtBlob(db, sha256)
  if (known) return completeStatus(sha256, Number(known.size))
  if (size === 0) return startUpload(db, departmentId, sha256, size, limits, now)
  refuseUnacceptable(sha256, size, limits)
  const actual = chunkHashOrThrow(data, chunkSha256, 0)
  // The whole file in one chunk: its chunk hash is the file's.
  const whole = data.length === size
  if (whole && actual !== sha256) {
    throw new ApiError(
      'FILE_HASH_MISMATCH',
      '收到的文件与其 SHA-256 不符，未保存；请重新上传该文件。',
    )
  }
  const result = await db.transaction().execute(async (trx) => {
    const session = await openSession(
      trx,
      departmentId,
      sha256,
      size,
      limits,
      now,
      whole ? now : null,
    )
    if (session.created && session.completed_at !== null) {
      // A new one-chunk file, verified above: session, chunk and file in three inserts.
      await insertChunk(trx, departmentId, sha256, 0, actual, data, now)
      await insertBlob(trx, departmentId, sha256, size, now)
      return { session, inserted: true, done: true }
    }
    if (session.completed_at !== null) return { session, inserted: false, done: true }
    if (data.length !== Math.min(size, session.chunk_size)) {
      return { session, inserted: false, done: false }
    }
    const inserted = await storeChunk(trx, departmentId, sha256, 0, actual, data, now)
    if (session.chunk_count > 1) return { session, inserted, done: false }
    await recordComplete(trx, departmentId, sha256, size, now)
    return { session, inserted, done: true }
  })
  if (result.done) return completeStatus(sha256, size)
  if (result.inserted) runningHashes.feed(departmentId, sha256, result.session, 0, actual, data)
  return statusOf(db, departmentId, sha256, result.session)
}

/** The chunk's own SHA-256 when it equals what the desk said; 422 CHUNK_HASH_MISMATCH else. */
function chunkHashOrThrow(data: Buffer, chunkSha256: string, index: number): string {
  const actual = createHash('sha256').update(data).digest('hex')
  if (actual !== chunkSha256) {
    throw new ApiError(
      'CHUNK_HASH_MISMATCH',
      `第 ${index} 块的内容与其 SHA-256 不符（传输中损坏），未保存，请重发该块。`,
    )
  }
  return actual
}

/**
 * Stores one verified chunk (a chunk already held is kept, not copied again) and touches the
 * session. The session row first: its lock orders this chunk against a purge of the upload
 * (expiry.ts) — either the chunk refreshes the session and the purge leaves it, or the purge
 * removed it and the chunk is refused (404; the desk starts the upload again), never an orphan
 * chunk. Answers whether the chunk's row is new.
 */
async function storeChunk(
  trx: Transaction<ServerDB>,
  departmentId: string,
  sha256: string,
  index: number,
  chunkSha256: string,
  data: Buffer,
  now: string,
): Promise<boolean> {
  const touched = await trx
    .updateTable('upload_sessions')
    .set({ updated_at: now })
    .where('department_id', '=', departmentId)
    .where('sha256', '=', sha256)
    .executeTakeFirst()
  if (Number(touched.numUpdatedRows) === 0) throw new ApiError('NOT_FOUND', NO_UPLOAD)
  return insertChunk(trx, departmentId, sha256, index, chunkSha256, data, now)
}

/** The chunk's row (kept as it is when the chunk is already held); whether it is new. */
async function insertChunk(
  trx: Transaction<ServerDB>,
  departmentId: string,
  sha256: string,
  index: number,
  chunkSha256: string,
  data: Buffer,
  now: string,
): Promise<boolean> {
  const inserted = await trx
    .insertInto('upload_chunks')
    .values({
      department_id: departmentId,
      sha256,
      idx: index,
      chunk_sha256: chunkSha256,
      size: data.length,
      data,
      received_at: now,
    })
    .onConflict((oc) => oc.columns(['department_id', 'sha256', 'idx']).doNothing())
    .executeTakeFirst()
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0
}

/**
 * `GET /blobs/{sha256}/status`: the department's own upload of the file, or — when the district
 * already has it — complete. Another department's unfinished upload is not visible (404).
 */
export async function uploadStatus(
  db: Kysely<ServerDB>,
  departmentId: string,
  sha256: string,
): Promise<BlobStatus | null> {
  const session = await findSession(db, departmentId, sha256)
  if (session) return statusOf(db, departmentId, sha256, session)
  const known = await districtBlob(db, sha256)
  return known ? completeStatus(sha256, Number(known.size)) : null
}

const NO_UPLOAD = '没有该文件的上传（或无权查看）；请先以 POST /api/v1/blobs/{sha256} 开始上传。'

/**
 * `PUT /blobs/{sha256}/chunks/{index}`: stores one chunk after checking its index, its length
 * (the layout fixed at start; longer than the chunk size is 413) and its own SHA-256 (422
 * CHUNK_HASH_MISMATCH). A chunk already held is accepted again without a second copy. When the
 * last missing chunk arrives the whole file is hashed from the stored chunks: equal → the file
 * is the district's; different → every chunk is discarded (422 FILE_HASH_MISMATCH).
 */
export async function putChunk(
  db: Kysely<ServerDB>,
  departmentId: string,
  sha256: string,
  index: number,
  chunkSha256: string,
  data: Buffer,
  now: string,
): Promise<BlobStatus> {
  const session = await findSession(db, departmentId, sha256)
  if (!session) throw new ApiError('NOT_FOUND', NO_UPLOAD)
  if (session.completed_at !== null) return statusOf(db, departmentId, sha256, session)
  const size = Number(session.size)
  if (!Number.isInteger(index) || index < 0 || index >= session.chunk_count) {
    throw new ApiError(
      'VALIDATION',
      `分块序号 ${index} 无效：该文件共 ${session.chunk_count} 块（0–${session.chunk_count - 1}）。`,
    )
  }
  if (data.length > session.chunk_size) {
    throw new ApiError(
      'PAYLOAD_TOO_LARGE',
      `分块 ${data.length} 字节，超过本次上传的分块大小 ${session.chunk_size} 字节。`,
    )
  }
  const expected =
    index === session.chunk_count - 1 ? size - index * session.chunk_size : session.chunk_size
  if (data.length !== expected) {
    throw new ApiError(
      'VALIDATION',
      `第 ${index} 块应为 ${expected} 字节，收到 ${data.length} 字节。`,
    )
  }
  const actual = chunkHashOrThrow(data, chunkSha256, index)
  const inserted = await db
    .transaction()
    .execute((trx) => storeChunk(trx, departmentId, sha256, index, actual, data, now))
  if (inserted) runningHashes.feed(departmentId, sha256, session, index, actual, data)
  const status = await statusOf(db, departmentId, sha256, session)
  if (status.received.length < session.chunk_count) return status
  // A one-chunk file was just hashed whole (its chunk hash is checked above): no second read.
  await complete(
    db,
    departmentId,
    sha256,
    size,
    now,
    session.chunk_count === 1 ? actual : null,
    session,
  )
  return { ...status, complete: true }
}

/** This instance's running whole-file hashes of uploads whose chunks arrive in order. */
export const runningHashes = new RunningHashes()

/**
 * Verifies the whole file and records it as the district's when it matches its SHA-256. The hash
 * is the running one when this instance saw every chunk in order and the chunks it hashed are
 * the ones stored (same chunk hashes, running-hash.ts); else the stored chunks are read back and
 * hashed in order.
 */
async function complete(
  db: Kysely<ServerDB>,
  departmentId: string,
  sha256: string,
  size: number,
  now: string,
  /** The whole file's hash when the caller has just computed it (a one-chunk file). */
  known: string | null = null,
  session: { chunk_size: number; chunk_count: number } | null = null,
): Promise<void> {
  let actual = known
  const running =
    session && actual === null ? runningHashes.take(departmentId, sha256, session) : null
  if (running) {
    const stored = await db
      .selectFrom('upload_chunks')
      .select('chunk_sha256')
      .where('department_id', '=', departmentId)
      .where('sha256', '=', sha256)
      .orderBy('idx')
      .execute()
    const same =
      stored.length === running.chunkHashes.length &&
      stored.every((row, i) => row.chunk_sha256 === running.chunkHashes[i])
    if (same) actual = running.digest
  }
  if (actual === null) {
    const hash = createHash('sha256')
    for await (const chunk of sessionBytes(db, departmentId, sha256)) hash.update(chunk)
    actual = hash.digest('hex')
  }
  if (actual !== sha256) {
    if (session) runningHashes.drop(departmentId, sha256, session)
    await db
      .deleteFrom('upload_chunks')
      .where('department_id', '=', departmentId)
      .where('sha256', '=', sha256)
      .execute()
    throw new ApiError(
      'FILE_HASH_MISMATCH',
      '收齐的文件与其 SHA-256 不符，已丢弃全部分块；请重新上传该文件。',
    )
  }
  await db.transaction().execute((trx) => recordComplete(trx, departmentId, sha256, size, now))
}

/** The session finished and the file the district's (the first department to finish it is its source). */
async function recordComplete(
  trx: Transaction<ServerDB>,
  departmentId: string,
  sha256: string,
  size: number,
  now: string,
): Promise<void> {
  await trx
    .updateTable('upload_sessions')
    .set({ completed_at: now, updated_at: now })
    .where('department_id', '=', departmentId)
    .where('sha256', '=', sha256)
    .where('completed_at', 'is', null)
    .execute()
  await insertBlob(trx, departmentId, sha256, size, now)
}

/** The district's verified file (another department finishing it first stays its source). */
async function insertBlob(
  trx: Transaction<ServerDB>,
  departmentId: string,
  sha256: string,
  size: number,
  now: string,
): Promise<void> {
  await trx
    .insertInto('upload_blobs')
    .values({ sha256, size, source_department_id: departmentId, completed_at: now })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute()
}

/** The chunks of one session in order, one row at a time (a 200 MB file is never in memory). */
async function* sessionBytes(
  db: Kysely<ServerDB>,
  departmentId: string,
  sha256: string,
): AsyncGenerator<Buffer> {
  const indexes = await db
    .selectFrom('upload_chunks')
    .select('idx')
    .where('department_id', '=', departmentId)
    .where('sha256', '=', sha256)
    .orderBy('idx')
    .execute()
  for (const { idx } of indexes) {
    const row = await db
      .selectFrom('upload_chunks')
      .select('data')
      .where('department_id', '=', departmentId)
      .where('sha256', '=', sha256)
      .where('idx', '=', idx)
      .executeTakeFirstOrThrow()
    yield Buffer.from(row.data)
  }
}

/** The bytes of a verified district file, chunk by chunk; null when the district does not have it. */
export async function readBlob(
  db: Kysely<ServerDB>,
  sha256: string,
): Promise<AsyncGenerator<Buffer> | null> {
  const blob = await db
    .selectFrom('upload_blobs')
    .select('source_department_id')
    .where('sha256', '=', sha256)
    .executeTakeFirst()
  return blob ? sessionBytes(db, blob.source_department_id, sha256) : null
}

/** One attachment an item names (from the pushed item's `attachments`). */
export interface ItemAttachmentRef {
  name: string
  sha256: string
  size: number
}

/**
 * Records the files `itemId`'s latest revision names, inside the intake transaction (replacing
 * the previous revision's list). The names are stored as text for display only.
 */
export async function recordItemAttachments(
  trx: Transaction<ServerDB>,
  itemId: string,
  attachments: readonly ItemAttachmentRef[],
): Promise<void> {
  await trx.deleteFrom('item_attachments').where('item_id', '=', itemId).execute()
  if (attachments.length === 0) return
  await trx
    .insertInto('item_attachments')
    .values(
      attachments.map((a, position) => ({
        item_id: itemId,
        position,
        sha256: a.sha256,
        name: a.name,
        size: a.size,
      })),
    )
    .execute()
}

/** Per item: files named and files not yet arrived (an item with none missing is complete). */
export interface AttachmentProgress {
  total: number
  missing: number
}

/** The attachment state of `itemIds` (items without attachments are absent from the map). */
export async function attachmentProgress(
  db: Kysely<ServerDB>,
  itemIds: readonly string[],
): Promise<Map<string, AttachmentProgress>> {
  const out = new Map<string, AttachmentProgress>()
  for (let start = 0; start < itemIds.length; start += 500) {
    const rows = await db
      .selectFrom('item_attachments as a')
      .leftJoin('upload_blobs as b', 'b.sha256', 'a.sha256')
      .select(['a.item_id', 'b.sha256 as arrived'])
      .where('a.item_id', 'in', itemIds.slice(start, start + 500))
      .execute()
    for (const row of rows) {
      const p = out.get(row.item_id) ?? { total: 0, missing: 0 }
      p.total++
      if (row.arrived === null) p.missing++
      out.set(row.item_id, p)
    }
  }
  return out
}

/** The label the district pages show for an item whose files have not all arrived. */
export const ATTACHMENTS_PENDING_LABEL = '附件未到齐'
