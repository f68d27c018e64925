/**
 * The set-up both fault-injection suites share (fault-injection.test.ts for items,
 * fault-injection-uploads.test.ts for attachments): a real central server (SQLite, in-process)
 * behind the fault proxy, a template desk database with the officer, and per seeded schedule a
 * fresh department and a desk copied from the template whose worker talks to the proxy. Each suite
 * keeps its own schedule and its own end-state checks.
 */
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Actor } from '../../../src/core/accounts/actor'
import { DB_FILE_NAME } from '../../../src/core/backup/backup-files'
import { closeDatabase, openDatabase, type Store } from '../../../src/core/db/database'
import { createEventBus, type EventBus } from '../../../src/core/events/bus'
import { registerListeners } from '../../../src/core/events/listeners'
import type { SaveItemInput } from '../../../src/core/items/save-item'
import { silentLogger } from '../../../src/core/logger'
import type { SecretStore } from '../../../src/core/platform'
import { SYNC_TOKEN_KEY } from '../../../src/core/sync/sync-config'
import { SYNC_KEYS, writeSyncValue } from '../../../src/core/sync/state-store'
import { SyncWorker, type SyncWorkerOptions } from '../../../src/core/sync/worker'
import type { UploadLimits } from '../../../src/server/uploads/uploads-service'
import { makeTempDir } from '../../helpers/temp-dir'
import { createTestClock } from '../../helpers/test-clock'
import { createTestCore } from '../../helpers/test-core'
import { OFFICER } from '../items/helpers'
import { startFaultProxy, type Fault, type FaultProxy } from './fault-proxy'
import { startTestServer, type TestServer } from './helpers'

export interface FaultStats {
  requests: number
  chunkPuts: number
  faults: Record<string, number>
  /** Times the proxy killed the server. */
  kills: number
}

export interface FaultHarness {
  server: TestServer
  proxy: FaultProxy
  /** The officer of the template desk (every schedule's desk has them). */
  officer: Actor
  stats: FaultStats
  /** The current schedule's faults: asked for every request / every delay. */
  setFaults(choose: () => Fault, delayMs: () => number): void
  /** A fresh department on the server and a desk (copy of the template) syncing through the proxy. */
  desk(
    code: string,
    /** Called for every worker the desk makes (at the start and after each restart). */
    worker: () => SyncWorkerOptions,
    options?: { uploads?: boolean },
  ): Promise<FaultDesk>
  close(): Promise<void>
}

export interface FaultDesk {
  departmentId: string
  /** The desk's data folder (its blob store when uploads are on). */
  dir: string
  dbPath: string
  /** The desk's database now (a restart reopens it). */
  readonly store: Store
  readonly worker: SyncWorker
  clock: ReturnType<typeof createTestClock>
  events: EventBus
  /** The desk quits and starts again on the same files: a new connection and a new worker. */
  restart(): Promise<void>
  close(): Promise<void>
}

/** The item fields every schedule saves (only title and body vary). */
export const faultFields = (title: string, body: string): SaveItemInput => ({
  kind: 'notice',
  title,
  bodyHtml: `<p>${body}</p>`,
  issuer: '淄博高新区管委会办公室',
  docNumber: '淄高新管办字〔2026〕1号',
  signedDate: '2026-11-20',
  plannedPublishDate: null,
  topicId: null,
  genreId: null,
  catalogueEntryId: null,
})

/** Starts the server, the proxy and the template desk (call in beforeAll). */
export async function startFaultHarness(
  options: { uploads?: Partial<UploadLimits> } = {},
): Promise<FaultHarness> {
  const server = await startTestServer(options.uploads ? { uploads: options.uploads } : {})
  let choose: () => Fault = () => 'pass'
  let delay: () => number = () => 5
  const stats: FaultStats = { requests: 0, chunkPuts: 0, faults: {}, kills: 0 }
  const proxy = await startFaultProxy({
    target: () => server.port,
    choose: (_method, path) => {
      const fault = choose()
      stats.requests++
      if (/\/chunks\//.test(path)) stats.chunkPuts++
      stats.faults[fault] = (stats.faults[fault] ?? 0) + 1
      return fault
    },
    delayMs: () => delay(),
    kill: async () => {
      if (server.running()) {
        stats.kills++
        await server.stop()
      }
    },
  })
  // One initialised desk database with an officer, copied for each schedule.
  const template = makeTempDir('dd-fault-template-')
  const t = await createTestCore({ dataDir: template.dir, sync: { autoStart: false } })
  const created = await t.call('users:create', { ...OFFICER, roles: ['officer'] })
  const officer: Actor = {
    id: created.id,
    username: created.username,
    displayName: created.displayName,
    roles: ['officer'],
  }
  await t.core.close()

  return {
    server,
    proxy,
    officer,
    stats,
    setFaults(c, d) {
      choose = c
      delay = d
    },
    async desk(code, workerOptions, deskOptions = {}) {
      if (!server.running()) await server.start()
      const token = await server.department(code)
      const department = await server
        .db()
        .selectFrom('departments')
        .select('id')
        .where('code', '=', code)
        .executeTakeFirstOrThrow()
      const dir = makeTempDir('dd-fault-')
      const dbPath = join(dir.dir, DB_FILE_NAME)
      copyFileSync(join(template.dir, DB_FILE_NAME), dbPath)
      let store = await openDatabase(dbPath, { appVersion: '0.1.0' })
      const clock = createTestClock()
      const events = registerListeners(createEventBus())
      const secretValues = new Map([[SYNC_TOKEN_KEY, token]])
      const secrets: SecretStore = {
        get: async (k) => secretValues.get(k) ?? null,
        set: async (k, v) => void secretValues.set(k, v),
        delete: async (k) => void secretValues.delete(k),
      }
      await writeSyncValue(store.db, SYNC_KEYS.serverUrl, proxy.url, clock.clock().toISOString())
      const makeWorker = () =>
        new SyncWorker(
          {
            getDb: () => store.db,
            secrets,
            clock: clock.clock,
            logger: silentLogger,
            ...(deskOptions.uploads ? { dataDir: dir.dir } : {}),
          },
          workerOptions(),
        )
      let worker = makeWorker()
      return {
        departmentId: department.id,
        dir: dir.dir,
        dbPath,
        get store() {
          return store
        },
        get worker() {
          return worker
        },
        clock,
        events,
        async restart() {
          await worker.stop()
          await closeDatabase(store)
          store = await openDatabase(dbPath, { appVersion: '0.1.0' })
          worker = makeWorker()
        },
        async close() {
          await worker.stop()
          await closeDatabase(store)
          dir.cleanup()
        },
      }
    },
    async close() {
      await proxy.close()
      await server.destroy()
      template.cleanup()
    },
  }
}

/**
 * Runs `count` seeded schedules from `firstSeed`; a failure names its seed, how to rerun it
 * (`<envPrefix>_SEED=<seed> <envPrefix>_SCHEDULES=1`), its steps and the proxy's log.
 */
export async function runSeededSchedules(
  h: FaultHarness,
  options: { label: string; envPrefix: string; count: number; firstSeed: number },
  schedule: (seed: number, trace: string[]) => Promise<void>,
): Promise<void> {
  for (let k = 0; k < options.count; k++) {
    const seed = options.firstSeed + k
    const trace: string[] = []
    const logStart = h.proxy.log.length
    try {
      await schedule(seed, trace)
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e)
      throw new Error(
        `${options.label} failed — seed ${seed} (rerun: ${options.envPrefix}_SEED=${seed} ${options.envPrefix}_SCHEDULES=1)\n` +
          `${message}\nsteps: ${trace.join(' | ')}\nproxy: ${h.proxy.log.slice(logStart).join(' | ')}`,
        { cause: e },
      )
    }
  }
}
