import type { Kysely } from 'kysely'

/**
 * The holiday calendar published by the district (issue 15): when the State Council publishes next
 * year's holidays the district office enters the notice once (the app's notice parser) and every
 * department's desk receives it on its next sync. One row per year; `version` up by one per
 * changed publication. Immutable once released: add a new migration.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('district_calendar')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('holidays_json', 'text', (c) => c.notNull())
    .addColumn('workdays_json', 'text', (c) => c.notNull())
    .addColumn('names_json', 'text', (c) => c.notNull())
    .addColumn('notice_text', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('district_calendar').execute()
}
