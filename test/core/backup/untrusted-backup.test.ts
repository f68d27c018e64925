import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { join, relative } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { blobPath } from '../../../src/core/attachments/blob-store'
import { AppError } from '../../../src/core/errors'
import { buildDocx, para } from '../../fixtures/drafting/build-docx'
import { makeTempDir } from '../../helpers/temp-dir'
import { createTestCore, TEST_ADMIN_LOGIN, type TestCore } from '../../helpers/test-core'
import { loginAdmin, newItem, withStaff } from '../items/helpers'

/**
 * Issue 8 point 1: a backup travels on a USB disk and is untrusted input. A genuine backup with one
 * extra `attachment_blobs` row whose key is a path must not write anywhere outside the blob folder.
 */

let t: TestCore
let root: ReturnType<typeof makeTempDir>
afterEach(async () => {
  await t.cleanup()
  root.cleanup()
})

const TRAVERSAL = '../../.config/autostart/evil.desktop'
const EVIL = '[Desktop Entry]\nExec=sh -c "echo pwned"\n'

/** Restores `file` as chosen in the open dialog (a file on a USB disk, not in the backup list). */
function restoreFrom(file: string) {
  t.platform.openAnswers.push(file)
  return t.send('backup:restore', {})
}

/** The data of a successful Result, failing the test otherwise. */
function dataOf<T>(r: { ok: true; data: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message)
  return r.data
}

/** Every file under `dir`, relative to it. */
function walk(dir: string, base = dir): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name)
    return e.isDirectory() ? walk(full, base) : [relative(base, full)]
  })
}

/** A data folder at `<root>/home/user/.config/desk`, so a `../../.config/…` key lands inside root. */
async function setup(): Promise<{ dataDir: string; backup: string }> {
  root = makeTempDir()
  const dataDir = join(root.dir, 'home', 'user', '.config', 'desk')
  mkdirSync(dataDir, { recursive: true })
  t = await createTestCore({ dataDir })
  const backup = join(root.dir, 'usb', 'a', 'b', 'desk.sqlite')
  t.platform.saveAnswers.push(backup)
  await t.call('backup:create', {})
  return { dataDir, backup }
}

/** Adds hostile `attachment_blobs` rows to a backup and plants files where the old code read them. */
function poison(backup: string, keys: string[]): void {
  const raw = new Database(backup)
  const insert = raw.prepare(
    "INSERT INTO attachment_blobs (sha256, size_bytes, text, text_status, text_warning, created_at) VALUES (?, ?, NULL, 'none', NULL, 'x')",
  )
  for (const key of keys) {
    insert.run(key, EVIL.length)
    // Where an unchecked `join(<backup>.attachments, key[0..2], key)` would look for the file.
    const source = join(`${backup}.attachments`, key.slice(0, 2), key)
    mkdirSync(join(source, '..'), { recursive: true })
    writeFileSync(source, EVIL)
  }
  raw.close()
}

describe('restore treats the backup as untrusted (issue 8 point 1)', () => {
  it('refuses a path-shaped blob key and writes nothing outside the blob folder', async () => {
    const { dataDir, backup } = await setup()
    const absolute = join(root.dir, 'abs-evil.desktop')
    const keys = [TRAVERSAL, absolute, 'A'.repeat(64), 'a'.repeat(63)]
    poison(backup, keys)
    const before = new Set(walk(root.dir))

    const result = await restoreFrom(backup)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const restored = result.data
    expect(restored?.refused).toHaveLength(4)
    for (const r of restored?.refused ?? []) {
      expect(r.reason).toMatch(/附件键无效/)
      // The entry is quoted, but only a short, safe part of it.
      expect(r.entry.length).toBeLessThanOrEqual(24)
    }
    expect(restored?.notice).toContain('已拒绝 4 个')

    expect(existsSync(join(root.dir, 'home', 'user', '.config', 'autostart'))).toBe(false)
    // New files only inside the data folder (the replaced database, the restore marker's absence
    // is checked elsewhere) — never anywhere else under the temp root.
    const added = walk(root.dir).filter((f) => !before.has(f))
    const outside = added.filter((f) => !join(root.dir, f).startsWith(dataDir))
    expect(outside).toEqual([])
    const inBlobStore = walk(join(dataDir, 'attachments'))
    expect(inBlobStore).toEqual([])

    // Audited, with what was refused.
    await t.call('auth:login', TEST_ADMIN_LOGIN)
    const audit = await t.call('audit:list', { action: 'backup.restore' })
    expect(audit.entries[0]?.detail?.attachmentsRefused).toBe(4)
  })

  it('verifies each blob copied from the backup by its SHA-256 before it enters the store', async () => {
    root = makeTempDir()
    t = await createTestCore({ dataDir: join(root.dir, 'data') })
    await withStaff(t)
    const item = await newItem(t)
    const source = join(root.dir, '附件.docx')
    writeFileSync(source, await buildDocx([para('校验附件内容')]))
    t.platform.openAnswers.push(source)
    const sha = (await t.call('attachments:add', { itemId: item.id }))?.attachment.sha256 ?? ''
    await loginAdmin(t)
    const backup = join(root.dir, 'usb', 'desk.sqlite')
    t.platform.saveAnswers.push(backup)
    await t.call('backup:create', {})

    // Someone swaps the file in the backup folder for other bytes under the same name.
    const inBackup = join(`${backup}.attachments`, sha.slice(0, 2), sha)
    const blobFile = blobPath(t.dataDir, sha)
    const changed = readFileSync(inBackup)
    changed[changed.length - 1] = (changed[changed.length - 1] ?? 0) ^ 0xff
    writeFileSync(inBackup, changed)
    rmSync(join(t.dataDir, 'attachments'), { recursive: true, force: true })

    const restored = await restoreFrom(backup).then(dataOf)
    expect(restored).toMatchObject({ attachmentsRestored: 0, attachmentsMissing: 0 })
    expect(restored?.refused).toEqual([
      { entry: sha.slice(0, 12) + '…', reason: expect.stringContaining('内容与其 SHA-256 不符') },
    ])
    expect(existsSync(blobFile)).toBe(false)
    expect(walk(join(t.dataDir, 'attachments'))).toEqual([])
  })

  it('puts back a genuine blob, whose content matches its key', async () => {
    root = makeTempDir()
    t = await createTestCore({ dataDir: join(root.dir, 'data') })
    await withStaff(t)
    const item = await newItem(t)
    const source = join(root.dir, '附件.docx')
    const bytes = await buildDocx([para('真实附件')])
    writeFileSync(source, bytes)
    t.platform.openAnswers.push(source)
    const sha = (await t.call('attachments:add', { itemId: item.id }))?.attachment.sha256 ?? ''
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha)
    await loginAdmin(t)
    const backup = join(root.dir, 'usb', 'desk.sqlite')
    t.platform.saveAnswers.push(backup)
    await t.call('backup:create', {})
    rmSync(join(t.dataDir, 'attachments'), { recursive: true, force: true })
    const restored = await restoreFrom(backup).then(dataOf)
    expect(restored).toMatchObject({ attachmentsRestored: 1, refused: [] })
    expect(statSync(blobPath(t.dataDir, sha)).size).toBe(bytes.length)
  })

  it('refuses a backup without the tables its migrations create, and one from a newer version', async () => {
    const { backup } = await setup()
    const raw = new Database(backup)
    raw.exec('DROP TABLE user_roles')
    raw.close()
    const missing = await restoreFrom(backup)
    expect(missing).toMatchObject({ ok: false, error: { code: 'DB_ERROR' } })
    if (!missing.ok) expect(missing.error.message).toContain('缺少数据表 user_roles')

    const newer = join(root.dir, 'usb', 'newer.sqlite')
    t.platform.saveAnswers.push(newer)
    await t.call('backup:create', {})
    const raw2 = new Database(newer)
    raw2
      .prepare('INSERT INTO kysely_migration (name, timestamp) VALUES (?, ?)')
      .run('2099_01_01_0001_future', 'x')
    raw2.close()
    const refused = await restoreFrom(newer)
    expect(refused).toMatchObject({ ok: false, error: { code: 'DB_ERROR' } })
    if (!refused.ok) expect(refused.error.message).toContain('更新版本')
    // The live database is untouched and still in use.
    expect((await t.call('users:list', {})).map((u) => u.username)).toEqual(['admin'])
  })
})

describe('blobPath refuses a key that is not a SHA-256', () => {
  it.each([TRAVERSAL, '/etc/passwd', 'A'.repeat(64), 'a'.repeat(63), `${'a'.repeat(64)}\0`, ''])(
    '%s',
    (key) => {
      expect(() => blobPath('/data', key)).toThrow(AppError)
    },
  )
  it('accepts 64 lowercase hex and stays inside the blob folder', () => {
    const key = 'ab'.repeat(32)
    expect(blobPath('/data', key)).toBe(join('/data', 'attachments', 'ab', key))
  })
})
