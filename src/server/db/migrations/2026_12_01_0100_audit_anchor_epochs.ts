import type { Kysely } from 'kysely'

/**
 * Audit anchors across a restore: a desk that restored a backup declares it with its next anchor
 * (`rebase`). The district records the restore as a new epoch of that department's chain and
 * moves the anchors of the replaced chain it no longer matches (those the carried pairs account
 * for) into `audit_anchors_superseded` — kept, never deleted. Immutable once released.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_anchor_epochs')
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('epoch', 'integer', (c) => c.notNull())
    .addColumn('rebased_at', 'text', (c) => c.notNull())
    .addColumn('restore_seq', 'integer', (c) => c.notNull())
    .addColumn('restore_hash', 'text', (c) => c.notNull())
    .addColumn('replaced_seq', 'integer')
    .addColumn('replaced_hash', 'text')
    .addColumn('carried', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_anchor_epochs_pk', ['department_id', 'epoch'])
    .execute()
  await db.schema
    .createTable('audit_anchors_superseded')
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('epoch', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_anchors_superseded_pk', ['department_id', 'epoch', 'seq'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_anchors_superseded').execute()
  await db.schema.dropTable('audit_anchor_epochs').execute()
}
