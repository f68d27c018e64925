import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../../src/core/db/database'
import { MIGRATIONS } from '../../../src/core/db/migrations'
import { makeTempDir } from '../../helpers/temp-dir'

/**
 * Issue 8 point 2: a migration interrupted by a kill must never leave the store unopenable. A
 * child process opens a fresh and an old-version database and is SIGKILLed just before each
 * SQLite statement it runs in turn — every statement of every migration and of the migrator's
 * bookkeeping; after every kill the database opens, migrates to the latest and keeps its rows.
 */

const VERSION = '0.1.0'
const NAMES = Object.keys(MIGRATIONS).sort()
let temp: ReturnType<typeof makeTempDir>
let child: string

beforeAll(async () => {
  temp = makeTempDir()
  // Bundled once, so each of the many child processes starts in well under a second.
  const outDir = resolve('test-results', 'migration-kill')
  mkdirSync(outDir, { recursive: true })
  child = join(outDir, `child-${process.pid}.mjs`)
  await build({
    entryPoints: [resolve('test/core/db/fixtures/migrate-child.ts')],
    outfile: child,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    // Only the native module stays outside; the rest (JSON data of packages too) is bundled.
    external: ['better-sqlite3'],
    logLevel: 'silent',
  })
}, 60_000)
afterAll(() => {
  temp.cleanup()
  rmSync(child, { force: true })
})

/** Runs the child on `path`; resolves to how it ended. */
function runChild(
  path: string,
  killAt: number,
): Promise<{ signal: NodeJS.Signals | null; code: number | null; out: string }> {
  return new Promise((done, fail) => {
    const p = spawn(process.execPath, [child, path, String(killAt)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    p.stdout.on('data', (d: Buffer) => (out += d.toString()))
    p.stderr.on('data', (d: Buffer) => (err += d.toString()))
    p.on('error', fail)
    p.on('close', (code, signal) => {
      if (signal === null && code !== 0) fail(new Error(`child failed (${code}): ${err}`))
      else done({ signal, code, out })
    })
  })
}

/** Runs `jobs` two at a time (the machine is shared). */
async function pool<T>(jobs: (() => Promise<T>)[], width = 2): Promise<T[]> {
  const results: T[] = []
  let next = 0
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < jobs.length) {
        const i = next++
        results[i] = await (jobs[i] as () => Promise<T>)()
      }
    }),
  )
  return results
}

/** An old-version database: migrated to the first migration only, with a department and a user. */
async function oldFixture(path: string): Promise<void> {
  const old = await openDatabase(path, { appVersion: '0.0.9', migrateTo: NAMES[0] })
  old.sqlite.exec(`
    INSERT INTO department (id, name, org_code, created_at, updated_at)
      VALUES (1, '旧单位', '113301000020000011', 'x', 'x');
    INSERT INTO users (id, username, display_name, password_hash, active, created_at, updated_at)
      VALUES ('u1', 'old', '老用户', 'scrypt$x', 1, 'x', 'x');
    INSERT INTO user_roles (user_id, role) VALUES ('u1', 'officer');`)
  await closeDatabase(old)
}

/** Kills a migration of a copy of `template` (or a fresh file) at every statement, then reopens. */
async function killEverywhere(template: string | null, label: string): Promise<number> {
  const probe = join(temp.dir, `${label}-probe.sqlite`)
  if (template) copyFileSync(template, probe)
  const clean = await runChild(probe, 0)
  const total = (JSON.parse(clean.out) as { statements: number }).statements
  expect(total).toBeGreaterThan(NAMES.length)

  const failures = await pool(
    Array.from({ length: total }, (_, i) => async () => {
      const killAt = i + 1
      const path = join(temp.dir, `${label}-${killAt}.sqlite`)
      if (template) copyFileSync(template, path)
      const run = await runChild(path, killAt)
      if (run.signal !== 'SIGKILL') return `statement ${killAt}: not killed`
      try {
        const store = await openDatabase(path, { appVersion: VERSION })
        const applied = (
          store.sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as {
            name: string
          }[]
        ).map((r) => r.name)
        const users = store.sqlite.prepare('SELECT username FROM users').all()
        const appId = store.sqlite.prepare("SELECT value FROM meta WHERE key = 'app_id'").get()
        await closeDatabase(store)
        if (applied.join() !== NAMES.join()) return `statement ${killAt}: migrations ${applied}`
        if (template && JSON.stringify(users) !== JSON.stringify([{ username: 'old' }])) {
          return `statement ${killAt}: users ${JSON.stringify(users)}`
        }
        if (!appId) return `statement ${killAt}: no app_id`
        return null
      } catch (e) {
        return `statement ${killAt}: ${(e as Error).message}`
      }
    }),
  )
  expect(failures.filter((f) => f !== null)).toEqual([])
  return total
}

describe('a migration killed at any statement never bricks the store (issue 8 point 2)', () => {
  it('a fresh database, killed before each statement, reopens and migrates to the latest', async () => {
    await killEverywhere(null, 'fresh')
  }, 120_000)

  it('an old-version database, killed before each statement, reopens with its rows', async () => {
    const template = join(temp.dir, 'old-template.sqlite')
    await oldFixture(template)
    expect(existsSync(template)).toBe(true)
    await killEverywhere(template, 'old')
  }, 120_000)
})
