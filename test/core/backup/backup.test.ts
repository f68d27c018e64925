import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { hashFile } from '../../helpers/db-dump'
import {
  createTestCore,
  TEST_ADMIN,
  TEST_ADMIN_LOGIN,
  type TestCore,
} from '../../helpers/test-core'
import { blobPath } from '../../../src/core/attachments/blob-store'
import { buildDocx, para } from '../../fixtures/drafting/build-docx'
import { loginAdmin, newItem, withStaff } from '../items/helpers'

let t: TestCore
afterEach(async () => t.cleanup())

const backupsDir = () => join(t.dataDir, 'backups')
const autoBackups = () => readdirSync(backupsDir()).filter((f) => f.startsWith('auto-'))

/** An app restart on the same data folder at `now`. */
const restartOn = (now: Date): Promise<void> => t.restart(now)

describe('manual backup', () => {
  it('writes an openable copy to the chosen file and audits it', async () => {
    t = await createTestCore()
    const dest = join(t.dataDir, 'chosen', 'my-backup.sqlite')
    t.platform.saveAnswers.push(dest)
    const info = await t.call('backup:create', {})
    expect(info).toMatchObject({ file: dest, kind: 'manual' })
    expect(info?.sizeBytes).toBeGreaterThan(0)
    const copy = new Database(dest, { readonly: true })
    expect(copy.pragma('quick_check', { simple: true })).toBe('ok')
    expect(copy.prepare('SELECT username FROM users').all()).toEqual([{ username: 'admin' }])
    copy.close()
    expect((await t.call('audit:list', { action: 'backup.create' })).total).toBe(1)
    expect(t.platform.dialogs[0]?.defaultPath).toContain(join('backups', '数据库备份-'))
  })

  it('returns null when the user cancels the save dialog', async () => {
    t = await createTestCore()
    expect(await t.call('backup:create', {})).toBeNull()
  })

  it('refuses to write the backup over the live database', async () => {
    t = await createTestCore()
    t.platform.saveAnswers.push(t.dbPath)
    expect(await t.send('backup:create', {})).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
  })
})

describe('automatic backups', () => {
  it('takes one automatic backup a day at start, not before setup', async () => {
    t = await createTestCore({ initialise: false })
    expect(existsSync(backupsDir())).toBe(false)
    await t.call('setup:complete', {
      department: { name: '示范局', orgCode: '113301000020000011' },
      admin: TEST_ADMIN,
    })
    await restartOn(t.clock.clock())
    expect(autoBackups()).toHaveLength(1)
    await restartOn(new Date(t.clock.clock().getTime() + 60_000))
    expect(autoBackups()).toHaveLength(1)
    await restartOn(new Date(t.clock.clock().getTime() + 86_400_000))
    expect(autoBackups()).toHaveLength(2)
    const audit = await t
      .call('auth:login', TEST_ADMIN_LOGIN)
      .then(() => t.call('audit:list', { action: 'backup.auto' }))
    expect(audit.total).toBe(2)
    expect(audit.entries[0]?.actorId).toBeNull()
  })

  it('keeps only the configured number of automatic backups and never deletes manual ones', async () => {
    t = await createTestCore()
    await t.call('settings:update', { autoBackupKeep: 2 })
    t.platform.saveAnswers.push(join(backupsDir(), 'manual-keep.sqlite'))
    await t.call('backup:create', {})
    for (let day = 1; day <= 4; day++) {
      await restartOn(new Date(t.clock.clock().getTime() + 86_400_000))
    }
    const files = readdirSync(backupsDir()).sort()
    expect(files.filter((f) => f.startsWith('auto-'))).toHaveLength(2)
    expect(files).toContain('manual-keep.sqlite')
    await t.call('auth:login', TEST_ADMIN_LOGIN)
    const listed = await t.call('backup:list', {})
    expect(listed.map((b) => b.kind).sort()).toEqual(['auto', 'auto', 'manual'])
  })

  it('takes no automatic backup when disabled', async () => {
    t = await createTestCore()
    await t.call('settings:update', { autoBackupEnabled: false })
    await restartOn(new Date(t.clock.clock().getTime() + 86_400_000))
    expect(existsSync(backupsDir()) ? autoBackups() : []).toHaveLength(0)
  })
})

describe('restore', () => {
  it('round-trips: restoring a backup brings back its data and keeps the replaced database', async () => {
    t = await createTestCore()
    const backupFile = join(backupsDir(), 'manual-before.sqlite')
    t.platform.saveAnswers.push(backupFile)
    await t.call('backup:create', {})
    await t.call('users:create', {
      username: 'later',
      displayName: '后来者',
      password: 'Later12345',
      roles: ['officer'],
    })

    const result = await t.call('backup:restore', { file: backupFile })
    expect(result?.restoredFrom).toBe(backupFile)
    expect(result?.previousKeptAt).toMatch(/replaced[\\/]\d{8}-\d{6}-\d{3}\.sqlite$/)
    expect(existsSync(result?.previousKeptAt as string)).toBe(true)

    // Everyone signs in again against the restored accounts.
    expect((await t.call('app:state', {})).session).toBeNull()
    await t.call('auth:login', TEST_ADMIN_LOGIN)
    const users = await t.call('users:list', {})
    expect(users.map((u) => u.username)).toEqual(['admin'])
    expect((await t.call('audit:list', { action: 'backup.restore' })).total).toBe(1)
    expect(await t.call('audit:verify', {})).toMatchObject({ ok: true })

    const kept = new Database(result?.previousKeptAt as string, { readonly: true })
    expect(kept.prepare('SELECT username FROM users ORDER BY username').all()).toEqual([
      { username: 'admin' },
      { username: 'later' },
    ])
    kept.close()
  })

  it('restores a file chosen in the open dialog, and returns null on cancel', async () => {
    t = await createTestCore()
    expect(await t.call('backup:restore', {})).toBeNull()
    const outside = join(t.dataDir, 'elsewhere.sqlite')
    t.platform.saveAnswers.push(outside)
    await t.call('backup:create', {})
    t.platform.openAnswers.push(outside)
    expect((await t.call('backup:restore', {}))?.restoredFrom).toBe(outside)
  })

  it('refuses a named file that is not in the backup list', async () => {
    t = await createTestCore()
    const result = await t.send('backup:restore', { file: join(t.dataDir, 'nope.sqlite') })
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it('refuses a damaged backup with a clear message and leaves both files untouched', async () => {
    t = await createTestCore()
    await restartOn(t.clock.clock())
    await t.call('auth:login', TEST_ADMIN_LOGIN)
    const bad = join(backupsDir(), 'manual-bad.sqlite')
    writeFileSync(bad, randomBytes(10_000))
    const badHash = hashFile(bad)
    const result = await t.send('backup:restore', { file: bad })
    expect(result).toMatchObject({ ok: false, error: { code: 'DB_ERROR' } })
    if (!result.ok) {
      expect(result.error.message).toContain('文件不是有效的政务公开工作台数据库')
      expect(result.error.message).toContain(bad)
    }
    expect(hashFile(bad)).toBe(badHash)
    expect(existsSync(join(t.dataDir, 'replaced'))).toBe(false)
    expect((await t.call('users:list', {})).map((u) => u.username)).toEqual(['admin'])
    expect(readdirSync(t.dataDir).filter((f) => f.includes('restoring'))).toEqual([])
  })
})

describe('backups carry attachments', () => {
  it('copies referenced attachment files beside the backup and puts them back on restore', async () => {
    t = await createTestCore()
    await withStaff(t)
    const item = await newItem(t)
    const source = join(t.dataDir, '附件.docx')
    writeFileSync(source, await buildDocx([para('备份附件专用内容')]))
    t.platform.openAnswers.push(source)
    const added = await t.call('attachments:add', { itemId: item.id })
    const sha = added?.attachment.sha256 ?? ''
    await loginAdmin(t)

    // A backup on another disk: the database plus `<file>.attachments/`.
    const dest = join(t.dataDir, 'u-disk', 'desk.sqlite')
    t.platform.saveAnswers.push(dest)
    await t.call('backup:create', {})
    expect(existsSync(join(`${dest}.attachments`, sha.slice(0, 2), sha))).toBe(true)

    // The data folder's attachments are lost; restoring the backup brings them back.
    rmSync(join(t.dataDir, 'attachments'), { recursive: true, force: true })
    t.platform.openAnswers.push(dest)
    const restored = await t.call('backup:restore', {})
    expect(restored).toMatchObject({ attachmentsRestored: 1, attachmentsMissing: 0 })
    expect(existsSync(blobPath(t.dataDir, sha))).toBe(true)
    await t.call('auth:login', TEST_ADMIN_LOGIN)
    const found = await t.call('items:search', { text: '备份附件专用内容' })
    expect(found.rows.map((r) => r.id)).toEqual([item.id])
  })

  it('reports attachments that neither the store nor the backup holds', async () => {
    t = await createTestCore()
    await withStaff(t)
    const item = await newItem(t)
    const source = join(t.dataDir, '附件.docx')
    writeFileSync(source, await buildDocx([para('另一份附件')]))
    t.platform.openAnswers.push(source)
    await t.call('attachments:add', { itemId: item.id })
    await loginAdmin(t)
    const dest = join(t.dataDir, 'u-disk', 'desk.sqlite')
    t.platform.saveAnswers.push(dest)
    await t.call('backup:create', {})
    rmSync(`${dest}.attachments`, { recursive: true, force: true })
    rmSync(join(t.dataDir, 'attachments'), { recursive: true, force: true })
    t.platform.openAnswers.push(dest)
    expect(await t.call('backup:restore', {})).toMatchObject({
      attachmentsRestored: 0,
      attachmentsMissing: 1,
    })
  })

  it('prunes an automatic backup together with its attachments folder', async () => {
    t = await createTestCore()
    await withStaff(t)
    const item = await newItem(t)
    const source = join(t.dataDir, '附件.docx')
    writeFileSync(source, await buildDocx([para('每日备份附件')]))
    t.platform.openAnswers.push(source)
    await t.call('attachments:add', { itemId: item.id })
    await loginAdmin(t)
    await t.call('settings:update', { autoBackupKeep: 1 })
    await restartOn(new Date('2026-11-27T01:00:00.000Z'))
    await restartOn(new Date('2026-11-28T01:00:00.000Z'))
    const left = readdirSync(backupsDir()).sort()
    const autos = left.filter((f) => f.startsWith('auto-') && f.endsWith('.sqlite'))
    expect(autos).toHaveLength(1)
    expect(autos[0]).toMatch(/^auto-20261128-/)
    expect(left.filter((f) => f.endsWith('.attachments'))).toEqual([`${autos[0]}.attachments`])
  })
})
