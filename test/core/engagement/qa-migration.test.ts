import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../../src/core/db/database'
import { makeTempDir } from '../../helpers/temp-dir'

let temp: ReturnType<typeof makeTempDir> | undefined
afterEach(() => temp?.cleanup())

describe('migration 0220 (政策问答 through the 保密审查 chain)', () => {
  it('sends an entry pending under the old one-reviewer rule back to 草稿, keeps approved ones, and starts every entry with no editors', async () => {
    temp = makeTempDir()
    const path = join(temp.dir, 'desk.sqlite')
    const old = await openDatabase(path, {
      appVersion: '0.0.9',
      migrateTo: '2026_12_01_0190_engagement',
    })
    await closeDatabase(old)
    const raw = new Database(path)
    // The entries' policy item is not the point here.
    raw.pragma('foreign_keys = OFF')
    const insert = raw.prepare(
      `INSERT INTO qa_entries (id, question, answer, policy_item_id, state, author_id, created_at, updated_at)
       VALUES (?, '问', '答', 'p1', ?, 'u1', 'x', 'x')`,
    )
    insert.run('q-pending', 'pending')
    insert.run('q-approved', 'approved')
    raw.close()

    const store = await openDatabase(path, { appVersion: '0.1.0' })
    const rows = await store.db
      .selectFrom('qa_entries')
      .select(['id', 'state', 'editor_ids_json'])
      .orderBy('id')
      .execute()
    expect(rows).toEqual([
      { id: 'q-approved', state: 'approved', editor_ids_json: '[]' },
      { id: 'q-pending', state: 'draft', editor_ids_json: '[]' },
    ])
    expect(await store.db.selectFrom('qa_reviews').selectAll().execute()).toEqual([])
    await closeDatabase(store)
  })
})
