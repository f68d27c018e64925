/**
 * Sync intake benchmark: 10,000 approved items pushed to a local central server (SQLite in a temp
 * folder, in-process, 127.0.0.1 only) through the batch endpoint, then — into a fresh database —
 * one PUT per item with 8 requests in flight over keep-alive connections. Prints a table, then one
 * JSON line (the last line): {"items","items_per_s","per_item_items_per_s","ratio", and the
 * attachments row's "attachment_files","attachment_mb","attachment_mb_per_s",
 * "attachment_whole_mb_per_s","attachment_ratio","dedup_saving","attachment_requests",
 * "attachment_cpu_ratio"} (bench/sync-attachments.ts).
 */
import type { AddressInfo } from 'node:net'
import { openServerDatabase } from '../src/server/db/connect'
import { createDepartment } from '../src/server/departments/departments-service'
import { buildServer } from '../src/server/http/app'
import { makeTempDir } from '../test/helpers/temp-dir'
import { generateSyncEntries, type SyncEntry } from './lib/sync-payloads'
import { benchAttachments } from './sync-attachments'

const ITEMS = 10_000
const BATCH = 500
const CONCURRENCY = 8

/** A server on a fresh SQLite database with one department; the limiter is off for the run. */
async function startServer() {
  const temp = makeTempDir('dd-bench-sync-')
  const database = await openServerDatabase({ kind: 'sqlite', dataDir: temp.dir })
  const { token } = await createDepartment(
    database.db,
    { code: 'BENCH', name: '基准测试局' },
    new Date().toISOString(),
  )
  const app = await buildServer({
    db: database.db,
    logger: false,
    rateLimit: false,
    view: { openWithoutPassword: true },
  })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as AddressInfo
  return {
    base: `http://127.0.0.1:${port}/api/v1`,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    db: database.db,
    async stop() {
      await app.close()
      await database.close()
      temp.cleanup()
    },
  }
}

type Server = Awaited<ReturnType<typeof startServer>>

/** Pushes everything with the batch endpoint, one batch after another; returns elapsed ms. */
async function pushBatches(server: Server, entries: SyncEntry[]): Promise<number> {
  const t0 = performance.now()
  for (let i = 0; i < entries.length; i += BATCH) {
    const res = await fetch(`${server.base}/items/batch`, {
      method: 'POST',
      headers: server.headers,
      body: JSON.stringify({ items: entries.slice(i, i + BATCH) }),
    })
    const body = (await res.json()) as { results: { status: number }[] }
    if (res.status !== 200 || body.results.some((r) => r.status !== 201)) {
      throw new Error(`batch ${i / BATCH} failed: ${res.status}`)
    }
  }
  return performance.now() - t0
}

/** Pushes one PUT per item, CONCURRENCY in flight; returns elapsed ms. */
async function pushOneByOne(server: Server, entries: SyncEntry[]): Promise<number> {
  let next = 0
  const worker = async () => {
    while (next < entries.length) {
      const e = entries[next++] as SyncEntry
      const res = await fetch(`${server.base}/items/${e.id}`, {
        method: 'PUT',
        headers: server.headers,
        body: JSON.stringify({ revision: e.revision, contentHash: e.contentHash, item: e.item }),
      })
      await res.arrayBuffer()
      if (res.status !== 201) throw new Error(`PUT ${e.id} failed: ${res.status}`)
    }
  }
  const t0 = performance.now()
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  return performance.now() - t0
}

/** Rows stored, to show both runs really stored every item. */
async function storedCount(server: Server): Promise<number> {
  const row = await server.db
    .selectFrom('items')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

async function main(): Promise<void> {
  const entries = generateSyncEntries(20261126, ITEMS)
  const bytes = entries.reduce((n, e) => n + Buffer.byteLength(JSON.stringify(e), 'utf8'), 0)

  const batchServer = await startServer()
  await pushBatches(batchServer, generateSyncEntries(1, BATCH)) // warm-up: JIT, statement cache
  const batchMs = await pushBatches(batchServer, entries)
  const batchStored = (await storedCount(batchServer)) - BATCH
  await batchServer.stop()

  const singleServer = await startServer()
  await pushOneByOne(singleServer, generateSyncEntries(2, 200))
  const singleMs = await pushOneByOne(singleServer, entries)
  const singleStored = (await storedCount(singleServer)) - 200
  await singleServer.stop()

  const rate = (ms: number) => ITEMS / (ms / 1000)
  const mb = (ms: number) => bytes / 1e6 / (ms / 1000)
  console.log(
    `条目 ${ITEMS} 个，平均 ${(bytes / ITEMS / 1024).toFixed(2)} KB/条（JSON），后端 SQLite，127.0.0.1`,
  )
  console.log(
    `${'方式'.padEnd(28)} ${'耗时'.padStart(10)} ${'条/秒'.padStart(10)} ${'MB/s'.padStart(8)}  已存`,
  )
  const row = (name: string, ms: number, stored: number) =>
    console.log(
      `${name.padEnd(26)} ${ms.toFixed(0).padStart(9)}ms ${rate(ms).toFixed(0).padStart(10)} ${mb(ms).toFixed(1).padStart(8)}  ${stored}`,
    )
  row(`批量（每批 ${BATCH} 条）`, batchMs, batchStored)
  row(`逐条 PUT（并发 ${CONCURRENCY}）`, singleMs, singleStored)
  const ratio = rate(batchMs) / rate(singleMs)
  console.log(`批量 / 逐条 = ${ratio.toFixed(2)} 倍（目标：批量 ≥ 1000 条/秒，倍数 ≥ 5）`)

  // Attachments (protocol v2): content-addressed chunks with dedup vs each item's files whole.
  const a = await benchAttachments()
  console.log(
    `\n附件 ${a.files} 个（${a.items} 个条目），共 ${a.referencedMb.toFixed(0)} MB，` +
      `其中 30% 为多个条目共用的文件（去重后 ${a.uniqueMb.toFixed(0)} MB）`,
  )
  const arow = (name: string, ms: number, mbps: number) =>
    console.log(
      `${name.padEnd(26)} ${ms.toFixed(0).padStart(9)}ms ${mbps.toFixed(1).padStart(10)} MB/s（按条目所含附件计）`,
    )
  arow('v2 分块上传 + 去重', a.v2Ms, a.v2MbPerS)
  arow('每条目一次整文件上传', a.wholeMs, a.wholeMbPerS)
  console.log(
    `v2 / 整文件 = ${a.ratio.toFixed(2)} 倍；去重节省 ${(a.dedupSaving * 100).toFixed(1)}% 的上传量`,
  )
  console.log(
    `请求数 v2 ${a.v2Requests} 个 / 整文件 ${a.wholeRequests} 个；本进程 CPU 时间 v2 ${a.v2CpuMs.toFixed(0)} ms / ` +
      `整文件 ${a.wholeCpuMs.toFixed(0)} ms（整文件 / v2 = ${(a.wholeCpuMs / a.v2CpuMs).toFixed(2)} 倍）`,
  )
  console.log(
    JSON.stringify({
      items: ITEMS,
      items_per_s: Math.round(rate(batchMs)),
      per_item_items_per_s: Math.round(rate(singleMs)),
      ratio: Number(ratio.toFixed(2)),
      attachment_files: a.files,
      attachment_mb: Math.round(a.referencedMb),
      attachment_mb_per_s: Number(a.v2MbPerS.toFixed(1)),
      attachment_whole_mb_per_s: Number(a.wholeMbPerS.toFixed(1)),
      attachment_ratio: Number(a.ratio.toFixed(2)),
      dedup_saving: Number(a.dedupSaving.toFixed(3)),
      attachment_requests: a.v2Requests,
      attachment_cpu_ratio: Number((a.wholeCpuMs / a.v2CpuMs).toFixed(2)),
    }),
  )
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
