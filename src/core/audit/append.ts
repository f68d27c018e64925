import type { Kysely } from 'kysely'
import type { AuditAction } from '../../shared/audit/labels'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { META_KEYS } from '../db/tables/meta'
import { redact } from '../logger'
import { auditEntryHash, canonicalJson, GENESIS_HASH, stateHash } from './hash'

/** Who did it: a user, or null for the system (automatic backups, the CLI). */
export interface AuditActor {
  id: string | null
  name: string | null
}

export interface AuditEntryInput {
  actor: AuditActor | null
  action: AuditAction
  /** The entity concerned, e.g. `user:<id>`, `settings`, `backup:<file>`. */
  target?: string | null
  /** The entity's state before/after; only their hashes are stored. */
  before?: unknown
  after?: unknown
  /** Human-readable facts; secret-looking keys are redacted defensively. Never put a password here. */
  detail?: Record<string, unknown>
}

/**
 * Appends one hash-chained entry. Call it with the transaction that makes the change it records,
 * so both commit or neither does; given a plain connection it opens its own transaction.
 */
export async function appendAudit(
  db: Kysely<DB>,
  entry: AuditEntryInput,
  clock: Clock,
): Promise<{ seq: number; hash: string }> {
  if (!db.isTransaction) {
    return db.transaction().execute((trx) => appendAudit(trx, entry, clock))
  }
  const last = await db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst()
  const row = {
    seq: (last?.seq ?? 0) + 1,
    at: clock().toISOString(),
    actor_id: entry.actor?.id ?? null,
    actor_name: entry.actor?.name ?? null,
    action: entry.action,
    target: entry.target ?? null,
    before_hash: entry.before === undefined ? null : stateHash(entry.before),
    after_hash: entry.after === undefined ? null : stateHash(entry.after),
    detail_json: entry.detail === undefined ? null : canonicalJson(redact(entry.detail)),
    prev_hash: last?.hash ?? GENESIS_HASH,
  }
  const hash = auditEntryHash(row)
  await db
    .insertInto('audit_log')
    .values({ ...row, hash })
    .execute()
  await db
    .insertInto('meta')
    .values({ key: META_KEYS.auditHead, value: `${row.seq}:${hash}` })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: `${row.seq}:${hash}` }))
    .execute()
  return { seq: row.seq, hash }
}
