import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import type { Clock } from '../../../src/core/clock'
import type { DB } from '../../../src/core/db/schema'
import { assignIndexNumber } from '../../../src/core/items/index-number'
import { enqueueSync } from '../../../src/core/sync/outbox'
import type { Timers } from '../../../src/core/sync/worker'
import { openServerDatabase, type ServerDatabase } from '../../../src/server/db/connect'
import type { ServerDB } from '../../../src/server/db/schema'
import { createDepartment } from '../../../src/server/departments/departments-service'
import { buildServer } from '../../../src/server/http/app'
import type { UploadLimits } from '../../../src/server/uploads/uploads-service'
import { makeTempDir } from '../../helpers/temp-dir'

/**
 * Stands in for the review workflow's final approval where a test needs many approved items
 * quickly: in ONE transaction, as core/review does — 已通过 binding the current content hash,
 * the 索引号, and the outbox entry.
 */
export async function approveDirect(
  db: Kysely<DB>,
  itemId: string,
  clock: Clock,
  approvedBy = '李审核',
): Promise<{ revision: number; contentHash: string }> {
  return db.transaction().execute(async (trx) => {
    const item = await trx
      .selectFrom('items')
      .select(['revision', 'content_hash'])
      .where('id', '=', itemId)
      .executeTakeFirstOrThrow()
    await trx
      .updateTable('items')
      .set({ status: 'approved', approved_content_hash: item.content_hash })
      .where('id', '=', itemId)
      .execute()
    await assignIndexNumber(trx, itemId, clock)
    await enqueueSync(
      trx,
      {
        entity: 'item',
        entityId: itemId,
        op: 'upsert',
        revision: item.revision,
        contentHash: `sha256:${item.content_hash}`,
        detail: { approvedAt: clock().toISOString(), approvedBy },
      },
      clock,
    )
    return { revision: item.revision, contentHash: `sha256:${item.content_hash}` }
  })
}

/** Timers the test fires by hand (the worker's `timers` option). */
export class ManualTimers implements Timers {
  private next = 1
  readonly queue = new Map<number, { fn: () => void; ms: number }>()

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++
    this.queue.set(id, { fn, ms })
    return id
  }

  clearTimeout(handle: unknown): void {
    this.queue.delete(handle as number)
  }

  /** Delays of the timers waiting now. */
  delays(): number[] {
    return [...this.queue.values()].map((t) => t.ms)
  }

  /** Fires every waiting timer once (not those they schedule). */
  fire(): void {
    const due = [...this.queue.entries()]
    this.queue.clear()
    for (const [, t] of due) t.fn()
  }
}

/** A real central server (src/server) on 127.0.0.1 with SQLite in a temp folder. */
export interface TestServer {
  url: string
  port: number
  dataDir: string
  db: () => Kysely<ServerDB>
  /** Creates a department and returns its token. */
  department(code: string): Promise<string>
  /** Stops listening and closes the database (the data folder stays). */
  stop(): Promise<void>
  /** Starts again on the same folder and port. */
  start(): Promise<void>
  running(): boolean
  destroy(): Promise<void>
}

/** Starts the server in-process (no rate limit, silent), optionally on a given port. */
export async function startTestServer(
  options: { port?: number; clock?: () => Date; uploads?: Partial<UploadLimits> } = {},
): Promise<TestServer> {
  const temp = makeTempDir('dd-sync-server-')
  let database: ServerDatabase | null = null
  let app: FastifyInstance | null = null
  let port = options.port ?? 0
  const start = async () => {
    database = await openServerDatabase({ kind: 'sqlite', dataDir: temp.dir })
    app = await buildServer({
      db: database.db,
      logger: false,
      rateLimit: false,
      view: { openWithoutPassword: true },
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.uploads ? { uploads: options.uploads } : {}),
    })
    await app.listen({ host: '127.0.0.1', port })
    port = (app.server.address() as AddressInfo).port
  }
  const stop = async () => {
    const a = app
    const d = database
    app = null
    database = null
    if (a) {
      a.server.closeAllConnections()
      await a.close()
    }
    if (d) await d.close()
  }
  await start()
  const server: TestServer = {
    get url() {
      return `http://127.0.0.1:${port}`
    },
    get port() {
      return port
    },
    dataDir: temp.dir,
    db: () => {
      if (!database) throw new Error('server is stopped')
      return database.db
    },
    department: async (code) =>
      (await createDepartment(server.db(), { code, name: `${code}局` }, new Date().toISOString()))
        .token,
    stop,
    start,
    running: () => app !== null,
    destroy: async () => {
      await stop()
      temp.cleanup()
    },
  }
  return server
}

/** GET /api/v1/items/{id} with the department token: the server's view of one item, or null. */
export async function serverItem(
  server: { url: string },
  token: string,
  id: string,
): Promise<{
  revision: number
  contentHash: string
  status: string
  item: Record<string, unknown>
  publishedUrl: string | null
} | null> {
  const res = await fetch(`${server.url}/api/v1/items/${id}`, {
    headers: { authorization: `Bearer ${token}` },
  })
  if (res.status === 404) return null
  if (!res.ok) throw new Error(`GET item ${id}: ${res.status} ${await res.text()}`)
  return (await res.json()) as never
}
