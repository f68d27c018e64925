import Database from 'better-sqlite3'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { serverItem, startTestServer, type TestServer } from './helpers'
import { syncDesk } from './sync-setup'

/**
 * Issue 8 point 4 (a): the approved revision's row is edited in the database after approval, then
 * sync runs. The desk recomputes the approval hash from the stored revision and refuses: nothing
 * reaches the district, the item is flagged on the 同步 page, and the refusal is audited.
 */
let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.destroy()
})

it('refuses to send an approved revision whose stored content was changed after approval', async () => {
  const desk = await syncDesk(server)
  try {
    const item = await desk.approvedItem('关于道路维修的公示')
    const honest = await desk.approvedItem('关于开展安全生产检查的通知')

    // Someone with the database file rewrites the approved snapshot (the stored hash column stays).
    const raw = new Database(desk.t.dbPath)
    const row = raw
      .prepare('SELECT snapshot_json FROM item_revisions WHERE item_id = ? AND revision = ?')
      .get(item.id, item.revision) as { snapshot_json: string }
    const snapshot = JSON.parse(row.snapshot_json) as { content: { bodyHtml: string } }
    snapshot.content.bodyHtml = '<p>审批之后被偷偷改过的正文</p>'
    raw
      .prepare('UPDATE item_revisions SET snapshot_json = ? WHERE item_id = ? AND revision = ?')
      .run(JSON.stringify(snapshot), item.id, item.revision)
    raw.close()

    expect(await desk.t.core.sync.runOnce()).toEqual({ kind: 'done' })

    // Nothing of the tampered item reached the district; the honest one did.
    expect(await serverItem(server, desk.token, item.id)).toBeNull()
    expect(await serverItem(server, desk.token, honest.id)).not.toBeNull()

    const overview = await desk.t.call('sync:overview', {})
    expect(overview.failed).toHaveLength(1)
    expect(overview.failed[0]).toMatchObject({ itemId: item.id, tampered: true, state: 'failed' })
    expect(overview.failed[0]?.message).toContain('与审批时确认的内容哈希不符')
    expect(overview.status.counts.tampered).toBe(1)

    const check = new Database(desk.t.dbPath, { readonly: true })
    const audit = check
      .prepare(
        "SELECT detail_json FROM audit_log WHERE action = 'sync.integrity_failed' AND target = ?",
      )
      .all(`item:${item.id}`) as { detail_json: string }[]
    const flags = check.prepare('SELECT item_id, revision FROM sync_integrity_flags').all()
    check.close()
    expect(audit).toHaveLength(1)
    expect(JSON.parse(audit[0]!.detail_json)).toMatchObject({
      revision: item.revision,
      expected: item.contentHash,
    })
    expect(flags).toEqual([{ item_id: item.id, revision: item.revision }])

    // Retrying does not launder it: the check runs again and refuses again.
    await desk.t.call('sync:retry', { seq: overview.failed[0]!.seq })
    expect(await desk.t.core.sync.runOnce()).toEqual({ kind: 'done' })
    expect(await serverItem(server, desk.token, item.id)).toBeNull()
    expect((await desk.t.call('sync:overview', {})).failed[0]).toMatchObject({ tampered: true })
  } finally {
    await desk.close()
  }
})
