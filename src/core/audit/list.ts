import { sql, type Kysely } from 'kysely'
import type { AuditEntryView, AuditPage } from '../../shared/types'
import type { Actor } from '../accounts/actor'
import { requireRole } from '../accounts/actor'
import { localDayStartIso } from '../clock'
import type { DB } from '../db/schema'
import type { AuditRow } from '../db/tables/audit'

export interface AuditFilter {
  action?: string
  actorId?: string
  /** Local calendar days, inclusive. */
  from?: string
  to?: string
  text?: string
  offset: number
  limit: number
}

/** Escapes LIKE wildcards so the officer's text matches literally. */
const likeLiteral = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/** Maps a row to what the audit page shows. */
function toView(row: AuditRow): AuditEntryView {
  let detail: Record<string, unknown> | null = null
  if (row.detail_json !== null) {
    try {
      detail = JSON.parse(row.detail_json) as Record<string, unknown>
    } catch {
      detail = { raw: row.detail_json }
    }
  }
  return {
    seq: row.seq,
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    target: row.target,
    beforeHash: row.before_hash,
    afterHash: row.after_hash,
    detail,
    hash: row.hash,
  }
}

/** One page of the audit trail, newest first, filtered; administrators only. */
export async function listAudit(
  db: Kysely<DB>,
  actor: Actor,
  filter: AuditFilter,
): Promise<AuditPage> {
  requireRole(actor, 'admin')
  let query = db.selectFrom('audit_log')
  if (filter.action) query = query.where('action', '=', filter.action)
  if (filter.actorId) query = query.where('actor_id', '=', filter.actorId)
  if (filter.from) query = query.where('at', '>=', localDayStartIso(filter.from))
  if (filter.to) query = query.where('at', '<', localDayStartIso(filter.to, 1))
  const text = filter.text?.trim()
  if (text) {
    const pattern = likeLiteral(text)
    query = query.where((eb) =>
      eb.or(
        (['action', 'actor_name', 'target', 'detail_json'] as const).map(
          (col) => sql<boolean>`coalesce(${sql.ref(col)}, '') LIKE ${pattern} ESCAPE '\\'`,
        ),
      ),
    )
  }
  const totalRow = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()
  const rows = await query
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute()
  return { entries: rows.map(toView), total: Number(totalRow?.n ?? 0) }
}
