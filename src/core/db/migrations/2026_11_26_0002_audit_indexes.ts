import { sql, type Kysely } from 'kysely'

/** Indexes for the audit page's filters (by action, actor and time). Immutable once released. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX audit_log_action ON audit_log (action, seq)`.execute(db)
  await sql`CREATE INDEX audit_log_actor ON audit_log (actor_id, seq)`.execute(db)
  await sql`CREATE INDEX audit_log_at ON audit_log (at)`.execute(db)
}
