import { sql, type Kysely } from 'kysely'
import { isPostgres } from '../dialect'

/**
 * Attachment uploads (protocol v2, issue 15). Everything lives in the database, so stateless
 * instances behind a load balancer share it:
 * - `upload_sessions`: one resumable upload per department and file (sha256), its size and chunk
 *   layout, fixed when the upload starts; `completed_at` once the whole file was verified.
 * - `upload_chunks`: the bytes, one row per chunk (with the chunk's own SHA-256).
 * - `upload_blobs`: the district's verified files, content-addressed (sent once per district);
 *   the bytes are the chunks of the session of `source_department_id` (their location).
 * - `item_attachments`: which files each item's latest revision needs; the item is complete on the
 *   server only when every one is in `upload_blobs`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const bytes = isPostgres(db) ? sql`bytea` : sql`blob`
  await db.schema
    .createTable('upload_sessions')
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('chunk_size', 'integer', (c) => c.notNull())
    .addColumn('chunk_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .addPrimaryKeyConstraint('upload_sessions_pk', ['department_id', 'sha256'])
    .execute()
  await db.schema
    .createTable('upload_chunks')
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('chunk_sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('data', bytes, (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('upload_chunks_pk', ['department_id', 'sha256', 'idx'])
    .execute()
  await db.schema
    .createTable('upload_blobs')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('source_department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('completed_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('item_attachments')
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('item_attachments_pk', ['item_id', 'position'])
    .execute()
  await db.schema
    .createIndex('item_attachments_sha256')
    .on('item_attachments')
    .column('sha256')
    .execute()
}
