import type { Kysely } from 'kysely'

/**
 * 工作配档表 on the district server (issue 12): the 重点工作分解表 the district publishes per year
 * (`schedule_breakdowns`, one row per year, `version` up by one per changed publication), and each
 * department's table as last sent (`schedule_tables`, the body kept as JSON text exactly as
 * received, with its figures) plus one row per task (`schedule_table_tasks`) so the overview finds
 * overdue tasks across departments with one query. Immutable once released: add a new migration.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('schedule_breakdowns')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('tasks_json', 'text', (c) => c.notNull())
    .addColumn('task_count', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('schedule_tables')
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('table_json', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('breakdown_version', 'integer')
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('task_count', 'integer', (c) => c.notNull())
    .addColumn('done_count', 'integer', (c) => c.notNull())
    .addColumn('evidence_count', 'integer', (c) => c.notNull())
    .addColumn('evidence_published', 'integer', (c) => c.notNull())
    .addColumn('first_received_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('schedule_tables_pk', ['department_id', 'year'])
    .execute()
  await db.schema
    .createTable('schedule_table_tasks')
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('task_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('requirement', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('deadline_date', 'text')
    .addColumn('completed_on', 'text')
    .addColumn('progress_count', 'integer', (c) => c.notNull())
    .addColumn('evidence_count', 'integer', (c) => c.notNull())
    .addColumn('evidence_published', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('schedule_table_tasks_pk', ['department_id', 'year', 'task_id'])
    .execute()
  await db.schema
    .createIndex('schedule_table_tasks_due')
    .on('schedule_table_tasks')
    .columns(['year', 'deadline_date'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('schedule_table_tasks').execute()
  await db.schema.dropTable('schedule_tables').execute()
  await db.schema.dropTable('schedule_breakdowns').execute()
}
