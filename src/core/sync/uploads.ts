import { createHash } from 'node:crypto'
import { open } from 'node:fs/promises'
import { MAX_BLOB_QUERY, type BlobStatus } from '../../shared/sync/wire'
import type { SyncUploadView } from '../../shared/sync/types'
import { blobPath } from '../attachments/blob-store'
import type { Logger } from '../logger'
import type { SyncHttpClient } from './http-client'
import type { RemoteFileLedger, SettledFile } from './remote-files'

/**
 * Attachment uploads before the items that name them (protocol v2, docs/sync-protocol.md
 * §「附件上传」). Files are read from the desk's content-addressed store (the blob named by its
 * SHA-256), asked about once per run (`POST /blobs/query`: a file the district already has —
 * from this or any department — is not sent again), and sent in the chunk layout the server
 * fixes; after an interruption the server's status says which chunks it holds and only the rest
 * is sent. A v1 server (no blob endpoints) gets the items without the bytes, as before.
 */

/** One file to send: what the approved revision's `attachments` say. */
export interface UploadFile {
  sha256: string
  size: number
  name: string
}

export interface UploadDeps {
  client: SyncHttpClient
  /** The desk's data folder (blobs in `<dataDir>/attachments/<2 hex>/<sha256>`). */
  dataDir: string
  logger: Logger
  /** Told after every chunk and at the end of every file (the 同步 page's per-file progress). */
  onFile: (progress: SyncUploadView) => void
  /**
   * What the desk remembers of this server's files (remote-files.ts): a file it confirmed before
   * is neither asked about nor sent, and every file's end (on the server / refused) is recorded.
   * Absent: ask about every file, remember nothing (as before).
   */
  ledger?: RemoteFileLedger
}

export type UploadOutcome =
  /** Every file is on the server, or was refused for a reason retrying will not change. */
  | { kind: 'done'; failed: number }
  /** The server speaks protocol v1: it has no blob endpoints. */
  | { kind: 'unsupported' }
  | { kind: 'unauthorized' }
  | { kind: 'transient'; message: string; retryAfterMs: number | null }

/** The unique files named by `items` (an attachment shared by several items is one file). */
export function filesOf(items: readonly { item: Record<string, unknown> }[]): UploadFile[] {
  const files = new Map<string, UploadFile>()
  for (const { item } of items) {
    const list = Array.isArray(item['attachments']) ? (item['attachments'] as UploadFile[]) : []
    for (const a of list) if (!files.has(a.sha256)) files.set(a.sha256, a)
  }
  return [...files.values()]
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** Uploads the files the server does not have yet; see the module comment. */
export async function uploadFiles(
  d: UploadDeps,
  files: readonly UploadFile[],
): Promise<UploadOutcome> {
  if (files.length === 0) return { kind: 'done', failed: 0 }
  const known = d.ledger
    ? await d.ledger.confirmedAmong(files.map((f) => f.sha256))
    : new Set<string>()
  // Each file's last state in this run, for the ledger: done → confirmed, failed → refused.
  const last = new Map<string, SyncUploadView>()
  const tracked: UploadDeps = {
    ...d,
    onFile: (progress) => {
      last.set(progress.sha256, progress)
      d.onFile(progress)
    },
  }
  try {
    return await uploadUnknown(tracked, files, known)
  } finally {
    if (d.ledger) {
      const settled: SettledFile[] = []
      for (const [sha256, v] of last) {
        if (known.has(sha256)) continue
        if (v.state === 'done') settled.push({ sha256, state: 'confirmed', message: null })
        if (v.state === 'failed') settled.push({ sha256, state: 'refused', message: v.message })
      }
      await d.ledger.record(settled)
    }
  }
}

/** The message beside a file the district already has. */
export const ALREADY_ON_SERVER = '区级服务器已有该文件'

async function uploadUnknown(
  d: UploadDeps,
  files: readonly UploadFile[],
  known: ReadonlySet<string>,
): Promise<UploadOutcome> {
  const have = new Set<string>(known)
  const ask = files.filter((f) => !known.has(f.sha256))
  // What the server says of itself in its answers: a chunk size (it takes a new file's first
  // chunk with its start) and the files this department began to upload (resumed by a start).
  const started = new Set<string>()
  let chunkSize: number | null = ask.length > 0 ? Number.MAX_SAFE_INTEGER : null
  if (ask.length > 0 && (await d.ledger?.unsupportedRecently())) return { kind: 'unsupported' }
  for (let start = 0; start < ask.length; start += MAX_BLOB_QUERY) {
    const res = await d.client.queryBlobs(
      ask.slice(start, start + MAX_BLOB_QUERY).map((f) => f.sha256),
    )
    if (res.kind === 'unauthorized' || res.kind === 'transient') return res
    if (res.kind === 'rejected') {
      if (res.status === 404 || res.status === 405) {
        await d.ledger?.noteSupport(false)
        return { kind: 'unsupported' }
      }
      return {
        kind: 'transient',
        message: `区级服务器拒绝查询附件：${res.message}`,
        retryAfterMs: null,
      }
    }
    for (const h of res.body.have) have.add(h)
    for (const h of res.body.started ?? []) started.add(h)
    chunkSize =
      chunkSize === null || res.body.chunkSize === undefined
        ? null
        : Math.min(chunkSize, res.body.chunkSize)
    if (start === 0) await d.ledger?.noteSupport(true)
  }
  const view = (file: UploadFile): SyncUploadView => ({
    sha256: file.sha256,
    name: file.name,
    size: file.size,
    sentBytes: 0,
    state: 'uploading',
    message: null,
  })
  const queue: UploadFile[] = []
  for (const file of files) {
    if (have.has(file.sha256)) {
      d.onFile({
        ...view(file),
        sentBytes: file.size,
        state: 'done',
        message: ALREADY_ON_SERVER,
      })
    } else {
      queue.push(file)
    }
  }
  // A few files in flight (each one's chunks in order): small files are bound by round trips.
  let failed = 0
  let next = 0
  let stop: UploadOutcome | null = null
  const worker = async () => {
    while (stop === null && next < queue.length) {
      const file = queue[next++]!
      const firstChunk = chunkSize !== null && !started.has(file.sha256) ? chunkSize : null
      const outcome = await uploadOne(d, file, view(file), firstChunk)
      if (outcome === 'failed') failed++
      else if (outcome !== 'done') stop ??= outcome
    }
  }
  await Promise.all(Array.from({ length: Math.min(FILES_IN_FLIGHT, queue.length) }, worker))
  return stop ?? { kind: 'done', failed }
}

/** Files uploaded at the same time. */
export const FILES_IN_FLIGHT = 4

/**
 * One file: started with its first chunk in the same request when the server gave its chunk size
 * (`firstChunk`; a file of one chunk is then one request), else by `POST /blobs/{sha256}`, whose
 * answer says which chunks the server holds (a resumed upload sends only the rest).
 */
async function uploadOne(
  d: UploadDeps,
  file: UploadFile,
  view: SyncUploadView,
  firstChunk: number | null,
): Promise<'done' | 'failed' | Exclude<UploadOutcome, { kind: 'done' } | { kind: 'unsupported' }>> {
  const fail = (message: string): 'failed' => {
    d.onFile({ ...view, state: 'failed', message })
    d.logger.warn('附件上传失败', { sha256: file.sha256, message })
    return 'failed'
  }
  let handle
  try {
    handle = await open(blobPath(d.dataDir, file.sha256), 'r')
  } catch {
    return fail('本机找不到该附件的文件（附件库中缺少），无法上传；请在条目中重新添加该附件。')
  }
  const refused = (res: { code: string; message: string }) =>
    fail(
      res.code === 'FILE_HASH_MISMATCH'
        ? '本机附件文件与其 SHA-256 不符（文件已损坏），区级服务器未接收。'
        : `区级服务器拒绝接收：${res.message}`,
    )
  try {
    // Told before the first request: a file this run sends is 上传中 before it is 完成, even
    // when one request brings it whole (补传 counts a file first told 完成 as one the server had).
    d.onFile(view)
    let started
    if (firstChunk !== null && file.size > 0) {
      const length = Math.min(firstChunk, file.size)
      const bytes = new Uint8Array(length)
      const { bytesRead } = await handle.read(bytes, 0, length, 0)
      if (bytesRead !== length) return fail('本机附件文件比记录的短（文件已损坏），无法上传。')
      // A one-chunk file's chunk hash is the file's own: the desk does not hash it again (the
      // server does; a damaged local file is then told apart from a damaged transfer below).
      const whole = length === file.size
      started = await d.client.putChunk(
        file.sha256,
        0,
        bytes,
        whole ? file.sha256 : sha(bytes),
        file.size,
      )
      if (started.kind === 'rejected' && started.code === 'CHUNK_HASH_MISMATCH')
        started = await d.client.putChunk(file.sha256, 0, bytes, sha(bytes), file.size)
      // An instance not yet upgraded (a rolling upgrade) ignores `size` and knows no such
      // upload: start it the separate way.
      if (started.kind === 'rejected' && started.status === 404)
        started = await d.client.startBlob(file.sha256, file.size)
    } else {
      started = await d.client.startBlob(file.sha256, file.size)
    }
    if (started.kind === 'rejected') return refused(started)
    if (started.kind !== 'ok') return started
    let status: BlobStatus = started.body
    const report = () =>
      d.onFile({
        ...view,
        sentBytes: Math.min(file.size, status.complete ? file.size : status.receivedBytes),
        state: status.complete ? 'done' : 'uploading',
      })
    report()
    let held = new Set(status.received)
    let restarted = false
    for (let index = 0; !status.complete && index < status.chunkCount; index++) {
      if (held.has(index)) continue
      const offset = index * status.chunkSize
      const length = Math.min(status.chunkSize, file.size - offset)
      const bytes = new Uint8Array(length)
      const { bytesRead } = await handle.read(bytes, 0, length, offset)
      if (bytesRead !== length) return fail('本机附件文件比记录的短（文件已损坏），无法上传。')
      let res = await d.client.putChunk(file.sha256, index, bytes, sha(bytes))
      // A chunk damaged on the way is sent once more before the run gives up on the server.
      if (res.kind === 'rejected' && res.code === 'CHUNK_HASH_MISMATCH')
        res = await d.client.putChunk(file.sha256, index, bytes, sha(bytes))
      if (res.kind === 'rejected' && res.status === 404 && !restarted) {
        // The server no longer has this upload (an abandoned upload purged by the district
        // meanwhile, docs/operations.md): start it again, once, from what the server says now.
        restarted = true
        const again = await d.client.startBlob(file.sha256, file.size)
        if (again.kind === 'rejected') return fail(`区级服务器拒绝接收：${again.message}`)
        if (again.kind !== 'ok') return again
        status = again.body
        held = new Set(status.received)
        report()
        index = -1
        continue
      }
      if (res.kind === 'rejected') return refused(res)
      if (res.kind !== 'ok') return res
      status = res.body
      report()
    }
    if (!status.complete) {
      // Every chunk was sent but the server does not call it complete: ask where it stands.
      const check = await d.client.blobStatus(file.sha256)
      if (check.kind === 'ok' && check.body.complete) {
        status = check.body
        report()
        return 'done'
      }
      return {
        kind: 'transient',
        message: `附件「${file.name}」尚未传完，将自动继续`,
        retryAfterMs: null,
      }
    }
    return 'done'
  } finally {
    await handle.close()
  }
}
