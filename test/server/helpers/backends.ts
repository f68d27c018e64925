import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, afterEach, beforeAll, inject } from 'vitest'
import {
  openServerDatabase,
  type DatabaseTarget,
  type ServerDatabase,
} from '../../../src/server/db/connect'
import type { BackendKind } from '../../../src/server/db/dialect'
import { makeTempDir } from '../../helpers/temp-dir'
import { adminQuery, databaseUrl, startPrivatePostgres, type TestPostgres } from './postgres'

/** Every server suite runs once per backend. */
export const BACKENDS: readonly BackendKind[] = ['sqlite', 'postgres']

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set by test/server/global-setup.ts when the vitest config uses it (one PG per run). */
    serverTestPgAdminUrl?: string
  }
}

/** A backend for one test file; `fresh()` gives each test an empty, migrated database. */
export interface TestBackend {
  kind: BackendKind
  /** An empty, migrated database, closed automatically after the test. */
  fresh(): Promise<ServerDatabase>
  /** Another connection pool to the database of the last `fresh()` (a second server instance). */
  another(): Promise<ServerDatabase>
  /** Where the last `fresh()` database lives (for the admin CLI). */
  target(): DatabaseTarget
}

let shared: { server: Promise<TestPostgres>; users: number } | null = null

/**
 * The PostgreSQL server of this test file: TEST_DATABASE_URL, the global setup's, or a private one
 * started on first use and shared by every suite in the file (released by the last one).
 */
function acquirePgServer(): Promise<TestPostgres> {
  if (!shared) {
    const given = process.env.TEST_DATABASE_URL || inject('serverTestPgAdminUrl')
    shared = {
      server: given
        ? Promise.resolve({ adminUrl: given, stop: async () => {} })
        : startPrivatePostgres(),
      users: 0,
    }
  }
  shared.users++
  return shared.server
}

async function releasePgServer(): Promise<void> {
  if (!shared || --shared.users > 0) return
  const { server } = shared
  shared = null
  await (await server).stop()
}

/**
 * Registers the hooks for `kind` in the calling test file. PostgreSQL: one private server and one
 * fresh database per file (dropped at the end), emptied before each test; SQLite: a new temp
 * folder per test.
 */
export function useBackend(kind: BackendKind): TestBackend {
  const open: ServerDatabase[] = []
  const cleanups: (() => void)[] = []
  let server: TestPostgres | null = null
  let fileDbUrl = ''
  let current: DatabaseTarget | null = null

  if (kind === 'postgres') {
    const name = `dd_test_${randomBytes(6).toString('hex')}`
    beforeAll(async () => {
      server = await acquirePgServer()
      try {
        await adminQuery(server.adminUrl, `CREATE DATABASE ${name}`)
      } catch (e) {
        throw new Error(`无法创建测试数据库（需要 CREATEDB 权限）：${(e as Error).message}`, {
          cause: e,
        })
      }
      fileDbUrl = databaseUrl(server.adminUrl, name)
    }, 60_000)
    afterAll(async () => {
      if (!server) return
      await adminQuery(server.adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await releasePgServer()
    }, 60_000)
  }

  afterEach(async () => {
    for (const d of open.splice(0)) await d.close()
    for (const c of cleanups.splice(0)) c()
  })

  const track = (d: ServerDatabase) => {
    open.push(d)
    return d
  }

  return {
    kind,
    async fresh() {
      if (kind === 'sqlite') {
        const { dir, cleanup } = makeTempDir('dd-server-test-')
        cleanups.push(cleanup)
        current = { kind: 'sqlite', dataDir: dir }
        return track(await openServerDatabase(current))
      }
      current = { kind: 'postgres', url: fileDbUrl }
      const database = track(await openServerDatabase(current, { poolSize: 25 }))
      await sql`TRUNCATE changes, item_revisions, items, departments, rate_limit_counters RESTART IDENTITY CASCADE`.execute(
        database.db,
      )
      return database
    },
    async another() {
      if (!current) throw new Error('call fresh() first')
      return track(await openServerDatabase(current, { poolSize: 25 }))
    },
    target() {
      if (!current) throw new Error('call fresh() first')
      return current
    },
  }
}
