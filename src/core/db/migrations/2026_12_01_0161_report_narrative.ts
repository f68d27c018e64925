import { sql, type Kysely } from 'kysely'

/**
 * The narrative of sections 一/五/六 as published (live fields filled in), kept with the tables when
 * the report becomes a disclosure item, so the district receives the text that was reviewed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE report_drafts ADD COLUMN narrative_json TEXT`.execute(db)
}
