import type { Kysely } from 'kysely'
import { isPostgres } from '../dialect'

/**
 * 政民互动 on the district server (issue 14): consultations put online from a department's approved
 * notice, the comments the public sends on the comment page (full contact kept here, for the
 * department's follow-up questions, never published and sent down masked), and each department's
 * policy Q&A entries for the hotline's knowledge base. Same migration on SQLite and PostgreSQL.
 * Immutable once released.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db)
  await db.schema
    .createTable('consultations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('notice_item_id', 'text', (c) => c.notNull())
    .addColumn('notice_revision', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('draft_title', 'text', (c) => c.notNull())
    .addColumn('decision_type', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('short_reason', 'text', (c) => c.notNull())
    .addColumn('questions', 'text', (c) => c.notNull())
    .addColumn('contact', 'text', (c) => c.notNull())
    .addColumn('channels_json', 'text', (c) => c.notNull())
    .addColumn('paragraphs_json', 'text', (c) => c.notNull())
    .addColumn('attachments_json', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('consultations_department')
    .on('consultations')
    .columns(['department_id'])
    .execute()

  await db.schema
    .createTable('consultation_comments')
    // The feed cursor: bigserial on PostgreSQL, AUTOINCREMENT on SQLite (never reused).
    .addColumn('seq', pg ? 'bigserial' : 'integer', (c) =>
      pg ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id'))
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('receipt_no', 'text', (c) => c.notNull().unique())
    .addColumn('paragraph_no', 'integer')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('contact', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('consultation_comments_department')
    .on('consultation_comments')
    .columns(['department_id', 'seq'])
    .execute()

  await db.schema
    .createTable('qa_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('entry_json', 'text', (c) => c.notNull())
    .addColumn('valid', 'integer', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
}
