import { sql, type Kysely, type RawBuilder } from 'kysely'
import type {
  ItemSearchPage,
  ItemSearchRow,
  ItemKind,
  ItemSort,
  ItemStatus,
  Validity,
} from '../../shared/items/types'
import { localDateKey, localDayStartIso, type Clock } from '../clock'
import type { DB } from '../db/schema'
import {
  ftsMatch,
  likeContains,
  MIN_NUMBER_CHARS,
  normaliseNumberTerm,
  parseQuery,
} from './query-terms'
import { ftsPage } from './fts-page'
import { pageWarnings } from './row-warnings'
import { itemSyncStates } from '../sync/item-sync-state'
import { pageSnippets } from './snippet'
import { liveRevisionOf } from '../items/working-revision'

export interface ItemSearchInput {
  text?: string
  statuses?: ItemStatus[]
  kinds?: ItemKind[]
  topicId?: string
  genreId?: string
  validities?: Validity[]
  signedFrom?: string
  signedTo?: string
  updatedFrom?: string
  updatedTo?: string
  authorId?: string
  catalogueEntryId?: string
  late?: boolean
  sort: ItemSort
  order: 'asc' | 'desc'
  offset: number
  limit: number
}

const SORT_COLUMN: Record<ItemSort, string> = {
  updated: 'i.updated_at',
  signed: 'i.signed_date',
  title: 'i.title',
}

/** SQL for "late": due, not published by the due date (published late, or unpublished past it). */
function lateSql(today: string): RawBuilder<boolean> {
  return sql<boolean>`(i.due_date IS NOT NULL AND ((i.published_date IS NULL AND i.due_date < ${today}) OR i.published_date > i.due_date))`
}

/** The WHERE conditions of every filter except the full-text terms. */
function filterConditions(
  f: ItemSearchInput,
  today: string,
  shortTerms: string[],
): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = []
  const inList = (column: string, values: readonly string[]) =>
    sql`${sql.raw(column)} IN (${sql.join(values.map((v) => sql`${v}`))})`
  // 修订稿: an item whose approved revision stays in force matches 已通过/已同步 too.
  if (f.statuses?.length) {
    where.push(
      sql`(${inList('i.status', f.statuses)} OR ${inList("coalesce(i.live_status, '')", f.statuses)})`,
    )
  }
  if (f.kinds?.length) where.push(inList('i.kind', f.kinds))
  if (f.validities?.length) where.push(inList('i.validity', f.validities))
  if (f.topicId) {
    where.push(
      sql`(i.topic_id = ${f.topicId} OR i.topic_id IN (SELECT id FROM topics WHERE parent_id = ${f.topicId}))`,
    )
  }
  if (f.genreId) where.push(sql`i.genre_id = ${f.genreId}`)
  if (f.signedFrom) where.push(sql`i.signed_date >= ${f.signedFrom}`)
  if (f.signedTo) where.push(sql`i.signed_date <= ${f.signedTo}`)
  if (f.updatedFrom) where.push(sql`i.updated_at >= ${localDayStartIso(f.updatedFrom)}`)
  if (f.updatedTo) where.push(sql`i.updated_at < ${localDayStartIso(f.updatedTo, 1)}`)
  if (f.authorId) where.push(sql`i.author_id = ${f.authorId}`)
  if (f.catalogueEntryId) where.push(sql`i.catalogue_entry_id = ${f.catalogueEntryId}`)
  if (f.late === true) where.push(lateSql(today))
  if (f.late === false) where.push(sql`NOT ${lateSql(today)}`)
  for (const term of shortTerms) {
    where.push(
      [...term].length >= MIN_NUMBER_CHARS
        ? sql`(i.title LIKE ${likeContains(term)} ESCAPE '\\' OR ${numberLike(term)})`
        : sql`i.title LIKE ${likeContains(term)} ESCAPE '\\'`,
    )
  }
  return where
}

/** The 发文字号 or the 索引号 contains `term` (exactly or as a fragment, brackets normalised). */
function numberLike(term: string): RawBuilder<unknown> {
  const pattern = likeContains(normaliseNumberTerm(term))
  return sql`(i.doc_number LIKE ${pattern} ESCAPE '\\' OR coalesce(i.index_number, '') LIKE ${pattern} ESCAPE '\\')`
}

/**
 * Full-text terms that also occur in some 发文字号 or 索引号 (issue 10: 「淄高新管发〔2024〕3号」 found
 * nothing — the numbers are not in the text index). Such a term matches an item whose text
 * contains it OR whose number does; the others stay plain full-text phrases.
 */
async function numberTerms(db: Kysely<DB>, terms: string[]): Promise<Set<string>> {
  const found = new Set<string>()
  for (const term of terms) {
    const hit = await sql<{
      one: number
    }>`SELECT 1 AS one FROM items i WHERE ${numberLike(term)} LIMIT 1`.execute(db)
    if (hit.rows.length > 0) found.add(term)
  }
  return found
}

const and = (conds: RawBuilder<unknown>[]) =>
  conds.length === 0 ? sql`1` : sql.join(conds, sql` AND `)

interface RawRow {
  id: string
  kind: ItemKind
  title: string
  status: ItemStatus
  validity: Validity
  doc_number: string
  index_number: string | null
  signed_date: string | null
  due_date: string | null
  late: number
  author_name: string | null
  updated_at: string
  catalogue_entry_id: string | null
  topic_id: string | null
  revision: number
  live_revision: number | null
  live_status: 'approved' | 'synced' | null
}

/**
 * One page of the item list with its total. Full-text terms (≥ 3 characters) use the trigram
 * index; shorter terms match titles with LIKE (trigram cannot match them; see README). Sorted by
 * last change, 成文日期 or title, with the row id as tie-breaker so pages never overlap.
 */
export async function searchItems(
  db: Kysely<DB>,
  f: ItemSearchInput,
  clock: Clock,
): Promise<ItemSearchPage> {
  const today = localDateKey(clock())
  const parsed = parseQuery(f.text)
  const { shortTerms } = parsed
  const byNumber = await numberTerms(db, parsed.ftsTerms)
  const ftsTerms = parsed.ftsTerms.filter((t) => !byNumber.has(t))
  const filters = filterConditions(f, today, shortTerms)
  for (const term of byNumber) {
    filters.push(
      sql`(i.rid IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ${ftsMatch([term])}) OR ${numberLike(term)})`,
    )
  }
  const dir = sql.raw(f.order === 'asc' ? 'ASC' : 'DESC')
  const orderBy = sql`${sql.raw(SORT_COLUMN[f.sort])} ${dir}, i.rid ${dir}`
  const columns = sql`i.id, i.kind, i.title, i.status, i.validity, i.doc_number, i.index_number,
    i.signed_date, i.due_date, ${lateSql(today)} AS late, u.display_name AS author_name,
    i.updated_at, i.catalogue_entry_id, i.topic_id, i.revision, i.live_revision, i.live_status`
  const page = sql`ORDER BY ${orderBy} LIMIT ${f.limit} OFFSET ${f.offset}`

  let rows: RawRow[]
  let total: number
  if (ftsTerms.length === 0) {
    const where = and(filters)
    rows = (
      await sql<RawRow>`SELECT ${columns} FROM items i LEFT JOIN users u ON u.id = i.author_id
        WHERE ${where} ${page}`.execute(db)
    ).rows
    total = await count(db, sql`SELECT count(*) AS n FROM items i WHERE ${where}`)
  } else {
    const { rids, total: matches } = await ftsPage(db, {
      match: ftsMatch(ftsTerms),
      filters: and(filters),
      hasFilters: filters.length > 0,
      sortColumn: SORT_COLUMN[f.sort],
      dir: f.order === 'asc' ? 'ASC' : 'DESC',
      offset: f.offset,
      limit: f.limit,
    })
    total = matches
    rows =
      rids.length === 0
        ? []
        : (
            await sql<RawRow>`SELECT ${columns} FROM items i LEFT JOIN users u ON u.id = i.author_id
              WHERE i.rid IN (${sql.join(rids.map((r) => sql`${r}`))}) ORDER BY ${orderBy}`.execute(
              db,
            )
          ).rows
  }

  const terms = [...parsed.ftsTerms, ...shortTerms]
  const snippets = await pageSnippets(
    db,
    rows.map((r) => r.id),
    terms,
  )
  const textMode: ItemSearchPage['textMode'] =
    terms.length === 0
      ? 'none'
      : shortTerms.length === 0
        ? 'fts'
        : parsed.ftsTerms.length === 0
          ? 'title-like'
          : 'mixed'
  const list = rows.map((r) => toRow(r, snippets.get(r.id) ?? null))
  const warnings = await pageWarnings(db, list)
  for (const row of list) row.warnings = warnings.get(row.id) ?? []
  const syncStates = await itemSyncStates(
    db,
    list.map((r) => r.id),
  )
  for (const row of list) row.syncState = syncStates.get(row.id) ?? null
  return { rows: list, total, textMode }
}

async function count(db: Kysely<DB>, query: RawBuilder<unknown>): Promise<number> {
  const result = await (query as RawBuilder<{ n: number }>).execute(db)
  return Number(result.rows[0]?.n ?? 0)
}

function toRow(r: RawRow, snippet: string | null): ItemSearchRow {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    status: r.status,
    validity: r.validity,
    docNumber: r.doc_number,
    indexNumber: r.index_number,
    signedDate: r.signed_date,
    dueDate: r.due_date,
    late: Boolean(r.late),
    authorName: r.author_name,
    updatedAt: r.updated_at,
    catalogueEntryId: r.catalogue_entry_id,
    topicId: r.topic_id,
    snippet,
    revision: r.revision,
    liveRevision: liveRevisionOf({
      status: r.status,
      live_revision: r.live_revision,
      live_status: r.live_status,
    }),
  }
}

/** Users who authored items, for the author filter. */
export async function listItemAuthors(
  db: Kysely<DB>,
): Promise<{ id: string; displayName: string }[]> {
  const rows = await db
    .selectFrom('users as u')
    .select(['u.id', 'u.display_name'])
    .where((eb) =>
      eb.exists(eb.selectFrom('items as i').select('i.id').whereRef('i.author_id', '=', 'u.id')),
    )
    .orderBy('u.display_name')
    .execute()
  return rows.map((r) => ({ id: r.id, displayName: r.display_name }))
}
