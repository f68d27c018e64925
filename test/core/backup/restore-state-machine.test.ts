import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Actor } from '../../../src/core/accounts/actor'
import { verifyAudit } from '../../../src/core/audit/verify'
import { carriedRows, verifyCarried } from '../../../src/core/backup/carried-audit'
import {
  RESTORE_FAULT_POINTS,
  restoreBackup,
  SimulatedCrash,
  type RestoreFaultPoint,
} from '../../../src/core/backup/restore-backup'
import { MARKER_NAME } from '../../../src/core/backup/restore-journal'
import { closeDatabase, openDatabase } from '../../../src/core/db/database'
import { createTestCore, TEST_ADMIN_LOGIN, type TestCore } from '../../helpers/test-core'
import {
  decision,
  loginAdmin,
  loginAs,
  newItem,
  REVIEWER,
  reviewCore,
  submit,
} from '../review/workflow/helpers'

/**
 * Issue 8 point 6 (+ issue 10's restore flow): a restore is a recoverable state machine; a crash
 * between any two steps leaves either the old or the new database (never none), the restore is
 * audited whenever the new one is in place, and the decisions it sets aside are listed first and
 * kept, sealed, as 「恢复前记录」.
 */

let t: TestCore
afterEach(async () => t.cleanup())

const ADMIN: Actor = { id: '', username: 'admin', displayName: '王管理', roles: ['admin'] }

/** A core with one user more after its backup, so old and new databases are told apart. */
async function withBackup(): Promise<string> {
  t = await createTestCore()
  const backup = join(t.dataDir, 'backups', 'manual-before.sqlite')
  t.platform.saveAnswers.push(backup)
  await t.call('backup:create', {})
  await t.call('users:create', {
    username: 'later',
    displayName: '后来者',
    password: 'Later12345',
    roles: ['officer'],
  })
  return backup
}

const usernames = async () => (await t.call('users:list', {})).map((u) => u.username).sort()

describe('a crash at any step of a restore', () => {
  it.each(RESTORE_FAULT_POINTS)(
    'crash after %s: the next start shows the old or the new database, audited, no marker left',
    async (point) => {
      const backup = await withBackup()
      // The core's own store is closed; a restore runs on a store of its own, as the app would.
      await t.core.close()
      const store = await openDatabase(t.dbPath, { appVersion: '0.1.0' })
      const holder = { store }
      const actor = { ...ADMIN, id: 'x' }
      await expect(
        restoreBackup(holder, actor, backup, {
          dataDir: t.dataDir,
          appVersion: '0.1.0',
          clock: t.clock.clock,
          fault: (at: RestoreFaultPoint) => {
            if (at === point) throw new SimulatedCrash(at)
          },
        }),
      ).rejects.toBeInstanceOf(SimulatedCrash)
      // The "process" died: its connections go with it.
      holder.store.sqlite.close()

      await t.restart()
      expect(existsSync(join(t.dataDir, MARKER_NAME))).toBe(false)
      expect(readdirSync(t.dataDir).filter((f) => f.includes('.restoring-'))).toEqual([])
      await t.call('auth:login', TEST_ADMIN_LOGIN)
      const names = await usernames()
      const restores = (await t.call('audit:list', { action: 'backup.restore' })).total
      if (names.includes('later')) {
        // Rolled back: the old database, untouched, and no restore recorded.
        expect(names).toEqual(['admin', 'later'])
        expect(restores).toBe(0)
      } else {
        // Finished: the backup's data, the restore recorded once, the old database kept.
        expect(names).toEqual(['admin'])
        expect(restores).toBe(1)
        const kept = readdirSync(join(t.dataDir, 'replaced'))
        expect(kept.filter((f) => f.endsWith('.sqlite'))).toHaveLength(1)
      }
      expect(await t.call('audit:verify', {})).toMatchObject({ ok: true })
    },
  )

  it('a crash before the marker finishes no restore and leaves no staged copy', async () => {
    const backup = await withBackup()
    await t.core.close()
    const store = await openDatabase(t.dbPath, { appVersion: '0.1.0' })
    // Staging fails half-way (here: the backup vanishes before the copy); nothing changed.
    const { rmSync } = await import('node:fs')
    rmSync(backup)
    await expect(
      restoreBackup({ store }, { ...ADMIN, id: 'x' }, backup, {
        dataDir: t.dataDir,
        appVersion: '0.1.0',
        clock: t.clock.clock,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await closeDatabase(store)
    await t.restart()
    await t.call('auth:login', TEST_ADMIN_LOGIN)
    expect(await usernames()).toEqual(['admin', 'later'])
  })
})

describe('restore preview and 恢复前记录', () => {
  it('lists the decisions a restore would set aside, then carries the audit since the backup, sealed', async () => {
    t = await reviewCore()
    const item = await newItem(t)
    await submit(t, item)
    await loginAdmin(t)
    const backup = join(t.dataDir, 'backups', 'manual-review.sqlite')
    t.platform.saveAnswers.push(backup)
    await t.call('backup:create', {})

    // After the backup: a reviewer withholds the item (不予公开, 条例第十五条).
    await loginAs(t, REVIEWER)
    await t.call(
      'review:decide',
      await decision(t, item.id, {
        decision: 'withhold',
        article: 'art15',
        reason: '涉及第三方个人隐私',
      }),
    )
    await loginAdmin(t)

    // Choose the file first: the preview says what it holds and what it would set aside.
    t.platform.openAnswers.push(backup)
    const preview = await t.call('backup:inspect', {})
    expect(preview).not.toBeNull()
    if (!preview) return
    expect(preview.file).toBe(backup)
    expect(preview.backup).toMatchObject({ items: 1, users: 7 })
    expect(preview.dataAsOf).not.toBeNull()
    expect(preview.setAside.decisionsTotal).toBe(1)
    expect(preview.setAside.decisions[0]).toMatchObject({
      itemTitle: item.title,
      decision: 'withhold',
      deciderName: REVIEWER.displayName,
    })
    expect(preview.setAside.auditEntries).toBeGreaterThanOrEqual(2)
    // Nothing was restored by looking.
    expect((await t.call('audit:list', { action: 'backup.restore' })).total).toBe(0)
    expect(readdirSync(t.dataDir).filter((f) => f.includes('.restoring-'))).toEqual([])

    // A forged or stale token is refused; the previewed one restores exactly that file.
    expect(await t.send('backup:restore', { token: 'made-up' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
    const result = await t.call('backup:restore', { token: preview.token })
    expect(result?.restoredFrom).toBe(backup)
    expect(result?.notice).toContain('恢复前记录')

    await t.call('auth:login', TEST_ADMIN_LOGIN)
    expect(await t.call('audit:verify', {})).toMatchObject({ ok: true })
    const carried = await t.call('audit:list', { action: 'backup.restore.carried' })
    expect(carried.total).toBe(1)
    const section = carried.entries[0]?.detail as Parameters<typeof verifyCarried>[0]
    expect(verifyCarried(section)).toBeNull()
    const rows = carriedRows(section as { rows: never[] })
    expect(rows.length).toBe(preview.setAside.auditEntries)
    expect(rows.map((r) => r.actor_name)).toContain(REVIEWER.displayName)
    expect(rows.some((r) => r.action.startsWith('review.'))).toBe(true)

    // Tampering with a carried row inside the section is caught by the section check, and
    // the outer chain hash (which covers the whole detail) is caught by verify-audit.
    const tampered = JSON.parse(JSON.stringify(section)) as { rows: unknown[][] }
    ;(tampered.rows[0] as unknown[])[4] = 'auth.login'
    expect(verifyCarried(tampered)).toMatch(/原哈希不符/)
    const store = await openDatabase(t.dbPath, { appVersion: '0.1.0', readonly: true })
    expect(await verifyAudit(store.db)).toMatchObject({ ok: true })
    await closeDatabase(store)
  })

  it('refuses inspect for a non-administrator before any dialog opens', async () => {
    t = await reviewCore()
    t.platform.openAnswers.push(join(t.dataDir, 'x.sqlite'))
    const r = await t.send('backup:inspect', {})
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(t.platform.dialogs).toEqual([])
    const r2 = await t.send('backup:restore', {})
    expect(r2).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(t.platform.dialogs).toEqual([])
  })
})
