import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'

const RADIUS = 40

/** Text around the first occurrence of `term` in `text` (case-insensitive), or null. */
export function around(text: string, term: string): string | null {
  const at = text.toLowerCase().indexOf(term.toLowerCase())
  if (at < 0) return null
  const start = Math.max(0, at - RADIUS)
  const end = Math.min(text.length, at + term.length + RADIUS)
  const body = text.slice(start, end).replace(/\s+/g, ' ')
  return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`
}

/**
 * Snippets for one page of results: where the first term occurs in the body text, otherwise in
 * an attachment's text (prefixed 「附件：」). Two queries for the whole page — no per-row queries.
 */
export async function pageSnippets(
  db: Kysely<DB>,
  itemIds: string[],
  terms: string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  const term = terms[0]
  if (!term || itemIds.length === 0) return out
  const bodies = await db
    .selectFrom('items')
    .select(['id', 'body_text'])
    .where('id', 'in', itemIds)
    .execute()
  for (const b of bodies) {
    const s = around(b.body_text, term)
    if (s) out.set(b.id, s)
  }
  const missing = itemIds.filter((id) => !out.has(id))
  if (missing.length === 0) return out
  const texts = await db
    .selectFrom('item_attachments as a')
    .innerJoin('attachment_blobs as b', 'b.sha256', 'a.sha256')
    .select(['a.item_id', 'a.name', 'b.text'])
    .where('a.item_id', 'in', missing)
    .where('b.text', 'is not', null)
    .execute()
  for (const t of texts) {
    if (out.has(t.item_id) || !t.text) continue
    const s = around(t.text, term)
    if (s) out.set(t.item_id, `附件「${t.name}」：${s}`)
  }
  return out
}
