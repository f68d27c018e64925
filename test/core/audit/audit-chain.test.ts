import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { appendAudit } from '../../../src/core/audit/append'
import { auditEntryHash, GENESIS_HASH } from '../../../src/core/audit/hash'
import { verifyAudit } from '../../../src/core/audit/verify'
import { closeDatabase, openDatabase, type Store } from '../../../src/core/db/database'
import { makeTempDir } from '../../helpers/temp-dir'
import { createTestClock } from '../../helpers/test-clock'

let temp: ReturnType<typeof makeTempDir>
let store: Store
let path: string
const { clock } = createTestClock()

beforeEach(async () => {
  temp = makeTempDir()
  path = join(temp.dir, 'audit.sqlite')
  store = await openDatabase(path, { appVersion: '0.1.0' })
  for (let i = 1; i <= 5; i++) {
    await appendAudit(
      store.db,
      {
        actor: { id: `u${i}`, name: `用户${i}` },
        action: 'auth.login',
        target: `user:u${i}`,
        detail: { n: i },
      },
      clock,
    )
  }
})
afterEach(async () => {
  await closeDatabase(store)
  temp.cleanup()
})

/** Runs SQL as an attacker would: on a second connection, with the protective triggers dropped. */
function tamper(sql: string): void {
  const raw = new Database(path)
  raw.exec(
    'DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;',
  )
  raw.exec(sql)
  raw.close()
}

describe('audit chain', () => {
  it('chains each entry to the previous hash, starting from the genesis hash', async () => {
    const rows = await store.db.selectFrom('audit_log').selectAll().orderBy('seq').execute()
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5])
    expect(rows[0]?.prev_hash).toBe(GENESIS_HASH)
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash)
    for (const row of rows) expect(auditEntryHash(row)).toBe(row.hash)
  })

  it('verifies an untouched chain', async () => {
    expect(await verifyAudit(store.db)).toEqual({ ok: true, checked: 5 })
  })

  it('verifies an empty log', async () => {
    const other = await openDatabase(join(temp.dir, 'empty.sqlite'), { appVersion: '0.1.0' })
    expect(await verifyAudit(other.db)).toEqual({ ok: true, checked: 0 })
    await closeDatabase(other)
  })

  it('detects an edited row', async () => {
    tamper(`UPDATE audit_log SET detail_json = '{"n":99}' WHERE seq = 3`)
    const result = await verifyAudit(store.db)
    expect(result).toMatchObject({ ok: false, firstBrokenSeq: 3, checked: 2 })
    expect(result.ok || result.reason).toContain('已被修改')
  })

  it('detects an edited row whose own hash was recomputed, at the next link', async () => {
    const row = await store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '=', 2)
      .executeTakeFirstOrThrow()
    const forged = { ...row, actor_name: '他人' }
    tamper(
      `UPDATE audit_log SET actor_name = '他人', hash = '${auditEntryHash(forged)}' WHERE seq = 2`,
    )
    expect(await verifyAudit(store.db)).toMatchObject({ ok: false, firstBrokenSeq: 3 })
  })

  it('detects a deleted row in the middle', async () => {
    tamper('DELETE FROM audit_log WHERE seq = 2')
    const result = await verifyAudit(store.db)
    expect(result).toMatchObject({ ok: false, firstBrokenSeq: 3 })
    expect(result.ok || result.reason).toContain('缺失')
  })

  it('detects deleted rows at the end', async () => {
    tamper('DELETE FROM audit_log WHERE seq >= 4')
    const result = await verifyAudit(store.db)
    expect(result).toMatchObject({ ok: false, firstBrokenSeq: 4, checked: 3 })
    expect(result.ok || result.reason).toContain('末尾')
  })

  it('detects two rows swapped in order', async () => {
    tamper(`
      UPDATE audit_log SET seq = 100 WHERE seq = 2;
      UPDATE audit_log SET seq = 2 WHERE seq = 3;
      UPDATE audit_log SET seq = 3 WHERE seq = 100;`)
    expect(await verifyAudit(store.db)).toMatchObject({ ok: false, firstBrokenSeq: 2 })
  })

  it('detects a renumbered chain after a deleted first row', async () => {
    tamper('DELETE FROM audit_log WHERE seq = 1; UPDATE audit_log SET seq = seq - 1;')
    expect(await verifyAudit(store.db)).toMatchObject({ ok: false, firstBrokenSeq: 1 })
  })

  it('redacts secret-looking keys in details even if a caller passes one', async () => {
    await appendAudit(
      store.db,
      { actor: null, action: 'user.create', detail: { username: 'x', password: 'Secret123' } },
      clock,
    )
    const last = await store.db
      .selectFrom('audit_log')
      .select('detail_json')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow()
    expect(last.detail_json).not.toContain('Secret123')
    expect(await verifyAudit(store.db)).toEqual({ ok: true, checked: 6 })
  })

  it('rolls back the audit entry together with the change it records', async () => {
    await expect(
      store.db.transaction().execute(async (trx) => {
        await appendAudit(trx, { actor: null, action: 'settings.update' }, clock)
        throw new Error('change failed')
      }),
    ).rejects.toThrow('change failed')
    const count = await store.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(5)
    expect(await verifyAudit(store.db)).toEqual({ ok: true, checked: 5 })
  })
})
