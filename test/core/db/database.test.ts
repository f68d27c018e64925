import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../../src/core/db/database'
import { MIGRATIONS } from '../../../src/core/db/migrations'
import { AppError } from '../../../src/core/errors'
import { hashFile } from '../../helpers/db-dump'
import { makeTempDir } from '../../helpers/temp-dir'

const VERSION = '0.1.0'
const FIRST_MIGRATION = Object.keys(MIGRATIONS).sort()[0] as string

let temp: ReturnType<typeof makeTempDir>
beforeEach(() => {
  temp = makeTempDir()
})
afterEach(() => temp.cleanup())

/** The names of the user tables in a database file. */
function tableNames(path: string): string[] {
  const sqlite = new Database(path, { readonly: true })
  const names = (
    sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string
    }[]
  ).map((r) => r.name)
  sqlite.close()
  return names
}

/** Awaits `promise` and returns the AppError it rejects with. */
async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise
  } catch (e) {
    expect(e).toBeInstanceOf(AppError)
    return e as AppError
  }
  throw new Error('expected a rejection')
}

describe('openDatabase', () => {
  it('migrates an empty database up to the latest schema with WAL and foreign keys on', async () => {
    const path = join(temp.dir, 'sub', 'new.sqlite')
    const store = await openDatabase(path, { appVersion: VERSION })
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(store.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000)
    const applied = await store.db
      .selectFrom('meta')
      .select(['key', 'value'])
      .orderBy('key')
      .execute()
    expect(Object.fromEntries(applied.map((r) => [r.key, r.value]))).toMatchObject({
      app_id: 'disclosure-desk',
      app_version: VERSION,
      created_by_version: VERSION,
    })
    await closeDatabase(store)
    expect(tableNames(path)).toEqual(
      expect.arrayContaining([
        'audit_log',
        'department',
        'kysely_migration',
        'meta',
        'settings',
        'user_roles',
        'users',
      ]),
    )
  })

  it('opens an existing database a second time without re-running migrations', async () => {
    const path = join(temp.dir, 'db.sqlite')
    await closeDatabase(await openDatabase(path, { appVersion: VERSION }))
    const store = await openDatabase(path, { appVersion: '0.1.1' })
    const rows = await store.db.selectFrom('meta').selectAll().execute()
    const meta = Object.fromEntries(rows.map((r) => [r.key, r.value]))
    expect(meta.created_by_version).toBe(VERSION)
    expect(meta.app_version).toBe('0.1.1')
    await closeDatabase(store)
  })

  it('migrates an old-version database forward without losing its rows', async () => {
    const path = join(temp.dir, 'old.sqlite')
    const old = await openDatabase(path, { appVersion: '0.0.9', migrateTo: FIRST_MIGRATION })
    await old.db
      .insertInto('department')
      .values({
        id: 1,
        name: '旧单位',
        org_code: '113301000020000011',
        created_at: 'x',
        updated_at: 'x',
      })
      .execute()
    await old.db
      .insertInto('users')
      .values({
        id: 'u1',
        username: 'old',
        display_name: '老用户',
        password_hash: 'scrypt$x',
        active: 1,
        created_at: 'x',
        updated_at: 'x',
        last_login_at: null,
      })
      .execute()
    await old.db.insertInto('user_roles').values({ user_id: 'u1', role: 'officer' }).execute()
    await closeDatabase(old)
    const indexesBefore = new Database(path, { readonly: true })
      .prepare(
        "SELECT count(*) AS n FROM sqlite_master WHERE type = 'index' AND name LIKE 'audit_log_%'",
      )
      .get() as { n: number }
    expect(indexesBefore.n).toBe(0)

    const store = await openDatabase(path, { appVersion: VERSION })
    const migrations = await store.db
      .selectFrom('kysely_migration' as never)
      .select('name' as never)
      .execute()
    expect(migrations.map((m) => (m as { name: string }).name)).toEqual(
      Object.keys(MIGRATIONS).sort(),
    )
    expect(await store.db.selectFrom('users').select('username').execute()).toEqual([
      { username: 'old' },
    ])
    expect(await store.db.selectFrom('department').select('name').execute()).toEqual([
      { name: '旧单位' },
    ])
    expect(await store.db.selectFrom('user_roles').selectAll().execute()).toEqual([
      { user_id: 'u1', role: 'officer' },
    ])
    await closeDatabase(store)
  })

  it('refuses a database that has a migration this build does not know, naming both versions', async () => {
    const path = join(temp.dir, 'future.sqlite')
    await closeDatabase(await openDatabase(path, { appVersion: '0.9.0' }))
    const raw = new Database(path)
    raw
      .prepare('INSERT INTO kysely_migration (name, timestamp) VALUES (?, ?)')
      .run('2099_01_01_0001_future', new Date().toISOString())
    raw.close()
    const before = hashFile(path)

    const error = await rejection(openDatabase(path, { appVersion: VERSION }))
    expect(error.code).toBe('DB_ERROR')
    expect(error.message).toContain('此数据库由更新版本的政务公开工作台创建')
    expect(error.message).toContain('0.9.0')
    expect(error.message).toContain('请升级本程序后再打开')
    expect(hashFile(path)).toBe(before)
  })

  it('refuses a truncated database file and leaves it untouched', async () => {
    const path = join(temp.dir, 'truncated.sqlite')
    const store = await openDatabase(path, { appVersion: VERSION })
    for (let i = 0; i < 200; i++) {
      await store.db
        .insertInto('settings')
        .values({ key: `k${i}`, value_json: JSON.stringify('x'.repeat(500)), updated_at: 'x' })
        .execute()
    }
    await closeDatabase(store)
    const size = readFileSync(path).length
    truncateSync(path, Math.floor(size / 2))
    const before = hashFile(path)

    const error = await rejection(openDatabase(path, { appVersion: VERSION }))
    expect(error.code).toBe('DB_ERROR')
    expect(error.message).toContain('文件不是有效的政务公开工作台数据库')
    expect(hashFile(path)).toBe(before)
  })

  it('refuses a file of random bytes and leaves it untouched', async () => {
    const path = join(temp.dir, 'random.sqlite')
    writeFileSync(path, randomBytes(8192))
    const before = hashFile(path)
    const error = await rejection(openDatabase(path, { appVersion: VERSION }))
    expect(error.code).toBe('DB_ERROR')
    expect(error.message).toContain('文件不是有效的政务公开工作台数据库')
    expect(hashFile(path)).toBe(before)
    expect(existsSync(`${path}-wal`)).toBe(false)
  })

  it('refuses a file that starts like SQLite but is cut off inside the header', async () => {
    const path = join(temp.dir, 'stub.sqlite')
    writeFileSync(path, Buffer.from('SQLite format 3\0', 'latin1'))
    const error = await rejection(openDatabase(path, { appVersion: VERSION }))
    expect(error.message).toContain('文件不是有效的政务公开工作台数据库')
    expect(readFileSync(path).length).toBe(16)
  })

  it("refuses another program's SQLite database", async () => {
    const path = join(temp.dir, 'other.sqlite')
    const raw = new Database(path)
    raw.exec('CREATE TABLE things (id INTEGER PRIMARY KEY)')
    raw.close()
    const before = hashFile(path)
    const error = await rejection(openDatabase(path, { appVersion: VERSION }))
    expect(error.message).toContain('不是本程序的数据库')
    expect(hashFile(path)).toBe(before)
  })

  it('opens read-only without migrating or writing', async () => {
    const path = join(temp.dir, 'ro.sqlite')
    await closeDatabase(await openDatabase(path, { appVersion: VERSION }))
    const before = hashFile(path)
    const store = await openDatabase(path, { appVersion: '9.9.9', readonly: true })
    expect(await store.db.selectFrom('meta').selectAll().execute()).not.toHaveLength(0)
    await closeDatabase(store)
    expect(hashFile(path)).toBe(before)
  })

  it('rejects writes to the audit log with triggers', async () => {
    const path = join(temp.dir, 'audit.sqlite')
    const store = await openDatabase(path, { appVersion: VERSION })
    store.sqlite
      .prepare(
        "INSERT INTO audit_log (seq, at, action, prev_hash, hash) VALUES (1, 'x', 'auth.login', 'p', 'h')",
      )
      .run()
    expect(() => store.sqlite.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(
      /只能追加/,
    )
    expect(() => store.sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/只能追加/)
    await closeDatabase(store)
  })
})
