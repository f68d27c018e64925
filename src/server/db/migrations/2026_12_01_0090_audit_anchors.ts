import type { Kysely } from 'kysely'

/**
 * Audit anchors (issue 8 point 9): every sync a department's desk sends the head of its local
 * hash-chained audit log (seq + hash); the district keeps them per department, outside the desk's
 * database file, so a chain rewritten inside that file (triggers dropped, rows deleted and
 * re-chained) no longer matches what the district acknowledged. The first anchor for a seq is
 * kept; a different hash for it later is refused. Immutable once released: add a new migration.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_anchors')
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_anchors_pk', ['department_id', 'seq'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_anchors').execute()
}
