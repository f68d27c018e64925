import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { DB } from '../db/schema'

export interface FtsPageQuery {
  match: string
  filters: RawBuilder<unknown>
  hasFilters: boolean
  /** The sort column (e.g. `i.updated_at`) and direction; the row id breaks ties. */
  sortColumn: string
  dir: 'ASC' | 'DESC'
  offset: number
  limit: number
}

/**
 * One page of full-text matches in the list's order, and their total. Everything stays inside
 * SQLite (no match list crosses into JavaScript). Two plans, chosen from the match count:
 * - sparse (few matches): the matches drive — each is looked up by rowid, the few are sorted;
 * - dense (many matches): walk the sort index in batches and keep rows that are in the match set,
 *   until the page is full. For a phrase in 10% of 100,000 items this reads about a thousand
 *   index entries instead of looking up and sorting ten thousand rows.
 */
export async function ftsPage(
  db: Kysely<DB>,
  q: FtsPageQuery,
): Promise<{ rids: number[]; total: number }> {
  const matchSet = sql`SELECT rowid FROM items_fts WHERE items_fts MATCH ${q.match}`
  const matches = await scalar(
    db,
    sql`SELECT count(*) AS n FROM items_fts WHERE items_fts MATCH ${q.match}`,
  )
  if (matches === 0) return { rids: [], total: 0 }
  const total = q.hasFilters
    ? await scalar(
        db,
        sql`SELECT count(*) AS n FROM items i WHERE i.rid IN (${matchSet}) AND ${q.filters}`,
      )
    : matches
  const dir = sql.raw(q.dir)
  const col = sql.raw(q.sortColumn)
  const want = q.offset + q.limit
  const population = await scalar(db, sql`SELECT coalesce(max(rid), 0) AS n FROM items`)
  // Expected index entries walked ≈ want × population / matches; lookups ≈ matches.
  if (matches * matches <= 4 * want * population) {
    const rows = await sql<{ rid: number }>`WITH m(rid) AS MATERIALIZED (${matchSet})
      SELECT i.rid FROM m CROSS JOIN items i ON i.rid = m.rid WHERE ${q.filters}
      ORDER BY ${col} ${dir}, i.rid ${dir} LIMIT ${q.limit} OFFSET ${q.offset}`.execute(db)
    return { rids: rows.rows.map((r) => r.rid), total }
  }
  const hits: number[] = []
  let batch = Math.max(500, Math.ceil((want * population) / matches) * 2)
  for (let pos = 0; hits.length < want && pos < population; pos += batch, batch *= 2) {
    const rows = await sql<{ rid: number }>`SELECT b.rid FROM (
        SELECT i.rid, ${col} AS k FROM items i WHERE ${q.filters}
        ORDER BY ${col} ${dir}, i.rid ${dir} LIMIT ${batch} OFFSET ${pos}
      ) b WHERE b.rid IN (${matchSet}) ORDER BY b.k ${dir}, b.rid ${dir}`.execute(db)
    hits.push(...rows.rows.map((r) => r.rid))
  }
  return { rids: hits.slice(q.offset, want), total }
}

async function scalar(db: Kysely<DB>, query: RawBuilder<unknown>): Promise<number> {
  const r = await (query as RawBuilder<{ n: number }>).execute(db)
  return Number(r.rows[0]?.n ?? 0)
}
