import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { stageBlob } from '../../../src/core/attachments/blob-store'
import { restoreBlobs } from '../../../src/core/backup/backup-blobs'
import { closeDatabase, openDatabase } from '../../../src/core/db/database'
import { makeTempDir } from '../../helpers/temp-dir'
import { createTestCore, type TestCore } from '../../helpers/test-core'
import { loginAdmin, newItem, withStaff } from '../items/helpers'
import { buildDocx, para } from '../../fixtures/drafting/build-docx'

/**
 * Review findings 3, 4 and 15: a backup from a USB disk is hostile input beyond its table names —
 * its whole schema (triggers, views, indexes, columns), the `-wal` beside it, and the size of the
 * attachments it brings back.
 */

let t: TestCore | undefined
let root: ReturnType<typeof makeTempDir> | undefined
let watchdog: ChildProcess | undefined
afterEach(async () => {
  if (watchdog?.pid && watchdog.exitCode === null) process.kill(watchdog.pid, 'SIGKILL')
  watchdog = undefined
  await t?.cleanup()
  t = undefined
  root?.cleanup()
  root = undefined
})

async function setup(): Promise<{ tc: TestCore; backup: string }> {
  root = makeTempDir()
  const tc = await createTestCore({ dataDir: join(root.dir, 'data') })
  t = tc
  const backup = join(root.dir, 'usb', 'desk.sqlite')
  tc.platform.saveAnswers.push(backup)
  await tc.call('backup:create', {})
  return { tc, backup }
}

function restoreFrom(tc: TestCore, file: string) {
  tc.platform.openAnswers.push(file)
  return tc.send('backup:restore', {})
}

/** Edits the backup's schema as a hostile hand would. */
function tamper(backup: string, ddl: string): void {
  const raw = new Database(backup)
  raw.exec(ddl)
  raw.close()
}

async function expectRefused(tc: TestCore, backup: string, text: string | RegExp): Promise<void> {
  const result = await restoreFrom(tc, backup)
  expect(result).toMatchObject({ ok: false, error: { code: 'DB_ERROR' } })
  if (!result.ok) {
    expect(result.error.message).toMatch(text)
    expect(result.error.message).toContain('当前数据未做任何修改')
  }
  // The live database is untouched and still in use.
  expect((await tc.call('users:list', {})).map((u) => u.username)).toEqual(['admin'])
  // Nothing staged is left behind beside the live database.
  expect(readdirSync(join(tc.dataDir)).filter((f) => f.includes('restoring'))).toEqual([])
}

describe('a restore compares the whole schema with the migrations (review finding 3)', () => {
  it('refuses a backup with an extra trigger that approves items behind the review', async () => {
    const { tc, backup } = await setup()
    tamper(
      backup,
      `CREATE TRIGGER auto_approve AFTER INSERT ON review_decisions
       BEGIN UPDATE items SET status = 'approved'; END`,
    )
    await expectRefused(tc, backup, /多出触发器 auto_approve/)
  })

  it('refuses a backup whose audit append-only trigger was dropped', async () => {
    const { tc, backup } = await setup()
    tamper(backup, 'DROP TRIGGER audit_log_no_update')
    await expectRefused(tc, backup, /缺少触发器 audit_log_no_update/)
  })

  it('refuses an extra view, and a table whose columns differ', async () => {
    const { tc, backup } = await setup()
    tamper(backup, 'CREATE VIEW leak AS SELECT * FROM users')
    await expectRefused(tc, backup, /多出视图 leak/)

    const second = join(root?.dir ?? '', 'usb', 'second.sqlite')
    tc.platform.saveAnswers.push(second)
    await tc.call('backup:create', {})
    tamper(second, 'ALTER TABLE users ADD COLUMN note TEXT')
    await expectRefused(tc, second, /数据表 users 结构不符/)
  })

  it('still restores a genuine backup', async () => {
    const { tc, backup } = await setup()
    const result = await restoreFrom(tc, backup)
    expect(result.ok).toBe(true)
  })
})

describe('the backup’s -wal is checked before it is read (review finding 4)', () => {
  it('refuses a FIFO named <backup>-wal without blocking on it', async () => {
    const { tc, backup } = await setup()
    const wal = `${backup}-wal`
    expect(spawnSync('mkfifo', [wal]).status).toBe(0)
    // If a restore ever opened the FIFO for reading it would block forever (a synchronous copy
    // blocks the whole test worker, so vitest's own timeout could not fire). This writer frees
    // it after 5 s; it exits only if someone read the FIFO, which the test then fails on.
    watchdog = spawn('sh', ['-c', `sleep 5; exec 3>"${wal}"; echo x >&3`], { stdio: 'ignore' })
    await expectRefused(tc, backup, /-wal.*不是普通文件/)
    expect(watchdog.exitCode).toBeNull()
  }, 20_000)

  it('refuses a -wal that is a symbolic link', async () => {
    const { tc, backup } = await setup()
    const elsewhere = join(root?.dir ?? '', 'elsewhere-wal')
    writeFileSync(elsewhere, 'not a wal')
    symlinkSync(elsewhere, `${backup}-wal`)
    await expectRefused(tc, backup, /-wal.*不是普通文件/)
  })

  it('accepts a plain -wal file beside a genuine backup', async () => {
    const { tc, backup } = await setup()
    writeFileSync(`${backup}-wal`, '')
    expect((await restoreFrom(tc, backup)).ok).toBe(true)
  })
})

describe('attachments are restored in one async pass within a budget (review finding 15)', () => {
  it('stageBlob hashes while it copies and refuses a file over its cap, leaving no temp file', async () => {
    root = makeTempDir()
    const source = join(root.dir, 'big.bin')
    writeFileSync(source, Buffer.alloc(4096, 7))
    const dataDir = join(root.dir, 'data')
    await expect(stageBlob(dataDir, source, { maxBytes: 1024 })).rejects.toThrow(/超过/)
    const tmp = join(dataDir, 'attachments', 'tmp')
    expect(existsSync(tmp) ? readdirSync(tmp) : []).toEqual([])
    const ok = await stageBlob(dataDir, source, { maxBytes: 4096 })
    expect(ok.sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it('refuses the attachments when their total exceeds the cap or the free space', async () => {
    root = makeTempDir()
    const tc = await createTestCore({ dataDir: join(root.dir, 'data') })
    t = tc
    await withStaff(tc)
    const item = await newItem(tc)
    const source = join(root.dir, '附件.docx')
    writeFileSync(source, await buildDocx([para('预算内的附件')]))
    tc.platform.openAnswers.push(source)
    await tc.call('attachments:add', { itemId: item.id })
    await loginAdmin(tc)
    const backup = join(root.dir, 'usb', 'desk.sqlite')
    tc.platform.saveAnswers.push(backup)
    await tc.call('backup:create', {})
    const other = join(root.dir, 'other-data')
    mkdirSync(other, { recursive: true })

    const store = await openDatabase(backup, { appVersion: 'test', readonly: true })
    const db = store.db
    await expect(restoreBlobs(db, other, backup, { maxTotalBytes: 10 })).rejects.toThrow(
      /附件总大小/,
    )
    await expect(restoreBlobs(db, other, backup, { freeBytes: () => 10 })).rejects.toThrow(
      /磁盘空间不足/,
    )
    expect(existsSync(join(other, 'attachments'))).toBe(false)
    expect(await restoreBlobs(db, other, backup)).toMatchObject({ restored: 1, refused: [] })
    await closeDatabase(store)
  }, 30_000)
})
