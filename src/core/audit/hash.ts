import { createHash } from 'node:crypto'
import type { AuditRow } from '../db/tables/audit'

/** 64 zeros: the `prev_hash` of the first entry in the chain. */
export const GENESIS_HASH = '0'.repeat(64)

/** Hex SHA-256 of a UTF-8 string. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/** Deterministic JSON: object keys sorted at every level, `undefined` members dropped. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'null'
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key]
    if (v !== undefined) out[key] = sortKeys(v)
  }
  return out
}

/** Hash of an entity's state, for an audit entry's before/after columns. */
export function stateHash(state: unknown): string {
  return sha256(canonicalJson(state))
}

/** The fields of one audit row that its hash covers (all of them except the hash itself). */
export type AuditHashInput = Omit<AuditRow, 'hash'>

/**
 * The chain hash of one row: SHA-256 over a JSON array of every field in a fixed order (an array,
 * so no key-order ambiguity), including `seq` (reordering breaks it) and `prev_hash` (the chain).
 */
export function auditEntryHash(row: AuditHashInput): string {
  return sha256(
    JSON.stringify([
      row.seq,
      row.at,
      row.actor_id,
      row.actor_name,
      row.action,
      row.target,
      row.before_hash,
      row.after_hash,
      row.detail_json,
      row.prev_hash,
    ]),
  )
}
