import type { Kysely } from 'kysely'
import type { AttachmentView, ItemRef, ItemSearchRow } from '../../shared/items/types'
import type { DB } from '../db/schema'
import { itemWarnings } from '../items/warnings'

type Row = Omit<ItemSearchRow, 'snippet' | 'warnings'>

/**
 * The warnings of a page of rows, exactly as the item view computes them (core/items/warnings),
 * from three queries for the whole page: links, failed attachment extractions, unreadable 时限.
 */
export async function pageWarnings(db: Kysely<DB>, rows: Row[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>()
  if (rows.length === 0) return out
  const ids = rows.map((r) => r.id)
  const links = await db
    .selectFrom('item_links')
    .select(['policy_id', 'interpretation_id'])
    .where((eb) => eb.or([eb('policy_id', 'in', ids), eb('interpretation_id', 'in', ids)]))
    .execute()
  const failed = await db
    .selectFrom('item_attachments as a')
    .innerJoin('attachment_blobs as b', 'b.sha256', 'a.sha256')
    .select(['a.item_id', 'a.name', 'b.text_warning'])
    .where('a.item_id', 'in', ids)
    .where('b.text_status', '=', 'failed')
    .execute()
  const entryIds = [...new Set(rows.flatMap((r) => r.catalogueEntryId ?? []))]
  const unreadable = new Set(
    entryIds.length === 0
      ? []
      : (
          await db
            .selectFrom('catalogue_entries')
            .select('id')
            .where('id', 'in', entryIds)
            .where('rule_unit', 'is', null)
            .where('time_limit', '!=', '')
            .execute()
        ).map((e) => e.id),
  )
  // Only presence matters for the warnings, so a placeholder reference stands in for the link.
  const ref = {} as ItemRef
  for (const r of rows) {
    const attachments = failed
      .filter((f) => f.item_id === r.id)
      .map(
        (f) =>
          ({ name: f.name, textStatus: 'failed', textWarning: f.text_warning }) as AttachmentView,
      )
    out.set(
      r.id,
      itemWarnings({
        kind: r.kind,
        docNumber: r.docNumber,
        signedDate: r.signedDate,
        dueDate: r.dueDate,
        late: r.late,
        status: r.status,
        interpretations: links.filter((l) => l.policy_id === r.id).map(() => ref),
        policy: links.some((l) => l.interpretation_id === r.id) ? ref : null,
        attachments,
        catalogueRuleUnreadable: r.catalogueEntryId !== null && unreadable.has(r.catalogueEntryId),
      }),
    )
  }
  return out
}
