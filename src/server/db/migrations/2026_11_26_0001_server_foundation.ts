import { sql, type Kysely } from 'kysely'
import { isPostgres } from '../dialect'

/**
 * The server's first schema: departments with hashed tokens, items (latest revision), every
 * revision received, and the change log behind the cursor. Written with kysely's schema builder so
 * the same migration runs on SQLite and PostgreSQL. Immutable once released: add a new migration.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db)

  await db.schema
    .createTable('departments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.unique())
    .addColumn('token_prefix', 'text')
    .addColumn('token_issued_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('approved_at', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text', (c) => c.notNull())
    .addColumn('item_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sqlIn('status', ['received', 'published', 'returned', 'withdrawn'])),
    )
    .addColumn('status_reason', 'text')
    .addColumn('status_at', 'text', (c) => c.notNull())
    .addColumn('published_url', 'text')
    .addColumn('first_received_at', 'text', (c) => c.notNull())
    .addColumn('last_received_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('items_department_status')
    .on('items')
    .columns(['department_id', 'status'])
    .execute()

  await db.schema
    .createTable('item_revisions')
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('item_json', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    // The constraint that makes a duplicate revision impossible, whatever the number of instances.
    .addPrimaryKeyConstraint('item_revisions_pk', ['item_id', 'revision'])
    .execute()

  await db.schema
    .createTable('changes')
    // bigserial on PostgreSQL; on SQLite AUTOINCREMENT so ids are never reused after a delete.
    .addColumn('id', pg ? 'bigserial' : 'integer', (c) =>
      pg ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) =>
      c.notNull().check(sqlIn('type', ['received', 'published', 'returned', 'withdrawn'])),
    )
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('reason', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('changes_department_id')
    .on('changes')
    .columns(['department_id', 'id'])
    .execute()
}

/** Drops everything `up` created (development only; production never migrates down). */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['changes', 'item_revisions', 'items', 'departments']) {
    await db.schema.dropTable(table).execute()
  }
}

/** `column IN ('a', 'b')` for a CHECK constraint; the values are our own literals, never input. */
function sqlIn(column: string, values: string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`
}
