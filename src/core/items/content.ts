import type { ItemContent, SnapshotAttachment } from '../../shared/items/types'
import { canonicalJson, sha256 } from '../audit/hash'
import type { ItemRow } from '../db/tables/drafting'

/** The content of an item row (what a revision snapshots). */
export function contentOfRow(row: ItemRow): ItemContent {
  return {
    kind: row.kind,
    title: row.title,
    bodyHtml: row.body_html,
    issuer: row.issuer,
    docNumber: row.doc_number,
    signedDate: row.signed_date,
    plannedPublishDate: row.planned_publish_date,
    topicId: row.topic_id,
    genreId: row.genre_id,
    validity: row.validity,
    validityById: row.validity_by_id,
    catalogueEntryId: row.catalogue_entry_id,
  }
}

/**
 * The item row's columns of `c` but the body (the inverse of contentOfRow): what a save writes
 * beside the body and what a revision in force shows in place of the working revision's.
 */
export function contentColumns(c: ItemContent) {
  return {
    kind: c.kind,
    title: c.title,
    issuer: c.issuer,
    doc_number: c.docNumber,
    signed_date: c.signedDate,
    planned_publish_date: c.plannedPublishDate,
    topic_id: c.topicId,
    genre_id: c.genreId,
    validity: c.validity,
    validity_by_id: c.validityById,
    catalogue_entry_id: c.catalogueEntryId,
  } satisfies Partial<ItemRow>
}

/** What `contentHash` covers: the content plus the attachments (name and sha256, in order). */
export interface HashableItem {
  content: ItemContent
  attachments: readonly Pick<SnapshotAttachment, 'name' | 'sha256'>[]
}

/**
 * sha256 over canonical JSON of the title, body, every metadata field and the attachments' names
 * and hashes. The review's approval binds it and sync checks it: any change to what would be
 * published changes the hash. The 索引号 and status are not content (assigned/changed by review).
 */
export function contentHash(item: HashableItem): string {
  const c = item.content
  // Named fields, so extra properties on a view object can never change the hash.
  return sha256(
    canonicalJson({
      v: 1,
      kind: c.kind,
      title: c.title,
      bodyHtml: c.bodyHtml,
      issuer: c.issuer,
      docNumber: c.docNumber,
      signedDate: c.signedDate,
      plannedPublishDate: c.plannedPublishDate,
      topicId: c.topicId,
      genreId: c.genreId,
      validity: c.validity,
      validityById: c.validityById,
      catalogueEntryId: c.catalogueEntryId,
      attachments: item.attachments.map((a) => ({ name: a.name, sha256: a.sha256 })),
    }),
  )
}

/** A revision snapshot as stored in item_revisions.snapshot_json. */
export interface Snapshot {
  content: ItemContent
  attachments: SnapshotAttachment[]
}

/** Parses a stored snapshot. */
export function parseSnapshot(json: string): Snapshot {
  return JSON.parse(json) as Snapshot
}
