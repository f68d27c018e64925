import type { ItemSyncState } from '../sync/types'

/**
 * Disclosure items (公开信息条目): the enum codes and the view types that cross the IPC boundary.
 * Codes are English; their Chinese labels live in labels.ts (architecture doc, principle 11).
 */

/** What kind of disclosure an item is. */
export const ITEM_KINDS = [
  'policy',
  'interpretation',
  'notice',
  'news',
  'data',
  'consultation',
  'permit',
  'penalty',
  'enforcement',
  'other',
] as const
export type ItemKind = (typeof ITEM_KINDS)[number]

/** 有效性: valid, expired (失效), repealed (废止), amended (已修改). */
export const VALIDITIES = ['valid', 'expired', 'repealed', 'amended'] as const
export type Validity = (typeof VALIDITIES)[number]

/** Validities an officer sets directly; `repealed`/`amended` come from 立改废 with a link. */
export const PLAIN_VALIDITIES = ['valid', 'expired'] as const satisfies readonly Validity[]

/** Lifecycle: 草稿 → 待审查 → 退回修改 / 已通过 → 已同步 → 已撤回. Drafting only creates drafts. */
export const ITEM_STATUSES = [
  'draft',
  'pending_review',
  'returned',
  'approved',
  'synced',
  'withdrawn',
] as const
export type ItemStatus = (typeof ITEM_STATUSES)[number]

/** Why a revision exists. */
export const REVISION_KINDS = [
  'create',
  'save',
  'autosave',
  'import',
  'restore',
  'attachment',
  'validity',
] as const
export type RevisionKind = (typeof REVISION_KINDS)[number]

/** How `items:search` orders rows. */
export const ITEM_SORTS = ['updated', 'signed', 'title'] as const
export type ItemSort = (typeof ITEM_SORTS)[number]

/** 「无文号」: allowed in place of a 发文字号. */
export const NO_DOC_NUMBER = '无文号'

/** A short reference to another item (links, 立改废). */
export interface ItemRef {
  id: string
  kind: ItemKind
  title: string
  status: ItemStatus
  docNumber: string
  validity: Validity
}

/** The editable content of an item: what a revision snapshots and `contentHash` covers. */
export interface ItemContent {
  kind: ItemKind
  title: string
  /** Sanitised HTML (strict allowlist; see core/html/sanitise). */
  bodyHtml: string
  /** 发文机关. */
  issuer: string
  /** 发文字号, e.g. 淄高新管办字〔2023〕12号, 「无文号」, or '' while not filled in. */
  docNumber: string
  /** 成文日期, YYYY-MM-DD. */
  signedDate: string | null
  /** 拟发布日期, YYYY-MM-DD. */
  plannedPublishDate: string | null
  /** 主题分类: a first- or second-level topic id. */
  topicId: string | null
  /** 体裁分类. */
  genreId: string | null
  validity: Validity
  /** The item that amended/repealed this one (set with validity amended/repealed). */
  validityById: string | null
  /** 主动公开事项目录 entry this item falls under. */
  catalogueEntryId: string | null
}

/** An attachment reference as shown with its item. */
export interface AttachmentView {
  id: string
  itemId: string
  /** The cleaned original file name. */
  name: string
  /** Lower-case extension without the dot, e.g. `pdf`. */
  ext: string
  sizeBytes: number
  sha256: string
  /** `ok`: text extracted for search and scanning; `none`: a format without text (images, zip…); `failed`: see `textWarning`. */
  textStatus: 'ok' | 'none' | 'failed'
  textWarning: string | null
  addedAt: string
  addedByName: string | null
}

/** Everything the editor shows for one item. */
export interface ItemView extends ItemContent {
  id: string
  /** 索引号; null until approval assigns it (shown as INDEX_NUMBER_PENDING_LABEL). */
  indexNumber: string | null
  status: ItemStatus
  /** The current revision number; pass it back as `baseRevision` when saving. */
  revision: number
  /** sha256 of the current content (see contentHash in core). */
  contentHash: string
  /** The content hash the approval bound; null for drafts and after any edit. */
  approvedContentHash: string | null
  /**
   * 修订稿: the approved revision still in force (it syncs, the district publishes it) while this
   * item's current revision is a working revision (草稿/待审查/退回修改); null otherwise.
   */
  liveRevision: LiveRevision | null
  /** Due date from the catalogue entry's 时限 and 成文日期 (YYYY-MM-DD), null when none applies. */
  dueDate: string | null
  /** Set by sync when the item went public (YYYY-MM-DD). */
  publishedDate: string | null
  /** Not published by the due date (compared with today). */
  late: boolean
  topicName: string | null
  genreName: string | null
  catalogueEntryName: string | null
  /** For a policy: its interpretations. */
  interpretations: ItemRef[]
  /** For an interpretation: the policy it explains. */
  policy: ItemRef | null
  /** The item that amended/repealed this one. */
  validityBy: ItemRef | null
  /** Items this one amended or repealed (立改废), with what it did to them. */
  supersedes: { item: ItemRef; relation: 'amends' | 'repeals' }[]
  attachments: AttachmentView[]
  /** Chinese warnings the officer should see (missing interpretation, late, extraction failures…). */
  warnings: string[]
  /** Whether the acting user may edit this item. */
  canEdit: boolean
  authorId: string
  authorName: string | null
  updatedByName: string | null
  createdAt: string
  updatedAt: string
}

/** The approved revision that stays in force while an item's current revision is a 修订稿. */
export interface LiveRevision {
  revision: number
  /** 已通过 (approved, maybe not yet sent) or 已同步 (the district has published it). */
  status: 'approved' | 'synced'
}

/** One row of the item list. */
export interface ItemSearchRow {
  id: string
  kind: ItemKind
  title: string
  status: ItemStatus
  validity: Validity
  docNumber: string
  indexNumber: string | null
  signedDate: string | null
  dueDate: string | null
  late: boolean
  authorName: string | null
  updatedAt: string
  catalogueEntryId: string | null
  topicId: string | null
  /** Plain-text context around the first match of the query (title, body or an attachment). */
  snippet: string | null
  /**
   * The item's warnings as in `ItemView.warnings` (e.g. a policy without its interpretation), for
   * the list's warning icon. Optional: the list shows no icon while core does not fill it.
   */
  warnings?: string[]
  /** The sync badge (待同步/已送达/已同步/冲突/失败…); null/absent when never queued for sync. */
  syncState?: ItemSyncState | null
  /** The current revision (the working one when `liveRevision` is set). */
  revision: number
  /** 修订稿: the approved revision still in force (see ItemView.liveRevision). */
  liveRevision: LiveRevision | null
}

/**
 * A page of search results. `textMode`: `fts` full-text (terms ≥ 3 characters), `title-like` a
 * substring match on titles only (every term shorter than 3 characters: trigram needs 3), `none`.
 */
export interface ItemSearchPage {
  rows: ItemSearchRow[]
  total: number
  textMode: 'fts' | 'title-like' | 'mixed' | 'none'
}

/** One entry of an item's revision list. */
export interface RevisionSummary {
  revision: number
  kind: RevisionKind
  title: string
  contentHash: string
  authorId: string
  authorName: string | null
  createdAt: string
  /** Later than createdAt when autosaves were coalesced into this revision. */
  updatedAt: string
}

/** An attachment as recorded in a revision snapshot. */
export interface SnapshotAttachment {
  name: string
  sha256: string
  sizeBytes: number
}

/** One full revision snapshot. */
export interface RevisionView extends RevisionSummary {
  itemId: string
  content: ItemContent
  attachments: SnapshotAttachment[]
}

/** A piece of a changed line: unchanged, added or removed text (character-level). */
export interface DiffPart {
  text: string
  op: 'same' | 'added' | 'removed'
}

/** One row of a side-by-side body diff; line numbers are 1-based paragraph numbers. */
export interface DiffRow {
  op: 'same' | 'added' | 'removed' | 'changed'
  left: string | null
  right: string | null
  leftNo: number | null
  rightNo: number | null
  /** For `changed` rows: character-level parts of each side. */
  leftParts?: DiffPart[]
  rightParts?: DiffPart[]
}

/** A changed metadata field between two revisions; values are display text. */
export interface FieldChange {
  field: keyof ItemContent | 'attachments'
  label: string
  before: string
  after: string
}

/** The difference between two revisions of one item, computed in core. */
export interface ItemDiff {
  itemId: string
  from: number
  to: number
  fields: FieldChange[]
  body: DiffRow[]
  /** True when bodies are identical. */
  bodySame: boolean
}

/** Result of adding an attachment. */
export interface AttachmentAddResult {
  item: ItemView
  attachment: AttachmentView
  /** e.g. 「附件已保存，但无法提取文字…」 — the attachment is kept. */
  warnings: string[]
  /** True when an identical file was already stored (kept once). */
  deduplicated: boolean
}

/** A user who authored items (the search page's author filter). */
export interface ItemAuthor {
  id: string
  displayName: string
}
