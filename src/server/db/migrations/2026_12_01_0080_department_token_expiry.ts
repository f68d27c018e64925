import type { Kysely } from 'kysely'

/**
 * Department tokens can be given an expiry (issue 8, point 10): `token_expires_at`, the last valid
 * day as `YYYY-MM-DD` (the token works through that whole day, China time) or null for none.
 * Immutable once released: add a new migration.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('departments').addColumn('token_expires_at', 'text').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('departments').dropColumn('token_expires_at').execute()
}
