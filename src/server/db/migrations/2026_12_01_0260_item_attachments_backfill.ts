import { sql, type Kysely } from 'kysely'

interface AtThisMigration {
  items: { id: string; item_json: string }
  item_attachments: {
    item_id: string
    position: number
    sha256: string
    name: string
    size: number
  }
}

/** Items read per round: bounded memory however many items the district holds. */
const PAGE = 500
const SHA256 = /^[0-9a-f]{64}$/

/** The `attachments` of a stored item's JSON, only the well-formed ones (as intake validated them). */
function attachmentsOf(itemJson: string): { name: string; sha256: string; size: number }[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(itemJson)
  } catch {
    return []
  }
  const list = (parsed as { attachments?: unknown } | null)?.attachments
  if (!Array.isArray(list)) return []
  return list.flatMap((a: unknown) => {
    const { name, sha256, size } = (a ?? {}) as Record<string, unknown>
    return typeof name === 'string' &&
      typeof sha256 === 'string' &&
      SHA256.test(sha256) &&
      typeof size === 'number' &&
      Number.isSafeInteger(size) &&
      size >= 0
      ? [{ name, sha256, size }]
      : []
  })
}

/**
 * Items received before migration 0210 named their files in `item_json` only: 0210 created
 * `item_attachments` empty, so such an item counted as complete (never 附件未到齐) and could be
 * published without its files; an `unchanged` re-send did not fill it either (intake now does).
 * This fills `item_attachments` from the latest revision's `items.item_json` for every item that
 * has no rows yet — exactly what intake records for a pushed revision. Items are read in pages by
 * id, so a large district never holds all item JSON in memory.
 */
export async function up(raw: Kysely<unknown>): Promise<void> {
  // The two tables as they are at this migration (not the current schema.ts types).
  const db = raw as Kysely<AtThisMigration>
  let after = ''
  for (;;) {
    const rows = await sql<{ id: string; item_json: string }>`
      select i.id, i.item_json from items i
      where i.id > ${after}
        and not exists (select 1 from item_attachments a where a.item_id = i.id)
      order by i.id
      limit ${PAGE}
    `.execute(db)
    if (rows.rows.length === 0) return
    for (const row of rows.rows) {
      const files = attachmentsOf(row.item_json)
      if (files.length === 0) continue
      await db
        .insertInto('item_attachments')
        .values(
          files.map((f, position) => ({
            item_id: row.id,
            position,
            sha256: f.sha256,
            name: f.name,
            size: f.size,
          })),
        )
        .execute()
    }
    after = rows.rows.at(-1)!.id
  }
}
