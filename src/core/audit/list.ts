import { sql, type Kysely } from 'kysely'
import type { AuditEntryView, AuditPage } from '../../shared/audit/types'
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
  const entries = rows.map(toView)
  const names = await targetNames(
    db,
    entries.map((e) => e.target),
  )
  for (const e of entries) e.targetName = e.target ? (names.get(e.target) ?? null) : null
  return { entries, total: Number(totalRow?.n ?? 0) }
}

/**
 * Names the targets of one page at read time (issue 10: 对象 names the item's title, not its id):
 * one query per kind for the whole page. The log itself keeps ids, so a renamed item shows its
 * current title and the hash chain is untouched.
 */
export async function targetNames(
  db: Kysely<DB>,
  targets: (string | null)[],
): Promise<Map<string, string>> {
  const byKind = new Map<string, Set<string>>()
  for (const t of targets) {
    const colon = t?.indexOf(':') ?? -1
    if (!t || colon < 0) continue
    const kind = t.slice(0, colon)
    const set = byKind.get(kind) ?? new Set<string>()
    set.add(t.slice(colon + 1))
    byKind.set(kind, set)
  }
  const out = new Map<string, string>()
  const ids = (kind: string) => [...(byKind.get(kind) ?? [])]
  const put = (kind: string, rows: { id: string; name: string }[]) => {
    for (const r of rows) out.set(`${kind}:${r.id}`, r.name)
  }
  if (ids('item').length > 0) {
    const rows = await db
      .selectFrom('items')
      .select(['id', 'title'])
      .where('id', 'in', ids('item'))
      .execute()
    put(
      'item',
      rows.map((r) => ({ id: r.id, name: r.title || '（无标题）' })),
    )
  }
  if (ids('user').length > 0) {
    const rows = await db
      .selectFrom('users')
      .select(['id', 'username', 'display_name'])
      .where('id', 'in', ids('user'))
      .execute()
    put(
      'user',
      rows.map((r) => ({ id: r.id, name: `${r.username}（${r.display_name}）` })),
    )
  }
  if (ids('catalogue').length > 0) {
    const rows = await db
      .selectFrom('catalogue_entries')
      .select(['id', 'level1', 'level2'])
      .where('id', 'in', ids('catalogue'))
      .execute()
    put(
      'catalogue',
      rows.map((r) => ({ id: r.id, name: [r.level1, r.level2].filter(Boolean).join(' / ') })),
    )
  }
  for (const [kind, table] of [
    ['topic', 'topics'],
    ['genre', 'genres'],
  ] as const) {
    if (ids(kind).length === 0) continue
    const rows = await db
      .selectFrom(table)
      .select(['id', 'name'])
      .where('id', 'in', ids(kind))
      .execute()
    put(kind, rows)
  }
  return out
}
