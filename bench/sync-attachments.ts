/**
 * The attachments row of `npm run bench:sync` (issue 15): 500 items with 2,000 files, 500 MB in
 * all, generated on the fly in a temp folder (deterministic bytes: AES-CTR of a seed), 30% of
 * the file references pointing at files other items also attach.
 * - v2: the desk's own uploader (src/core/sync/uploads.ts) against the real server — one
 *   `POST /blobs/query` per 1,000 files, then each missing file in the server's chunks, the
 *   first chunk carrying the start (a file of one chunk is one request), four files at a time.
 * - baseline: each item's files whole in one request per item (a route added for the bench that
 *   stores each file, hashed, in the same tables) — no dedup, no resume.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { silentLogger } from '../src/core/logger'
import { SyncHttpClient } from '../src/core/sync/http-client'
import { uploadFiles, type UploadFile } from '../src/core/sync/uploads'
import { openServerDatabase } from '../src/server/db/connect'
import { createDepartment } from '../src/server/departments/departments-service'
import { buildServer } from '../src/server/http/app'
import { deterministicBytes } from '../test/helpers/deterministic-bytes'
import { makeTempDir } from '../test/helpers/temp-dir'

export const ATTACHMENT_ITEMS = 500
export const ATTACHMENT_FILES = 2_000
const TOTAL_BYTES = 500 * 1024 * 1024
const SHARED_SHARE = 0.3

interface Plan {
  /** Per item: indexes into `files`. */
  items: number[][]
  files: { sha256: string; size: number; path: string }[]
  referencedBytes: number
  uniqueBytes: number
}

/**
 * 2,000 references over 500 items (4 each). 70% of the references are files of their own; 30%
 * point at a pool of shared files (each attached by several items), sized so that the
 * referenced bytes add up to 500 MB.
 */
function plan(dataDir: string): Plan {
  const avg = TOTAL_BYTES / ATTACHMENT_FILES
  const sharedRefs = Math.round(ATTACHMENT_FILES * SHARED_SHARE)
  const ownRefs = ATTACHMENT_FILES - sharedRefs
  const sharedPool = Math.round(sharedRefs / 6)
  const files: Plan['files'] = []
  const blobs = join(dataDir, 'attachments')
  const make = (seed: number) => {
    // Sizes vary ±50% around the average, deterministically.
    const size = Math.round(avg * (0.5 + ((seed * 7919) % 1000) / 1000))
    const bytes = deterministicBytes(size, seed)
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    const dir = join(blobs, sha256.slice(0, 2))
    mkdirSync(dir, { recursive: true })
    const path = join(dir, sha256)
    writeFileSync(path, bytes)
    files.push({ sha256, size, path })
    return files.length - 1
  }
  const own = Array.from({ length: ownRefs }, (_, i) => make(i + 1))
  const shared = Array.from({ length: sharedPool }, (_, i) => make(100_000 + i))
  const refs = [...own, ...Array.from({ length: sharedRefs }, (_, i) => shared[i % sharedPool]!)]
  // Interleave: item k gets references k, k+500, k+1000, k+1500.
  const items = Array.from({ length: ATTACHMENT_ITEMS }, (_, k) =>
    [0, 1, 2, 3].map((j) => refs[k + j * ATTACHMENT_ITEMS]!),
  )
  const referencedBytes = refs.reduce((n, i) => n + files[i]!.size, 0)
  const uniqueBytes = files.reduce((n, f) => n + f.size, 0)
  return { items, files, referencedBytes, uniqueBytes }
}

async function startServer(withBaselineRoute: boolean) {
  const temp = makeTempDir('dd-bench-blobs-')
  const database = await openServerDatabase({ kind: 'sqlite', dataDir: temp.dir })
  const { token } = await createDepartment(
    database.db,
    { code: 'BENCH', name: '基准测试局' },
    new Date().toISOString(),
  )
  const department = await database.db
    .selectFrom('departments')
    .select('id')
    .where('code', '=', 'BENCH')
    .executeTakeFirstOrThrow()
  const app = await buildServer({
    db: database.db,
    logger: false,
    rateLimit: false,
    view: { openWithoutPassword: true },
    bodyLimit: 64 * 1024 * 1024,
    uploads: { quotaBytes: 10 * TOTAL_BYTES },
  })
  if (withBaselineRoute) {
    // The baseline: one request per item, its files whole, one after another in the body.
    app.addContentTypeParser(
      'application/x-bench-files',
      { parseAs: 'buffer', bodyLimit: 64 * 1024 * 1024 },
      (_req, body, done) => done(null, body),
    )
    app.post<{ Querystring: { sizes: string } }>('/bench/files', async (req) => {
      const body = req.body as Buffer
      const now = new Date().toISOString()
      let offset = 0
      for (const size of req.query.sizes.split(',').map(Number)) {
        const data = body.subarray(offset, offset + size)
        offset += size
        const sha256 = createHash('sha256').update(data).digest('hex')
        await database.db.transaction().execute(async (trx) => {
          await trx
            .insertInto('upload_sessions')
            .values({
              department_id: department.id,
              sha256,
              size,
              chunk_size: size,
              chunk_count: 1,
              created_at: now,
              updated_at: now,
              completed_at: now,
            })
            .onConflict((oc) => oc.columns(['department_id', 'sha256']).doNothing())
            .execute()
          await trx
            .insertInto('upload_chunks')
            .values({
              department_id: department.id,
              sha256,
              idx: 0,
              chunk_sha256: sha256,
              size,
              data,
              received_at: now,
            })
            .onConflict((oc) =>
              oc.columns(['department_id', 'sha256', 'idx']).doUpdateSet({ data }),
            )
            .execute()
        })
      }
      return { stored: offset }
    })
  }
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    async stop() {
      await app.close()
      await database.close()
      temp.cleanup()
    },
  }
}

export interface AttachmentBench {
  files: number
  items: number
  referencedMb: number
  uniqueMb: number
  v2Ms: number
  wholeMs: number
  /** Bytes of the items' files delivered per second (what the district ends up with). */
  v2MbPerS: number
  wholeMbPerS: number
  ratio: number
  /** Share of the referenced bytes not sent thanks to content addressing. */
  dedupSaving: number
  /**
   * CPU time of this process (desk and server both run in it) per way: the work each way costs,
   * less sensitive than the wall time to other load on the machine.
   */
  v2CpuMs: number
  wholeCpuMs: number
  /** HTTP requests each way sent. */
  v2Requests: number
  wholeRequests: number
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since)
  return (used.user + used.system) / 1000
}

export async function benchAttachments(): Promise<AttachmentBench> {
  const desk = makeTempDir('dd-bench-desk-')
  try {
    const p = plan(desk.dir)

    // v2: the desk's uploader, every item's files in the order sync sends them.
    const v2 = await startServer(false)
    let v2Requests = 0
    const client = new SyncHttpClient({
      serverUrl: v2.url,
      token: v2.token,
      fetch: (input, init) => {
        v2Requests++
        return fetch(input, init)
      },
      timeoutMs: 120_000,
    })
    const wanted: UploadFile[] = p.items.flatMap((refs, k) =>
      refs.map((i) => ({
        sha256: p.files[i]!.sha256,
        size: p.files[i]!.size,
        name: `附件${k}.pdf`,
      })),
    )
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    const outcome = await uploadFiles(
      { client, dataDir: desk.dir, logger: silentLogger, onFile: () => {} },
      [...new Map(wanted.map((f) => [f.sha256, f])).values()],
    )
    const v2Ms = performance.now() - t0
    const v2CpuMs = cpuMs(c0)
    if (outcome.kind !== 'done' || outcome.failed > 0)
      throw new Error(`v2 upload failed: ${JSON.stringify(outcome)}`)
    await v2.stop()

    // Baseline: one request per item with its files whole (shared files sent again each time).
    const whole = await startServer(true)
    const c1 = process.cpuUsage()
    const t1 = performance.now()
    for (const refs of p.items) {
      const body = Buffer.concat(refs.map((i) => readFileSync(p.files[i]!.path)))
      const sizes = refs.map((i) => p.files[i]!.size).join(',')
      const res = await fetch(`${whole.url}/bench/files?sizes=${sizes}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-bench-files' },
        body,
      })
      await res.arrayBuffer()
      if (res.status !== 200) throw new Error(`baseline upload failed: ${res.status}`)
    }
    const wholeMs = performance.now() - t1
    const wholeCpuMs = cpuMs(c1)
    await whole.stop()

    const mb = (bytes: number) => bytes / 1024 / 1024
    const v2MbPerS = mb(p.referencedBytes) / (v2Ms / 1000)
    const wholeMbPerS = mb(p.referencedBytes) / (wholeMs / 1000)
    return {
      files: ATTACHMENT_FILES,
      items: ATTACHMENT_ITEMS,
      referencedMb: mb(p.referencedBytes),
      uniqueMb: mb(p.uniqueBytes),
      v2Ms,
      wholeMs,
      v2MbPerS,
      wholeMbPerS,
      ratio: v2MbPerS / wholeMbPerS,
      dedupSaving: 1 - p.uniqueBytes / p.referencedBytes,
      v2CpuMs,
      wholeCpuMs,
      v2Requests,
      wholeRequests: p.items.length,
    }
  } finally {
    desk.cleanup()
  }
}
