import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { runCli } from '../../../src/cli/index'
import { verifyAudit } from '../../../src/core/audit/verify'
import { runAdmin } from '../../../src/server/cli/admin-commands'
import { TEST_ADMIN_LOGIN } from '../../helpers/test-core'
import { loginAs } from '../items/helpers'
import { startTestServer, type TestServer } from '../sync/helpers'
import { rewriteChain } from './rewrite-chain'
import { syncDesk } from '../sync/sync-setup'

/**
 * Issue 8 point 9: anyone who can write the database file can rewrite the audit chain — drop the
 * triggers, delete a row, re-chain the rest — and the chain alone still verifies. Every sync now
 * sends the chain's head to the district, which keeps it; verify compares the chain with those
 * anchors and names the first divergence.
 */
let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.destroy()
})

const anchorsOf = (path: string) => {
  const db = new Database(path, { readonly: true })
  try {
    return db.prepare('SELECT seq, hash FROM audit_anchors ORDER BY seq').all() as {
      seq: number
      hash: string
    }[]
  } finally {
    db.close()
  }
}

it('a chain rewritten inside the file (triggers dropped, a row deleted, re-chained) is caught against the anchors', async () => {
  const desk = await syncDesk(server)
  try {
    await desk.approvedItem('关于道路维修的公示')
    expect(await desk.t.core.sync.runOnce(true)).toEqual({ kind: 'done' })
    await desk.approvedItem('关于开展安全生产检查的通知')
    expect(await desk.t.core.sync.runOnce(true)).toEqual({ kind: 'done' })

    const anchors = anchorsOf(desk.t.dbPath)
    expect(anchors).toHaveLength(2)
    const first = anchors[0]!
    const second = anchors[1]!
    expect(second.seq).toBeGreaterThan(first.seq + 1)
    // The district keeps the same heads.
    const kept = await server
      .db()
      .selectFrom('audit_anchors')
      .select(['seq', 'hash'])
      .orderBy('seq')
      .execute()
    expect(kept).toEqual(anchors)
    expect((await desk.t.call('sync:status', {})).lastAnchor?.seq).toBe(second.seq)
    expect(await verifyAudit(desk.store.db)).toMatchObject({
      ok: true,
      anchors: { checked: 2, source: 'local', lastSeq: second.seq },
    })

    // The attack: delete the entry right after the first anchor and re-chain everything after it.
    const victim = first.seq + 1
    rewriteChain(desk.t.dbPath, victim)

    // Against the anchors this desk stored, the first divergence is named.
    const local = await verifyAudit(desk.store.db)
    expect(local).toMatchObject({ ok: false, firstBrokenSeq: victim })
    if (!local.ok) expect(local.reason).toMatch(/^审计链与本机保存的区级回执于 .+ 确认的锚点不符/)

    // The next sync's head no longer fits what the district acknowledged: refused and shown.
    await desk.t.core.sync.runOnce(true)
    const status = await desk.t.call('sync:status', {})
    expect(status.anchorProblem).toMatch(/区级服务器拒绝了本机的审计链末端/)
    expect(await server.db().selectFrom('audit_anchors').select('seq').execute()).toHaveLength(2)

    // The attacker wipes the desk's copies of the anchors too: the chain alone verifies again …
    const raw = new Database(desk.t.dbPath)
    raw.exec('DELETE FROM audit_anchors')
    raw.close()
    expect(await verifyAudit(desk.store.db)).toMatchObject({ ok: true })

    // … but not against the district's anchors, which the app's 「校验审计链」 fetches.
    await loginAs(desk.t, TEST_ADMIN_LOGIN)
    const app = await desk.t.call('audit:verify', {})
    expect(app).toMatchObject({
      ok: false,
      firstBrokenSeq: victim,
      anchors: { source: 'server', checked: 2, lastSeq: second.seq },
    })
    if (!app.ok) {
      expect(app.reason).toContain(`审计链与区级服务器于`)
      expect(app.reason).toContain(`第 ${first.seq} 条（最后一个仍一致的锚点）之后`)
    }

    // The CLI, with the district's anchors exported by its administrator.
    const { code } = await server
      .db()
      .selectFrom('departments')
      .innerJoin('audit_anchors', 'audit_anchors.department_id', 'departments.id')
      .select('departments.code')
      .executeTakeFirstOrThrow()
    const adminOut: string[] = []
    const io = { out: (l: string) => adminOut.push(l), err: (l: string) => adminOut.push(l) }
    expect(await runAdmin(['--data', server.dataDir, 'list-anchors', '--code', code], {}, io)).toBe(
      0,
    )
    const file = join(desk.t.dataDir, 'anchors.json')
    writeFileSync(file, adminOut.join('\n'))
    const cliOut: string[] = []
    const cliEnv = {
      io: { out: (l: string) => cliOut.push(l), err: (l: string) => cliOut.push(l) },
      clock: () => new Date(),
      appVersion: '0.1.0',
    }
    expect(await runCli(['verify-audit', '--db', desk.t.dbPath, '--anchors', file], cliEnv)).toBe(1)
    expect(cliOut.join('\n')).toContain(`审计链校验失败：第 ${victim} 条记录异常`)
    expect(cliOut.join('\n')).toContain('审计链与区级服务器于')
    // Without the district's anchors, the rewritten file passes on its own: that was the defect.
    cliOut.length = 0
    expect(await runCli(['verify-audit', '--db', desk.t.dbPath], cliEnv)).toBe(0)
  } finally {
    await desk.close()
  }
})

it('an untouched chain verifies against the district’s anchors, and a second head at the same seq is refused by the server', async () => {
  const desk = await syncDesk(server)
  try {
    await desk.approvedItem()
    expect(await desk.t.core.sync.runOnce(true)).toEqual({ kind: 'done' })
    await loginAs(desk.t, TEST_ADMIN_LOGIN)
    expect(await desk.t.call('audit:verify', {})).toMatchObject({
      ok: true,
      anchors: { source: 'both', checked: 1 },
    })
    const [anchor] = anchorsOf(desk.t.dbPath)
    const res = await fetch(`${server.url}/api/v1/audit-anchors`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${desk.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ seq: anchor!.seq, hash: 'f'.repeat(64) }),
    })
    expect(res.status).toBe(409)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('ANCHOR_CONFLICT')
    const again = await fetch(`${server.url}/api/v1/audit-anchors`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${desk.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(anchor),
    })
    expect(again.status).toBe(200)
  } finally {
    await desk.close()
  }
})
