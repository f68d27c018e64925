import { sql, type Kysely } from 'kysely'

/**
 * 修订稿 (issue 10) and the report's sync: the item revision the published tables belong to, so the
 * tables go to the district only once THAT revision (or a later one) is the approved revision in
 * force — never the tables of a re-publication still under review beside an approved revision.
 * Null for reports published before this column existed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE report_drafts ADD COLUMN published_revision INTEGER`.execute(db)
}
