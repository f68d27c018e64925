import { PostgresAdapter, type DialectAdapter } from 'kysely'

/** The two supported backends. */
export type BackendKind = 'sqlite' | 'postgres'

/**
 * True when `db` (a Kysely instance or a transaction) talks to PostgreSQL. Needed only where the
 * two SQL dialects differ in what we must say (row locks, the autoincrement column type);
 * everything else is shared.
 */
export function isPostgres(db: { getExecutor(): { readonly adapter: DialectAdapter } }): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}
