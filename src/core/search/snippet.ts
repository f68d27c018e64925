import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'

/**
 * Characters kept before and after the match. The list shows a snippet on one truncated line, so
 * the match sits near its start (a long lead pushed it past the line's end: issue 10, 「摘要停在
 * 关键词之前」) and the text after it fills the rest.
 */
const LEAD = 14
const TAIL = 56
/** A long attachment name is shortened in the snippet's 「附件「…」：」 prefix. */
const NAME_CHARS = 16

/**
 * Text around the earliest occurrence of any of `terms` in `text` (case-insensitive), centred on
 * the matched words: a little before, the match, then what follows. Null when none occurs.
 */
export function around(text: string, terms: readonly string[]): string | null {
  const lower = text.toLowerCase()
  let at = -1
  let length = 0
  for (const term of terms) {
    const i = lower.indexOf(term.toLowerCase())
    if (i >= 0 && (at < 0 || i < at)) {
      at = i
      length = term.length
    }
  }
  if (at < 0) return null
  // Start at a word boundary close to LEAD characters before, not in the middle of a sentence's
  // punctuation: after the last sentence break within the lead, if any.
  let start = Math.max(0, at - LEAD)
  const lead = text.slice(start, at)
  const breakAt = Math.max(...['。', '；', '\n', '！', '？'].map((p) => lead.lastIndexOf(p)))
  if (breakAt >= 0) start += breakAt + 1
  const end = Math.min(text.length, at + length + TAIL)
  const body = text.slice(start, end).replace(/\s+/g, ' ').trim()
  return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`
}

/** 「很长的附件文件名称.pdf」 → 「很长的附件文件名…pdf」 */
function shortName(name: string): string {
  if ([...name].length <= NAME_CHARS) return name
  const dot = name.lastIndexOf('.')
  const ext = dot > 0 && name.length - dot <= 6 ? name.slice(dot + 1) : ''
  return `${[...name].slice(0, NAME_CHARS - ext.length - 1).join('')}…${ext}`
}

/**
 * Snippets for one page of results: where a term first occurs in the body text, otherwise in an
 * attachment's text (prefixed 「附件「名称」：」). Two queries for the whole page — no per-row queries.
 */
export async function pageSnippets(
  db: Kysely<DB>,
  itemIds: string[],
  terms: string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  if (terms.length === 0 || itemIds.length === 0) return out
  const bodies = await db
    .selectFrom('items')
    .select(['id', 'body_text'])
    .where('id', 'in', itemIds)
    .execute()
  for (const b of bodies) {
    const s = around(b.body_text, terms)
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
    .orderBy('a.position')
    .execute()
  for (const t of texts) {
    if (out.has(t.item_id) || !t.text) continue
    const s = around(t.text, terms)
    if (s) out.set(t.item_id, `附件「${shortName(t.name)}」：${s}`)
  }
  return out
}
