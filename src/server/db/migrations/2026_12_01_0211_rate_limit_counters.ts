import type { Kysely } from 'kysely'

/**
 * Rate-limit counters shared by every instance on one PostgreSQL (issue 15, scale-out): one row
 * per limiter key (`ip:…`, `fail:…`, `t:<token hash>`) with the start of its fixed window (ms
 * since epoch) and the requests counted in it. Rows of past windows are deleted as they age.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rate_limit_counters')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('rate_limit_counters_window')
    .on('rate_limit_counters')
    .column('window_start')
    .execute()
}
