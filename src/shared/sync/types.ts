/**
 * Sync with the district's central server (区级同步): the types and schemas that cross the IPC
 * boundary (schemas in ./schemas.ts). Codes are English; their Chinese labels live in ./labels.ts.
 */

/**
 * An item's sync state as the item list's badge shows it: 待同步 (queued), 已送达 (the district
 * received the approved revision), 已同步 (published by the district), 冲突 (the server holds
 * something newer or different), 失败 (rejected), 区级退回 (returned by the district), 已撤回
 * (the withdrawal reached the district).
 */
export const ITEM_SYNC_STATES = [
  'pending',
  'delivered',
  'published',
  'conflict',
  'failed',
  'returned',
  'withdrawn',
] as const
export type ItemSyncState = (typeof ITEM_SYNC_STATES)[number]

/** What an outbox entry asks the server to do. */
export const SYNC_OPS = ['upsert', 'withdraw'] as const
export type SyncOp = (typeof SYNC_OPS)[number]

/** The sync connection as the settings page shows it. The token itself never leaves core. */
export interface SyncSettingsView {
  /** The district server's base URL (e.g. `https://sync.example.gov.cn`), null when not set. */
  serverUrl: string | null
  tokenSet: boolean
  /** The token's last 4 characters, to tell tokens apart; null when no token is set. */
  tokenHint: string | null
  /** URL and token are both set: the worker runs. */
  configured: boolean
}

/** What the sync worker is doing right now, for the 同步 page (polled ~1 s while running). */
export interface SyncStatus {
  configured: boolean
  running: boolean
  phase: 'idle' | 'sending' | 'receiving'
  /** Entries handled / to handle in the current run; null when idle. */
  progress: { done: number; total: number } | null
  lastSuccessAt: string | null
  lastRunAt: string | null
  /** The last run's problem in Chinese (network, server, token); null when it went well. */
  lastError: string | null
  /** The token was refused (401): the worker waits until it is changed or 立即同步 is pressed. */
  authFailed: boolean
  /** When the worker will try again on its own; null when it has nothing planned. */
  nextRunAt: string | null
  counts: { pending: number; failed: number; conflict: number; tampered: number }
  /** The newest audit-chain head the district acknowledged (审计锚点), null before the first. */
  lastAnchor: { seq: number; at: string } | null
  /** The district refused this desk's audit-chain head: the local chain may have been rewritten. */
  anchorProblem: string | null
  /** Each sync extension's last outcome (schedule, reports …), by its Chinese label. */
  extensions: SyncExtensionStatus[]
  /** Attachment files of the current / last run's uploads (protocol v2), per file. */
  uploads?: SyncUploadView[]
  /**
   * 补传附件: files of items the district already holds (sent under protocol v1, or before the
   * file could be uploaded) that the last such run uploaded; the run's own while it lasts. Null
   * when there never was one.
   */
  backfill?: SyncBackfillView | null
}

/** One run's 补传附件 figures (core/sync/backfill.ts). */
export interface SyncBackfillView {
  at: string
  /** Items the district held without all their files. */
  items: number
  /** Files the district lacked. */
  files: number
  uploaded: number
  failed: number
  /** Files of the items the district holds still not there after the run (refused, to resume). */
  remaining: number
}

/** One attachment file being uploaded (or just uploaded) to the district, for the 同步 page. */
export interface SyncUploadView {
  sha256: string
  name: string
  size: number
  sentBytes: number
  state: 'uploading' | 'done' | 'failed'
  /** Why it failed, or a note (区级服务器已有该文件); Chinese. */
  message: string | null
  /** 补传: a file of an item the district already holds (sent before the file could be). */
  backfill?: boolean
}

/** How a sync extension (a domain's part of the run, after the items) last ended. */
export interface SyncExtensionStatus {
  name: string
  /** Chinese, e.g. 工作配档表. */
  label: string
  ok: boolean
  /** Why it failed (Chinese); null when it went well. */
  message: string | null
  /** What the department should know although it went well (Chinese), e.g. a calendar difference. */
  notice: string | null
  at: string
}

/** One outbox entry with its item's title, for the 同步 page's lists. */
export interface SyncEntryView {
  seq: number
  itemId: string
  title: string
  op: SyncOp
  revision: number
  state: 'pending' | 'sent' | 'conflict' | 'failed'
  attempts: number
  /** Why it is still waiting, failed or conflicts (Chinese). */
  message: string | null
  nextAttemptAt: string | null
  createdAt: string
  sentAt: string | null
  /**
   * The approved revision stored on this desk no longer hashes to what the approval bound (changed
   * after approval, outside the app): sync refused to send it.
   */
  tampered: boolean
  /**
   * 修订稿: the item's two states now, 「已通过 第 3 版 · 修订中 第 4 版」 (the label table's text),
   * when its approved revision stays in force beside a working revision; null otherwise.
   */
  revisionState: string | null
}

/** An item the district has received, published, returned or acknowledged as withdrawn. */
export interface SyncedItemView {
  itemId: string
  title: string
  state: ItemSyncState
  revision: number
  publishedUrl: string | null
  publishedDate: string | null
  /** The district's reason for returning the item (shown to the officer). */
  returnedReason: string | null
  at: string
  /** As in SyncEntryView: 「已通过 第 3 版 · 修订中 第 4 版」 while a 修订稿 exists, else null. */
  revisionState: string | null
}

/** Everything the 同步 page lists. */
export interface SyncOverview {
  status: SyncStatus
  pending: SyncEntryView[]
  failed: SyncEntryView[]
  conflicts: SyncEntryView[]
  /** Newest first, at most 50. */
  recent: SyncedItemView[]
}

/** The answer of 「测试连接」, in Chinese. */
export interface ConnectionTestResult {
  ok: boolean
  /** The server answered /health. */
  reachable: boolean
  /** The token was accepted; null when not checked (server unreachable or no token). */
  tokenAccepted: boolean | null
  message: string
}
