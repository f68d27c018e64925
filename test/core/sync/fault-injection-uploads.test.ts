/**
 * Fault injection for attachment uploads (protocol v2, issue 15), beside fault-injection.test.ts:
 * a real central server (SQLite, in-process, 4 KB chunks so a small file has many) behind the
 * fault proxy, which drops connections before and after the server committed, cuts a chunk's
 * body halfway (a drop mid-chunk), duplicates requests, answers 500/502/429 itself and kills the
 * server during or after a request (restarted on the same folder: a restart between chunks).
 * Each seeded schedule attaches files to items — some shared between items, one shared with
 * every other department — approves, edits and re-approves, restarts the desk, and runs sync.
 * Then every file an approved item names must be on the server byte-identical, stored once
 * (one verified file per SHA-256, one chunk row per chunk, no session over its chunk count),
 * and every item complete (no 附件未到齐). About a third of the schedules begin against a protocol
 * v1 server (no blob endpoints) upgraded halfway: the files of items it received go up afterwards
 * (补传附件, core/sync/backfill.ts) under the same faults.
 *
 * Reproduce one schedule: SYNC_UPLOAD_SEED=<seed> SYNC_UPLOAD_SCHEDULES=1 npx vitest run <this file>
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { addAttachment } from '../../../src/core/attachments/attachments-service'
import { saveItem } from '../../../src/core/items/save-item'
import { seededRandom } from '../../../src/core/sync/backoff'
import type { FetchLike } from '../../../src/core/sync/http-client'
import { attachmentProgress, readBlob } from '../../../src/server/uploads/uploads-service'
import { makeTempDir } from '../../helpers/temp-dir'
import {
  faultFields as fields,
  runSeededSchedules,
  startFaultHarness,
  type FaultHarness,
} from './fault-harness'
import type { Fault } from './fault-proxy'
import { approveDirect } from './helpers'
import { pdfBytes, sha } from './upload-helpers'

const SCHEDULES = Number(process.env['SYNC_UPLOAD_SCHEDULES'] ?? 300)
const FIRST_SEED = Number(process.env['SYNC_UPLOAD_SEED'] ?? 20_261_201)
const CHUNK = 4096

const GENTLE: Fault[] = [
  'drop-before',
  'drop-after',
  'cut-body',
  'delay',
  '500',
  '502',
  '429',
  'duplicate',
]
const WITH_KILLS: Fault[] = [...GENTLE, 'kill-during', 'kill-after']

let h: FaultHarness
let sources: ReturnType<typeof makeTempDir>
const stats = { files: 0, bytes: 0, v1Schedules: 0 }

beforeAll(async () => {
  h = await startFaultHarness({ uploads: { chunkBytes: CHUNK } })
  sources = makeTempDir('dd-upload-fault-files-')
}, 60_000)

afterAll(async () => {
  await h?.close()
  sources?.cleanup()
})

/** One file every department attaches (a district template): uploaded once in the whole run. */
const COMMON = pdfBytes(3 * CHUNK + 5, 1)

async function runSchedule(seed: number, trace: string[]): Promise<void> {
  const rng = seededRandom(seed)
  const chance = (p: number) => rng() < p
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!
  const faultRate = 0.15 + rng() * 0.4
  const palette = chance(0.3) ? WITH_KILLS : GENTLE
  let faultsOn = true
  h.setFaults(
    () => (faultsOn && rng() < faultRate ? pick(palette) : 'pass'),
    () => 1 + Math.floor(rng() * 20),
  )
  const { server, officer } = h
  // Some schedules begin against a protocol v1 server (no blob endpoints: the items arrive
  // without their files) that is upgraded halfway: 补传附件 must then bring every file, through
  // the same faults. Its own RNG, so the other choices of each seed stay as they were.
  const v1rng = seededRandom(seed ^ 0xb1f1)
  let v1 = v1rng() < 0.3
  if (v1) stats.v1Schedules++
  const v1Fetch: FetchLike = (input, init) =>
    v1 && /\/api\/v1\/blobs/.test(input)
      ? Promise.resolve(
          new Response(
            JSON.stringify({ error: { code: 'NOT_FOUND', message: 'Route not found' } }),
            { status: 404, headers: { 'content-type': 'application/json' } },
          ),
        )
      : fetch(input, init)
  const desk = await h.desk(
    `U${seed}`,
    () => ({
      random: seededRandom(seed ^ 0x5eed),
      requestTimeoutMs: 5_000,
      batchSize: 1 + Math.floor(rng() * 3),
      extensions: [],
      fetch: v1Fetch,
    }),
    { uploads: true },
  )
  const department = { id: desk.departmentId }
  const { clock, events } = desk

  // The schedule's files: some shared between its items, plus the district-wide COMMON one.
  const poolDir = join(sources.dir, String(seed))
  mkdirSync(poolDir)
  const pool = Array.from({ length: 2 + Math.floor(rng() * 3) }, (_, i) => {
    const bytes = pdfBytes(Math.floor(rng() * 7 * CHUNK), seed * 10 + i)
    const path = join(poolDir, `附件${i}.pdf`)
    writeFileSync(path, bytes)
    return { path, bytes }
  })
  const commonPath = join(poolDir, '区级模板.pdf')
  writeFileSync(commonPath, COMMON)
  pool.push({ path: commonPath, bytes: COMMON })

  const approved = new Map<string, Set<string>>()
  const items: string[] = []
  const attach = async (id: string, confirm: boolean) => {
    const f = pick(pool)
    try {
      await addAttachment(
        desk.store.db,
        desk.dir,
        officer,
        id,
        f.path,
        clock.clock,
        () => crypto.randomUUID(),
        events,
        confirm,
      )
      trace.push(`attach ${items.indexOf(id)} ${sha(f.bytes).slice(0, 6)}`)
    } catch (e) {
      // The same file twice on one item is refused by the desk; anything else is a failure.
      if (!/已(有|添加|存在)|重复/.test((e as Error).message)) throw e
    }
  }
  const approve = async (id: string) => {
    await approveDirect(desk.store.db, id, clock.clock)
    const current = await desk.store.db
      .selectFrom('items')
      .select('revision')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    const snapshot = await desk.store.db
      .selectFrom('item_revisions')
      .select('snapshot_json')
      .where('item_id', '=', id)
      .where('revision', '=', current.revision)
      .executeTakeFirstOrThrow()
    const files = (JSON.parse(snapshot.snapshot_json) as { attachments: { sha256: string }[] })
      .attachments
    approved.set(id, new Set(files.map((a) => a.sha256)))
    trace.push(`approve ${items.indexOf(id)}`)
  }
  const run = async (force: boolean) => {
    if (!server.running() && chance(0.6)) await server.start()
    const result = await desk.worker.runOnce(force)
    trace.push(`run${force ? '!' : ''} → ${result.kind}`)
  }

  const steps = 6 + Math.floor(rng() * 10)
  const upgradeAt = Math.floor(v1rng() * steps)
  for (let s = 0; s < steps; s++) {
    if (v1 && s === upgradeAt) {
      v1 = false
      trace.push('server upgraded to v2')
    }
    const roll = rng()
    if (items.length < 4 && (roll < 0.35 || items.length === 0)) {
      const id = await saveItem(
        desk.store.db,
        officer,
        fields(`条目${items.length}`, '初稿'),
        'save',
        clock.clock,
        () => crypto.randomUUID(),
        events,
      )
      items.push(id)
      trace.push(`create ${items.length - 1}`)
      const n = 1 + Math.floor(rng() * 3)
      for (let k = 0; k < n; k++) await attach(id, false)
      await approve(id)
    } else if (roll < 0.45 && items.length > 0) {
      // A 修订稿 adding a file, approved again: the new revision's files must arrive too.
      const id = pick(items)
      await attach(id, true)
      await approve(id)
    } else if (roll < 0.5) {
      trace.push('restart server')
      await server.stop()
      await server.start()
    } else if (roll < 0.55) {
      trace.push('restart desk')
      await desk.restart()
    } else {
      clock.advanceMinutes(Math.floor(rng() * 40))
      await run(chance(0.3))
    }
  }

  v1 = false
  let converged = false
  for (let i = 0; i < 40 && !converged; i++) {
    if (i === 30) faultsOn = false
    if (i >= 30 && !server.running()) await server.start()
    clock.advanceMinutes(61)
    if (!server.running() && chance(0.6)) await server.start()
    const result = await desk.worker.runOnce(true)
    trace.push(`settle → ${result.kind}`)
    const pending = await desk.store.db
      .selectFrom('sync_outbox')
      .select('seq')
      .where('state', '=', 'pending')
      .execute()
    // Drained, and every item complete on the server: an item sent under v1 waits for 补传.
    const progress =
      server.running() && approved.size > 0
        ? await attachmentProgress(server.db(), [...approved.keys()])
        : new Map<string, { missing: number }>()
    converged =
      result.kind === 'done' &&
      pending.length === 0 &&
      server.running() &&
      [...progress.values()].every((p) => p.missing === 0)
  }
  faultsOn = false
  expect(converged, 'outbox drained, every item complete').toBe(true)
  if (!server.running()) await server.start()
  const db = server.db()

  // Every file an approved item names: on the server, byte-identical, once.
  const named = new Set([...approved.values()].flatMap((s) => [...s]))
  for (const hash of named) {
    const bytes = pool.find((f) => sha(f.bytes) === hash)!.bytes
    const chunks = await readBlob(db, hash)
    expect(chunks, `file ${hash.slice(0, 8)} on the server`).not.toBeNull()
    const parts: Buffer[] = []
    for await (const c of chunks!) parts.push(c)
    expect(Buffer.concat(parts).equals(bytes), `file ${hash.slice(0, 8)} byte-identical`).toBe(true)
    stats.files++
    stats.bytes += bytes.length
  }
  const blobs = await db
    .selectFrom('upload_blobs')
    .select('sha256')
    .where('sha256', 'in', [...named])
    .execute()
  expect(blobs).toHaveLength(named.size)
  // This department's uploads: each session exactly its chunk count, none stored twice.
  const sessions = await db
    .selectFrom('upload_sessions')
    .select(['sha256', 'chunk_count', 'completed_at'])
    .where('department_id', '=', department.id)
    .execute()
  for (const s of sessions) {
    const n = await db
      .selectFrom('upload_chunks')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('department_id', '=', department.id)
      .where('sha256', '=', s.sha256)
      .executeTakeFirstOrThrow()
    if (s.completed_at !== null) expect(Number(n.n)).toBe(s.chunk_count)
    else expect(Number(n.n)).toBeLessThanOrEqual(s.chunk_count)
  }
  // COMMON was uploaded by one department in the whole run: others found it on the server.
  const commonSessions = await db
    .selectFrom('upload_sessions')
    .select('department_id')
    .where('sha256', '=', sha(COMMON))
    .where('completed_at', 'is not', null)
    .execute()
  if (named.has(sha(COMMON))) expect(commonSessions.length).toBe(1)
  // Every item complete on the server (nothing 附件未到齐).
  const progress = await attachmentProgress(db, [...approved.keys()])
  for (const [id, p] of progress) expect(p.missing, `item ${items.indexOf(id)} complete`).toBe(0)

  await desk.close()
}

it(`every file arrives byte-identical, exactly once, under ${SCHEDULES} seeded fault schedules (first seed ${FIRST_SEED})`, async () => {
  const started = Date.now()
  await runSeededSchedules(
    h,
    {
      label: 'upload fault schedule',
      envPrefix: 'SYNC_UPLOAD',
      count: SCHEDULES,
      firstSeed: FIRST_SEED,
    },
    runSchedule,
  )
  // One department uploaded the shared template; every later one was told the district has it:
  // exactly one completed upload of it in the district, across all departments.
  const common = await h.server
    .db()
    .selectFrom('upload_sessions')
    .select('department_id')
    .where('sha256', '=', sha(COMMON))
    .where('completed_at', 'is not', null)
    .execute()
  expect(common).toHaveLength(1)
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  console.log(
    `upload fault injection: ${SCHEDULES} schedules in ${seconds} s; ${h.stats.requests} requests ` +
      `(${h.stats.chunkPuts} chunk PUTs); ${stats.files} files, ${(stats.bytes / 1024 / 1024).toFixed(1)} MB verified; ` +
      `faults ${JSON.stringify(h.stats.faults)}; server killed ${h.stats.kills}×; ${stats.v1Schedules} began on a v1 server (补传); template uploaded by ${common.length} department(s)`,
  )
}, 600_000)
