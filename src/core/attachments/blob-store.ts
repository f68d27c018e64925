import { createHash, randomUUID } from 'node:crypto'
import {
  constants,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  renameSync,
  rmSync,
} from 'node:fs'
import { open } from 'node:fs/promises'
import { join, resolve, sep } from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { AppError } from '../errors'

/** Folder of stored attachment files: `<dataDir>/attachments`. */
export function attachmentsDir(dataDir: string): string {
  return join(dataDir, 'attachments')
}

/** A blob key: the lowercase hex SHA-256 of the file, and nothing else (issue 8 point 1). */
const BLOB_KEY = /^[0-9a-f]{64}$/

/** True when `key` is a well-formed blob key (64 lowercase hex characters). */
export function isBlobKey(key: unknown): key is string {
  return typeof key === 'string' && BLOB_KEY.test(key)
}

/**
 * `<folder>/<first 2 hex>/<key>` for a well-formed key, confirmed (after resolving) to stay inside
 * `folder`. Keys come from databases, and a database may come from a USB disk: a key shaped like a
 * path (`../../.config/autostart/x`) is refused, never joined.
 */
export function keyedPath(folder: string, key: string): string {
  if (!isBlobKey(key)) {
    throw new AppError('VALIDATION', '附件键无效（应为 64 位小写十六进制 SHA-256），已拒绝该附件')
  }
  const base = resolve(folder)
  const path = resolve(base, key.slice(0, 2), key)
  if (!path.startsWith(base + sep)) {
    throw new AppError('VALIDATION', '附件路径超出附件文件夹，已拒绝该附件')
  }
  return path
}

/** Where a blob lives: `<dataDir>/attachments/<first 2 hex>/<sha256>` (content-addressed). */
export function blobPath(dataDir: string, sha256: string): string {
  return keyedPath(attachmentsDir(dataDir), sha256)
}

/** SHA-256 of a file, streamed (attachments may be tens of MB). */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** A file copied into the store's temp area, hashed from the copy (so what we hash is what we keep). */
export interface StagedBlob {
  temp: string
  sha256: string
}

export interface CopyOptions {
  /** Refuse a source larger than this many bytes (checked before and while copying). */
  maxBytes?: number
  /** Refuse a source that is a symbolic link (for files beside an untrusted backup). */
  noFollow?: boolean
}

const MB = 1024 * 1024

/**
 * Copies `source` to a new file `dest` and hashes the bytes as they are written, in one async
 * pass (review finding 15: a large file never blocks the main process, and what is hashed is
 * exactly what was written). The source is opened non-blocking and checked on its descriptor: a
 * FIFO, device or folder — or, with `noFollow`, a link — is refused without ever waiting on it,
 * and a file over `maxBytes` is refused, also if it grows while being copied. `dest` is removed
 * on any failure.
 */
export async function copyAndHash(
  source: string,
  dest: string,
  options: CopyOptions = {},
): Promise<{ sha256: string; bytes: number }> {
  const max = options.maxBytes ?? Number.POSITIVE_INFINITY
  const tooBig = () =>
    new AppError('VALIDATION', `文件超过 ${Math.max(1, Math.floor(max / MB))} MB 上限，未复制`)
  const notPlain = () =>
    new AppError('VALIDATION', '不是普通文件（可能是链接、管道或设备），未复制')
  const flags =
    constants.O_RDONLY | constants.O_NONBLOCK | (options.noFollow ? constants.O_NOFOLLOW : 0)
  let handle
  try {
    handle = await open(source, flags)
  } catch (e) {
    if ((e as { code?: string }).code === 'ELOOP') throw notPlain()
    throw e
  }
  try {
    const stat = await handle.stat()
    if (!stat.isFile()) throw notPlain()
    if (stat.size > max) throw tooBig()
    const hash = createHash('sha256')
    let bytes = 0
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytes += chunk.length
        if (bytes > max) return done(tooBig())
        hash.update(chunk)
        done(null, chunk)
      },
    })
    try {
      await pipeline(
        handle.createReadStream({ autoClose: false }),
        meter,
        createWriteStream(dest, { flags: 'wx' }),
      )
    } catch (e) {
      rmSync(dest, { force: true })
      throw e
    }
    return { sha256: hash.digest('hex'), bytes }
  } finally {
    await handle.close()
  }
}

/** Copies `source` into the store's temp area, hashing while it copies (so what we hash is what we keep). */
export async function stageBlob(
  dataDir: string,
  source: string,
  options: CopyOptions = {},
): Promise<StagedBlob> {
  const dir = join(attachmentsDir(dataDir), 'tmp')
  mkdirSync(dir, { recursive: true })
  const temp = join(dir, `${randomUUID()}.tmp`)
  try {
    return { temp, sha256: (await copyAndHash(source, temp, options)).sha256 }
  } catch (e) {
    rmSync(temp, { force: true })
    throw e
  }
}

/**
 * Moves a staged copy to its content address; when that blob already exists (the same file
 * added before) the copy is dropped and the file is stored once. Returns whether it existed.
 */
export function commitBlob(dataDir: string, staged: StagedBlob): boolean {
  const target = blobPath(dataDir, staged.sha256)
  if (existsSync(target)) {
    discardBlob(staged)
    return true
  }
  mkdirSync(join(attachmentsDir(dataDir), staged.sha256.slice(0, 2)), { recursive: true })
  renameSync(staged.temp, target)
  return false
}

/** Removes a staged copy that will not be kept. */
export function discardBlob(staged: StagedBlob): void {
  rmSync(staged.temp, { force: true })
}
