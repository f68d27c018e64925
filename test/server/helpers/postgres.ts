import { execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import pg from 'pg'

/**
 * A private PostgreSQL for the server tests: its own data dir in a temp folder, listening on
 * 127.0.0.1 on a free port only, started and stopped by the tests themselves. Nothing else on the
 * machine is touched. With TEST_DATABASE_URL set, that server is used instead.
 */
export interface TestPostgres {
  /** A URL of a database on the server from which others can be created (`postgres`). */
  adminUrl: string
  stop(): void
}

const INSTALL_HINT =
  '服务端测试需要 PostgreSQL 的 initdb 和 pg_ctl，但没有找到。请先安装：apt-get install -y postgresql'

/** The folder holding initdb and pg_ctl: PATH first, then Debian's /usr/lib/postgresql/<v>/bin. */
export function findPostgresBin(
  path = process.env.PATH ?? '',
  root = '/usr/lib/postgresql',
): string {
  for (const dir of path.split(delimiter)) {
    if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir
  }
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : []
  for (const v of versions) {
    const dir = join(root, v, 'bin')
    if (existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir
  }
  throw new Error(INSTALL_HINT)
}

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

/**
 * Runs a PostgreSQL binary. PostgreSQL refuses to run as root, so as root it runs as the
 * `postgres` OS user (which the Debian package creates) through runuser.
 */
function runPg(bin: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args]
  execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 })
}

function postgresIds(): { uid: number; gid: number } {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim())
    return { uid, gid }
  } catch {
    throw new Error(`以 root 运行测试需要系统用户 postgres。${INSTALL_HINT}`)
  }
}

/** initdb + pg_ctl start in a fresh temp folder; retries on a port taken in the meantime. */
export async function startPrivatePostgres(): Promise<TestPostgres> {
  const bin = findPostgresBin()
  const root = mkdtempSync(join(tmpdir(), 'dd-test-pg-'))
  if (process.getuid?.() === 0) {
    const { uid, gid } = postgresIds()
    chownSync(root, uid, gid)
  }
  const data = join(root, 'data')
  const log = join(root, 'postgres.log')
  try {
    runPg(join(bin, 'initdb'), [
      '-D',
      data,
      '-A',
      'trust',
      '-U',
      'postgres',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ])
  } catch (e) {
    rmSync(root, { recursive: true, force: true })
    throw new Error(`initdb 失败：${stderrOf(e)}`, { cause: e })
  }
  const stop = () => {
    try {
      runPg(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'])
    } catch {
      // already stopped
    }
    rmSync(root, { recursive: true, force: true })
    process.off('exit', stop)
  }
  // A crashed test run must not leave a postgres behind.
  process.on('exit', stop)
  for (let attempt = 1; ; attempt++) {
    const port = await freePort()
    // Durability is irrelevant for throw-away test data; these make the suite faster.
    const settings = [
      `-p ${port}`,
      '-c listen_addresses=127.0.0.1',
      `-c unix_socket_directories=${root}`,
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
    ].join(' ')
    try {
      runPg(join(bin, 'pg_ctl'), ['-D', data, '-l', log, '-w', '-t', '30', '-o', settings, 'start'])
      return { adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`, stop }
    } catch (e) {
      if (attempt >= 3) {
        const tail = existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : stderrOf(e)
        stop()
        throw new Error(`PostgreSQL 启动失败：${tail}`, { cause: e })
      }
    }
  }
}

function stderrOf(e: unknown): string {
  const stderr = (e as { stderr?: Buffer }).stderr
  return stderr?.toString() || (e instanceof Error ? e.message : String(e))
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
