import type { Kysely } from 'kysely'

/**
 * 年度报告 on the district server (issue 13): each department's published report of a year as
 * sent (`department_reports`: title, text, tables JSON, content hash), and its tables as data —
 * one row per cell (`department_report_cells`) so the district can query and sum them (the
 * consolidated report, issue 15) without reading files. Immutable once released.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('department_reports')
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('tables_json', 'text', (c) => c.notNull())
    .addColumn('narrative_json', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text')
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('first_received_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('department_reports_pk', ['department_id', 'year'])
    .execute()
  await db.schema
    .createTable('department_report_cells')
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('table_key', 'text', (c) => c.notNull())
    .addColumn('row_key', 'text', (c) => c.notNull())
    .addColumn('column_key', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addPrimaryKeyConstraint('department_report_cells_pk', [
      'department_id',
      'year',
      'table_key',
      'row_key',
      'column_key',
    ])
    .execute()
  await db.schema
    .createIndex('department_report_cells_year')
    .on('department_report_cells')
    .columns(['year', 'table_key', 'row_key', 'column_key'])
    .execute()
}
