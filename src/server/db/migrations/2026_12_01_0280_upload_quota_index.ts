import type { Kysely } from 'kysely'

/**
 * The quota check of every new upload sums the sizes of the department's sessions
 * (src/server/uploads/uploads-service.ts `openSession`). Sessions are kept once finished (their
 * chunks are the district's files), so a department's count only grows: an index on
 * (department, size) answers the sum from the index alone instead of reading every session row
 * (bench:sync, attachments row).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('upload_sessions_department_size')
    .on('upload_sessions')
    .columns(['department_id', 'size'])
    .execute()
}
