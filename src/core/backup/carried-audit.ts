import type { Kysely } from 'kysely'
import { auditEntryHash } from '../audit/hash'
import type { DB } from '../db/schema'
import type { AuditRow } from '../db/tables/audit'

/**
 * 恢复前记录: the audit entries the replaced database recorded after the backup was taken. A restore
 * must not make them vanish (issue 8 point 6), yet they cannot be re-chained into the restored
 * database without rewriting their hashes. They are carried as ONE `backup.restore.carried` entry
 * whose detail embeds every row with its original hash and link: the outer entry's hash seals the
 * section (so `verify-audit` still verifies the chain), and `verifyCarried` re-checks the rows.
 */

/** One audit row as it stood in the replaced database. */
export type CarriedRow = AuditRow

/**
 * A row inside the section, as a tuple in COLUMNS order: audit details are redacted by key name
 * (anything called `…hash` would be blanked), so the rows travel as arrays, not objects.
 */
export type CarriedTuple = [
  number,
  string,
  string | null,
  string | null,
  string,
  string | null,
  string | null,
  string | null,
  string | null,
  string,
  string,
]

export const CARRIED_COLUMNS = [
  'seq',
  'at',
  'actor_id',
  'actor_name',
  'action',
  'target',
  'before_hash',
  'after_hash',
  'detail_json',
  'prev_hash',
  'hash',
] as const

/** The `detail` of a `backup.restore.carried` entry. */
export interface CarriedSection {
  section: '恢复前记录'
  /** The replaced database's file name in `replaced/`. */
  replacedDatabase: string
  count: number
  firstSeq: number
  lastSeq: number
  columns: readonly string[]
  rows: CarriedTuple[]
}

const toTuple = (r: CarriedRow): CarriedTuple => [
  r.seq,
  r.at,
  r.actor_id,
  r.actor_name,
  r.action,
  r.target,
  r.before_hash,
  r.after_hash,
  r.detail_json,
  r.prev_hash,
  r.hash,
]

/** The rows of a carried section back as audit rows. */
export function carriedRows(section: Pick<CarriedSection, 'rows'>): CarriedRow[] {
  return section.rows.map((t) => ({
    seq: t[0],
    at: t[1],
    actor_id: t[2],
    actor_name: t[3],
    action: t[4],
    target: t[5],
    before_hash: t[6],
    after_hash: t[7],
    detail_json: t[8],
    prev_hash: t[9],
    hash: t[10],
  }))
}

export const CARRIED_SECTION = '恢复前记录'

/**
 * The live entries the backup does not have: the live chain after the last entry both chains share
 * (same seq, same hash). Chains are hash-linked, so once they differ they never agree again.
 */
export async function auditSinceBackup(
  live: Kysely<DB>,
  backup: Kysely<DB>,
): Promise<CarriedRow[]> {
  const backupRows = await backup.selectFrom('audit_log').select(['seq', 'hash']).execute()
  const backupHash = new Map(backupRows.map((r) => [r.seq, r.hash]))
  const liveRows = await live
    .selectFrom('audit_log')
    .select([...CARRIED_COLUMNS])
    .orderBy('seq', 'asc')
    .execute()
  const firstNew = liveRows.findIndex((r) => backupHash.get(r.seq) !== r.hash)
  return firstNew < 0 ? [] : liveRows.slice(firstNew)
}

/** The detail of the carrying entry. */
export function carriedSection(rows: CarriedRow[], replacedDatabase: string): CarriedSection {
  return {
    section: CARRIED_SECTION,
    replacedDatabase,
    count: rows.length,
    firstSeq: rows[0]?.seq ?? 0,
    lastSeq: rows[rows.length - 1]?.seq ?? 0,
    columns: CARRIED_COLUMNS,
    rows: rows.map(toTuple),
  }
}

/**
 * The (seq, hash) pairs of the replaced chain a carried section accounts for, for the rebase a
 * restore's next anchor declares (docs/sync-protocol.md §2): its rows, and — when one of them is
 * itself an earlier restore's carried entry — that section's pairs too, so two restores between
 * syncs still account for what the district saw. Empty when the section does not verify.
 */
export function carriedPairs(detail: unknown): Array<[number, string]> {
  if (verifyCarried(detail) !== null) return []
  const out: Array<[number, string]> = []
  for (const row of carriedRows({ rows: (detail as CarriedSection).rows })) {
    out.push([row.seq, row.hash])
    if (row.action === 'backup.restore.carried' && row.detail_json !== null) {
      try {
        out.push(...carriedPairs(JSON.parse(row.detail_json)))
      } catch {
        // not a section: only the row itself is accounted for
      }
    }
  }
  return out
}

/**
 * Re-checks a carried section: each row's hash matches its content and links to the row before.
 * Returns null when intact, else a Chinese reason naming the first bad row.
 */
export function verifyCarried(detail: unknown): string | null {
  const section = detail as Partial<CarriedSection> | null
  if (!section || !Array.isArray(section.rows)) return '恢复前记录格式不正确'
  let prev: string | null = null
  let rows: CarriedRow[]
  try {
    rows = carriedRows({ rows: section.rows })
  } catch {
    return '恢复前记录格式不正确'
  }
  for (const row of rows) {
    if (auditEntryHash(row) !== row.hash) {
      return `恢复前记录中原第 ${row.seq} 条的内容与其原哈希不符`
    }
    if (prev !== null && row.prev_hash !== prev) {
      return `恢复前记录中原第 ${row.seq} 条与前一条的链接不符`
    }
    prev = row.hash
  }
  if (section.rows.length !== section.count) return '恢复前记录的条数与记载不符'
  return null
}
