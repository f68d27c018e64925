import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { migrateServerDatabase } from '../../src/server/db/connect'
import { SERVER_MIGRATIONS } from '../../src/server/db/migrations'
import { BACKENDS, useBackend } from './helpers/backends'

describe.each(BACKENDS)('server migrations (%s)', (kind) => {
  const backend = useBackend(kind)

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
