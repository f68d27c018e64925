import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { runCli } from '../../../src/cli/index'
import { runAdmin } from '../../../src/server/cli/admin-commands'
import { TEST_ADMIN_LOGIN } from '../../helpers/test-core'
import { loginAs, OFFICER } from '../items/helpers'
import { startTestServer, type TestServer } from '../sync/helpers'
import { syncDesk, type SyncDesk } from '../sync/sync-setup'
import { rewriteChain } from './rewrite-chain'

/**
 * A restore rewinds the desk's audit chain (the replaced entries are carried as one sealed
 * 「恢复前记录」 entry), which the district used to refuse for ever with 409 ANCHOR_CONFLICT. The
 * desk's next anchor now declares the restore (`rebase`): the district accepts it only when the
 * replaced chain is accounted for up to its latest anchor, records a new epoch (「已从备份恢复」)
 * and keeps the earlier anchors; a rewrite of the restored chain is still caught.
 */
let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.destroy()
})

const rows = <T>(path: string, query: string): T[] => {
  const db = new Database(path, { readonly: true })
  try {
    return db.prepare(query).all() as T[]
  } finally {
    db.close()
  }
}
const headOf = (path: string) =>
  rows<{ seq: number; hash: string }>(
    path,
    'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
  )[0]!

/** A desk that synced twice around a backup, then restored that backup (so the chain rewound). */
async function restoredDesk(): Promise<{
  desk: SyncDesk
  departmentId: string
  lastAnchor: number
}> {
  const desk = await syncDesk(server)
  await desk.approvedItem('关于道路维修的公示')
  expect(await desk.t.core.sync.runOnce(true)).toEqual({ kind: 'done' })
  await loginAs(desk.t, TEST_ADMIN_LOGIN)
  const backupFile = join(desk.t.dataDir, 'before.sqlite')
  desk.t.platform.saveAnswers.push(backupFile)
  await desk.t.call('backup:create', {})
  await loginAs(desk.t, OFFICER)
  await desk.approvedItem('关于开展安全生产检查的通知')
  expect(await desk.t.core.sync.runOnce(true)).toEqual({ kind: 'done' })
  // This desk's department: the one holding the head this desk stored as acknowledged.
  const mine = rows<{ seq: number; hash: string }>(
    desk.t.dbPath,
    'SELECT seq, hash FROM audit_anchors ORDER BY seq DESC LIMIT 1',
  )[0]!
  const anchored = await server
    .db()
    .selectFrom('audit_anchors')
    .select(['department_id', 'seq'])
    .where('seq', '=', mine.seq)
    .where('hash', '=', mine.hash)
    .executeTakeFirstOrThrow()
  await loginAs(desk.t, TEST_ADMIN_LOGIN)
  desk.t.platform.openAnswers.push(backupFile)
  await desk.t.call('backup:restore', {})
  await loginAs(desk.t, TEST_ADMIN_LOGIN)
  // The restored chain is shorter than what the district acknowledged.
  expect(headOf(desk.t.dbPath).seq).toBeLessThan(anchored.seq + 3)
  return { desk, departmentId: anchored.department_id, lastAnchor: Number(anchored.seq) }
}

it('after a restore the next sync anchors the rewound chain as a new epoch, and verify passes', async () => {
  const { desk, departmentId, lastAnchor } = await restoredDesk()
  try {
    // Before the next sync the district still lists the replaced chain's anchors: not passed
    // silently, but named as a restore the district has not confirmed yet.
    const before = await desk.t.call('audit:verify', {})
    expect(before.ok).toBe(false)
    if (!before.ok) expect(before.reason).toMatch(/区级尚未确认这次恢复：请同步一次后再校验/)

    expect(await desk.t.core.sync.runOnce(true)).toEqual({ kind: 'done' })
    const status = await desk.t.call('sync:status', {})
    expect(status.anchorProblem).toBeNull()
    const head = headOf(desk.t.dbPath)
    expect(status.lastAnchor?.seq).toBe(head.seq)

    // The district recorded the restore as a new epoch, with the restore's own entry.
    const restore = rows<{ seq: number; hash: string }>(
      desk.t.dbPath,
      "SELECT seq, hash FROM audit_log WHERE action = 'backup.restore'",
    )[0]!
    const epochs = await server
      .db()
      .selectFrom('audit_anchor_epochs')
      .selectAll()
      .where('department_id', '=', departmentId)
      .execute()
    expect(epochs).toHaveLength(1)
    expect(epochs[0]).toMatchObject({
      epoch: 1,
      restore_seq: restore.seq,
      restore_hash: restore.hash,
      replaced_seq: lastAnchor,
    })
    expect(epochs[0]!.rebased_at).toMatch(/^\d{4}-/)
    // The replaced chain's anchors are kept, not deleted.
    const superseded = await server
      .db()
      .selectFrom('audit_anchors_superseded')
      .select(['seq', 'epoch'])
      .where('department_id', '=', departmentId)
      .execute()
    expect(superseded.map((a) => Number(a.seq))).toContain(lastAnchor)
    // The desk's own anchors: those of backup time (in the part both chains share), then the
    // restore entry and the head the district acknowledged — the same pins the district lists.
    const local = rows<{ seq: number; hash: string }>(
      desk.t.dbPath,
      'SELECT seq, hash FROM audit_anchors ORDER BY seq',
    )
    const listed = await server
      .db()
      .selectFrom('audit_anchors')
      .select(['seq', 'hash'])
      .where('department_id', '=', departmentId)
      .orderBy('seq')
      .execute()
    expect(local).toEqual(listed.map((a) => ({ seq: Number(a.seq), hash: a.hash })))
    expect(local).toContainEqual({ seq: restore.seq, hash: restore.hash })

    // 「校验审计链」 against the district's anchors passes.
    expect(await desk.t.call('audit:verify', {})).toMatchObject({
      ok: true,
      anchors: { source: 'both' },
    })

    // The administrator's list shows the epoch; the CLI verifies against the exported anchors.
    const { code } = await server
      .db()
      .selectFrom('departments')
      .select('code')
      .where('id', '=', departmentId)
      .executeTakeFirstOrThrow()
    const adminOut: string[] = []
    const io = { out: (l: string) => adminOut.push(l), err: (l: string) => adminOut.push(l) }
    expect(await runAdmin(['--data', server.dataDir, 'list-anchors', '--code', code], {}, io)).toBe(
      0,
    )
    expect(adminOut.join('\n')).toMatch(/已从备份恢复/)
    const file = join(desk.t.dataDir, 'anchors.json')
    writeFileSync(file, adminOut.join('\n'))
    const cliOut: string[] = []
    const cliEnv = {
      io: { out: (l: string) => cliOut.push(l), err: (l: string) => cliOut.push(l) },
      clock: () => new Date(),
      appVersion: '0.1.0',
    }
    expect(await runCli(['verify-audit', '--db', desk.t.dbPath, '--anchors', file], cliEnv)).toBe(0)

    // The district overview says so, with the date.
    const page = await fetch(`${server.url}/`)
    expect(await page.text()).toMatch(/已从备份恢复/)

    // Syncing again (the verify above was audited, so the head moved): an ordinary anchor.
    expect(await desk.t.core.sync.runOnce(true)).toEqual({ kind: 'done' })
    expect((await desk.t.call('sync:status', {})).lastAnchor?.seq).toBe(headOf(desk.t.dbPath).seq)
    expect(
      await server
        .db()
        .selectFrom('audit_anchor_epochs')
        .select('epoch')
        .where('department_id', '=', departmentId)
        .execute(),
    ).toHaveLength(1)
    expect(await desk.t.call('audit:verify', {})).toMatchObject({ ok: true })
  } finally {
    await desk.close()
  }
})

it('two restores before the next sync: the second one carries the first, and the district accepts it', async () => {
  const { desk, departmentId, lastAnchor } = await restoredDesk()
  try {
    const again = join(desk.t.dataDir, 'before.sqlite')
    desk.t.platform.openAnswers.push(again)
    await desk.t.call('backup:restore', {})
    await loginAs(desk.t, TEST_ADMIN_LOGIN)
    expect(
      rows(desk.t.dbPath, "SELECT seq FROM audit_log WHERE action = 'backup.restore'"),
    ).toHaveLength(1)
    expect(await desk.t.core.sync.runOnce(true)).toEqual({ kind: 'done' })
    expect((await desk.t.call('sync:status', {})).anchorProblem).toBeNull()
    const epochs = await server
      .db()
      .selectFrom('audit_anchor_epochs')
      .select(['replaced_seq'])
      .where('department_id', '=', departmentId)
      .execute()
    expect(epochs.map((e) => Number(e.replaced_seq))).toEqual([lastAnchor])
    expect(await desk.t.call('audit:verify', {})).toMatchObject({ ok: true })
  } finally {
    await desk.close()
  }
})

it('a chain rewritten after the restore is still caught against the district’s anchors', async () => {
  const { desk } = await restoredDesk()
  try {
    expect(await desk.t.core.sync.runOnce(true)).toEqual({ kind: 'done' })
    const restore = rows<{ seq: number }>(
      desk.t.dbPath,
      "SELECT seq FROM audit_log WHERE action = 'backup.restore'",
    )[0]!
    // The attack on the restored chain: an entry before the restore deleted, the rest re-chained,
    // and the desk's own anchor copies wiped.
    const victim = restore.seq - 3
    rewriteChain(desk.t.dbPath, victim)
    const raw = new Database(desk.t.dbPath)
    raw.exec('DELETE FROM audit_anchors')
    raw.close()
    const result = await desk.t.call('audit:verify', {})
    expect(result).toMatchObject({ ok: false, anchors: { source: 'server' } })
    if (!result.ok) {
      expect(result.firstBrokenSeq).toBeLessThanOrEqual(victim)
      expect(result.reason).toContain('审计链与区级服务器于')
    }
  } finally {
    await desk.close()
  }
})

it('a forged rebase whose carried pairs miss the district’s latest anchor is refused with 409', async () => {
  const { desk, departmentId, lastAnchor } = await restoredDesk()
  try {
    const head = headOf(desk.t.dbPath)
    const put = (body: unknown) =>
      fetch(`${server.url}/api/v1/audit-anchors`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${desk.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    // Without a rebase: refused as before.
    expect((await put(head)).status).toBe(409)
    // Pairs that cover the anchored seq with another hash, or skip it.
    for (const carried of [
      [[lastAnchor, 'e'.repeat(64)]],
      [
        [lastAnchor - 1, 'e'.repeat(64)],
        [lastAnchor + 1, 'e'.repeat(64)],
      ],
    ]) {
      const res = await put({ ...head, rebase: { restore: head, carried } })
      expect(res.status).toBe(409)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('ANCHOR_CONFLICT')
    }
    expect(
      await server
        .db()
        .selectFrom('audit_anchor_epochs')
        .select('epoch')
        .where('department_id', '=', departmentId)
        .execute(),
    ).toEqual([])
    // The desk itself declares the restore correctly.
    expect(await desk.t.core.sync.runOnce(true)).toEqual({ kind: 'done' })
    expect((await desk.t.call('sync:status', {})).anchorProblem).toBeNull()
  } finally {
    await desk.close()
  }
})
