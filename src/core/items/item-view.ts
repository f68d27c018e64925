import type { Kysely } from 'kysely'
import type { ItemRef, ItemView } from '../../shared/items/types'
import type { Actor } from '../accounts/actor'
import { listAttachmentViews } from '../attachments/attachments-repo'
import { localDateKey, type Clock } from '../clock'
import type { DB } from '../db/schema'
import type { ItemRow } from '../db/tables/drafting'
import { contentOfRow } from './content'
import { liveRevisionOf } from './working-revision'
import { loadWorkCalendar } from '../calendar/load'
import { dueDateProvisional, isLate, ruleForEntry } from './due-date'
import { loadItemRow } from './items-repo'
import { canEditItems } from './permissions'
import { itemWarnings } from './warnings'
import { classificationNames } from '../catalogue/classification-names'

const REF_COLUMNS = ['id', 'kind', 'title', 'status', 'doc_number', 'validity'] as const

function toRef(r: Pick<ItemRow, (typeof REF_COLUMNS)[number]>): ItemRef {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    status: r.status,
    docNumber: r.doc_number,
    validity: r.validity,
  }
}

/** Short references to the given items, in the order given. */
async function refs(db: Kysely<DB>, ids: string[]): Promise<ItemRef[]> {
  if (ids.length === 0) return []
  const rows = await db.selectFrom('items').select(REF_COLUMNS).where('id', 'in', ids).execute()
  const byId = new Map(rows.map((r) => [r.id, toRef(r)]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}

async function names(db: Kysely<DB>, row: ItemRow) {
  const named = await classificationNames(db, {
    topicId: row.topic_id,
    genreId: row.genre_id,
    catalogueEntryId: row.catalogue_entry_id,
  })
  const users = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', [row.author_id, row.updated_by])
    .execute()
  const userName = (id: string) => users.find((u) => u.id === id)?.display_name ?? null
  return {
    topicName: named.topic,
    genreName: named.genre,
    catalogueEntryName: named.catalogueEntry,
    authorName: userName(row.author_id),
    updatedByName: userName(row.updated_by),
  }
}

/** Everything the editor shows for one item, with computed warnings and the actor's edit right. */
export async function loadItemView(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  clock: Clock,
): Promise<ItemView> {
  const row = await loadItemRow(db, id)
  const links = await db
    .selectFrom('item_links')
    .select(['policy_id', 'interpretation_id'])
    .where((eb) => eb.or([eb('policy_id', '=', id), eb('interpretation_id', '=', id)]))
    .orderBy('created_at')
    .execute()
  const policyId = links.find((l) => l.interpretation_id === id)?.policy_id
  const interpretations = await refs(
    db,
    links.filter((l) => l.policy_id === id).map((l) => l.interpretation_id),
  )
  const policy = policyId ? ((await refs(db, [policyId]))[0] ?? null) : null
  const validityBy = row.validity_by_id ? ((await refs(db, [row.validity_by_id]))[0] ?? null) : null
  const superseded = await db
    .selectFrom('items')
    .select([...REF_COLUMNS])
    .where('validity_by_id', '=', id)
    .orderBy('updated_at')
    .execute()
  const attachments = await listAttachmentViews(db, id)
  const late = isLate(row.due_date, row.published_date, localDateKey(clock()))
  const catalogueRuleUnreadable =
    row.catalogue_entry_id !== null && (await ruleForEntry(db, row.catalogue_entry_id)) === null
  // 暂定: the due date was counted through a year the holiday calendar does not know yet.
  const dueProvisional =
    row.due_date !== null &&
    dueDateProvisional(
      await loadWorkCalendar(db),
      await ruleForEntry(db, row.catalogue_entry_id),
      row.signed_date,
    )
  const view: Omit<ItemView, 'warnings'> = {
    ...contentOfRow(row),
    ...(await names(db, row)),
    id: row.id,
    indexNumber: row.index_number,
    status: row.status,
    revision: row.revision,
    contentHash: row.content_hash,
    approvedContentHash: row.approved_content_hash,
    liveRevision: liveRevisionOf(row),
    dueDate: row.due_date,
    publishedDate: row.published_date,
    late,
    interpretations,
    policy,
    validityBy,
    supersedes: superseded.map((r) => ({
      item: toRef(r),
      relation: r.validity === 'repealed' ? ('repeals' as const) : ('amends' as const),
    })),
    attachments,
    canEdit: canEditItems(actor),
    authorId: row.author_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
  return { ...view, warnings: itemWarnings({ ...view, catalogueRuleUnreadable, dueProvisional }) }
}
