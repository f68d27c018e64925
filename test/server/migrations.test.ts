import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { publishItem } from '../../src/server/changes/district-actions'
import { migrateServerDatabase } from '../../src/server/db/connect'
import { SERVER_MIGRATIONS } from '../../src/server/db/migrations'
import { attachmentProgress } from '../../src/server/uploads/uploads-service'
import { deterministicBytes } from '../helpers/deterministic-bytes'
import { BACKENDS, useBackend } from './helpers/backends'
import { databaseBefore } from './helpers/older-database'
import { hashOf, makeItem, newItemId, putBody } from './helpers/payloads'
import { call, department, NOW, useServers } from './helpers/test-server'
import { sendChunks, sha } from './helpers/uploads'

describe.each(BACKENDS)('server migrations (%s)', (kind) => {
  const backend = useBackend(kind)
  const server = useServers()

  it('an item received before protocol v2 (migration 0210) is 附件未到齐 once migrated, and 登记发布 is refused until its file arrives', async () => {
    const db = await databaseBefore(backend, '2026_12_01_0210')
    const { token } = await department(db, 'A')
    const departmentId = (await db.selectFrom('departments').select('id').executeTakeFirstOrThrow())
      .id
    const file = deterministicBytes(150_000, 7)
    const hash = sha(file)
    const withFile = newItemId()
    const withoutFile = newItemId()
    const at = NOW.toISOString()
    // What a server before 0210 stored: the file named only in the item's JSON.
    const itemWithFile = makeItem({
      attachments: [{ name: '方案.pdf', sha256: hash, size: file.length }],
    })
    for (const [id, item] of [
      [withFile, itemWithFile],
      [withoutFile, makeItem({ title: '无附件的条目' })],
    ] as const) {
      const json = JSON.stringify(item)
      await db
        .insertInto('items')
        .values({
          id,
          department_id: departmentId,
          revision: 1,
          content_hash: hashOf(item),
          title: String(item.title),
          kind: 'notice',
          approved_at: '2026-11-20T01:30:00.000Z',
          approved_by: '李审核',
          item_json: json,
          status: 'received',
          status_reason: null,
          status_at: at,
          published_url: null,
          first_received_at: at,
          last_received_at: at,
        })
        .execute()
      await db
        .insertInto('item_revisions')
        .values({
          item_id: id,
          revision: 1,
          content_hash: hashOf(item),
          item_json: json,
          received_at: at,
        })
        .execute()
    }

    await migrateServerDatabase(db)
    expect((await attachmentProgress(db, [withFile, withoutFile])).get(withFile)).toEqual({
      total: 1,
      missing: 1,
    })
    expect((await attachmentProgress(db, [withoutFile])).has(withoutFile)).toBe(false)
    const listed = await db.selectFrom('item_attachments').selectAll().execute()
    expect(listed.map((r) => ({ ...r, size: Number(r.size) }))).toEqual([
      { item_id: withFile, position: 0, sha256: hash, name: '方案.pdf', size: file.length },
    ])
    const url = 'https://www.example.gov.cn/zwgk/old.html'
    await expect(publishItem(db, withFile, url, at)).rejects.toThrow(/附件未到齐（已到 0\/1 个）/)

    const chunk = 64 * 1024
    const app = await server(db, {
      uploads: { chunkBytes: chunk, maxFileBytes: 1024 * 1024, quotaBytes: 2 * 1024 * 1024 },
    })
    const page = await app.inject({ method: 'GET', url: '/district/departments/A/items' })
    expect(page.body).toContain('附件未到齐（已到 0/1）')
    expect(
      (await call(app, token, 'POST', `/api/v1/blobs/${hash}`, { size: file.length })).statusCode,
    ).toBe(200)
    expect(await sendChunks(app, token, file, chunk, [0, 1, 2])).toMatchObject({ complete: true })
    expect((await publishItem(db, withFile, url, at)).changed).toBe(true)
    // The migrated item is handled like any other: a re-send of its revision is unchanged.
    const again = await call(
      app,
      token,
      'PUT',
      `/api/v1/items/${withFile}`,
      putBody(1, itemWithFile),
    )
    expect(again.json()).toMatchObject({ result: 'unchanged' })
  })

  it('migrates an empty database to the latest schema, and again is a no-op', async () => {
    const { db } = await backend.fresh()
    const tables = (await db.introspection.getTables()).map((t) => t.name).sort()
    expect(tables).toEqual([
      'audit_anchor_epochs',
      'audit_anchors',
      'audit_anchors_superseded',
      'changes',
      'consultation_comments',
      'consultations',
      'department_report_cells',
      'department_reports',
      'departments',
      'district_audit',
      'district_calendar',
      'district_sessions',
      'district_users',
      'item_attachments',
      'item_revisions',
      'items',
      'qa_entries',
      'rate_limit_counters',
      'schedule_breakdowns',
      'schedule_table_tasks',
      'schedule_tables',
      'upload_blobs',
      'upload_chunks',
      'upload_sessions',
    ])
    await migrateServerDatabase(db)
    const applied = await sql<{
      name: string
    }>`select name from kysely_migration order by name`.execute(db)
    expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(SERVER_MIGRATIONS).sort())
    expect(applied.rows.map((r) => r.name)).toContain('2026_11_26_0001_server_foundation')
    expect(applied.rows.map((r) => r.name)).toContain('2026_12_01_0080_department_token_expiry')
  })

  it('refuses a database written by a newer server version', async () => {
    const { db } = await backend.fresh()
    await sql`insert into kysely_migration (name, timestamp) values ('2099_01_01_0001_future', '2099-01-01T00:00:00.000Z')`.execute(
      db,
    )
    await expect(migrateServerDatabase(db)).rejects.toThrow(/更新版本/)
    await sql`delete from kysely_migration where name = '2099_01_01_0001_future'`.execute(db)
  })
})
