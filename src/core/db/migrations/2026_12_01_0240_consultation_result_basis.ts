import { sql, type Kysely } from 'kysely'

/**
 * The adoption result (意见采纳情况说明) remembers what it was generated from: `result_basis_hash`,
 * the sha256 of the result text as the decisions gave it then. A decision changed, a comment
 * received or re-typed since makes the hash differ, and the consultation shows 需更新 (issue 14:
 * the result's counts always equal the decisions). Results generated before this migration have
 * none and count as 需更新. Typed `Kysely<unknown>`: a migration must not depend on today's types.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE consultations ADD COLUMN result_basis_hash TEXT`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE consultations DROP COLUMN result_basis_hash`.execute(db)
}
