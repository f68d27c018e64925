import { createHash, randomUUID } from 'node:crypto'
import { createReadStream, existsSync, mkdirSync, renameSync, rmSync, copyFileSync } from 'node:fs'
import { join, resolve, sep } from 'node:path'
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

/** Copies `source` into the store's temp area and hashes the copy. */
export async function stageBlob(dataDir: string, source: string): Promise<StagedBlob> {
  const dir = join(attachmentsDir(dataDir), 'tmp')
  mkdirSync(dir, { recursive: true })
  const temp = join(dir, `${randomUUID()}.tmp`)
  try {
    copyFileSync(source, temp)
    return { temp, sha256: await hashFile(temp) }
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
