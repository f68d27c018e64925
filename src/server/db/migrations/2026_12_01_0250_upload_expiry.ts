import { sql, type Kysely } from 'kysely'

/**
 * Abandoned uploads expire (issue 15): the purge (`src/server/uploads/expiry.ts`, on a timer in
 * the server and `server:admin purge-uploads`) looks for unfinished sessions whose last chunk is
 * older than the expiry. A partial index keeps that lookup cheap however many finished sessions
 * (the bytes of the district's files) the table holds.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('upload_sessions_unfinished_idle')
    .on('upload_sessions')
    .column('updated_at')
    .where(sql.ref('completed_at'), 'is', null)
    .execute()
}
