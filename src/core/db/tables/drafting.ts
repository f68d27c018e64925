import type { Generated, Selectable } from 'kysely'
import type { ItemKind, ItemStatus, RevisionKind, Validity } from '../../../shared/items/types'

/** `topics`: 主题分类, two levels (parent_id null = first level); builtin = seeded national list. */
export interface TopicsTable {
  id: string
  parent_id: string | null
  name: string
  position: number
  builtin: number
  created_at: string
}

/** `genres`: 体裁分类. */
export interface GenresTable {
  id: string
  name: string
  position: number
  builtin: number
  created_at: string
}

/** `catalogue_entries`: 主动公开事项目录, one row per entry; rule_* is the parsed 公开时限. */
export interface CatalogueEntriesTable {
  id: string
  seq: number
  level1: string
  level2: string
  content: string
  basis: string
  time_limit: string
  subject: string
  channels: string
  audience: string
  method: string
  level: string
  rule_unit: 'workday' | 'day' | null
  rule_count: number | null
  created_at: string
  updated_at: string
}
export type CatalogueEntryRow = Selectable<CatalogueEntriesTable>

/** `items`: the current state of each disclosure item; history is in item_revisions. */
export interface ItemsTable {
  rid: Generated<number>
  id: string
  kind: ItemKind
  title: string
  body_html: string
  /** Plain text of body_html, one block per line (search, snippets, diff). */
  body_text: string
  issuer: string
  doc_number: string
  signed_date: string | null
  planned_publish_date: string | null
  published_date: string | null
  topic_id: string | null
  genre_id: string | null
  validity: Validity
  validity_by_id: string | null
  catalogue_entry_id: string | null
  due_date: string | null
  index_number: string | null
  index_year: number | null
  index_seq: number | null
  status: ItemStatus
  approved_content_hash: string | null
  content_hash: string
  revision: number
  /**
   * 修订稿 (migration 0110): the approved revision still in force (it syncs, the district publishes
   * it) while `revision` is a working revision under 草稿/待审查/退回修改; null otherwise.
   */
  live_revision: number | null
  /** 'approved' or 'synced' of `live_revision`. */
  live_status: 'approved' | 'synced' | null
  /** The content hash the approval of `live_revision` bound. */
  live_content_hash: string | null
  author_id: string
  updated_by: string
  created_at: string
  updated_at: string
}
export type ItemRow = Selectable<ItemsTable>

/** `item_revisions`: one snapshot per revision (autosaves coalesce into an open one). */
export interface ItemRevisionsTable {
  item_id: string
  revision: number
  kind: RevisionKind
  /** JSON of { content: ItemContent, attachments: SnapshotAttachment[] }. */
  snapshot_json: string
  content_hash: string
  author_id: string
  author_name: string | null
  created_at: string
  updated_at: string
}
export type ItemRevisionRow = Selectable<ItemRevisionsTable>

/** `item_links`: policy ↔ interpretation (an interpretation explains one policy). */
export interface ItemLinksTable {
  policy_id: string
  interpretation_id: string
  created_at: string
}

/** `attachment_blobs`: one row per stored file content (sha256), with its extracted text. */
export interface AttachmentBlobsTable {
  sha256: string
  size_bytes: number
  text: string | null
  text_status: 'ok' | 'none' | 'failed'
  text_warning: string | null
  created_at: string
}

/** `item_attachments`: an item's reference to a blob under a cleaned original name. */
export interface ItemAttachmentsTable {
  id: string
  item_id: string
  sha256: string
  name: string
  ext: string
  position: number
  added_by: string | null
  added_at: string
}

/** `index_sequences`: the last 索引号 sequence handed out per year. */
export interface IndexSequencesTable {
  year: number
  last_seq: number
}
