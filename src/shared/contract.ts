import type { z } from 'zod'
import * as s from './schemas'
import { calendarContract } from './calendar/contract'
import { accountsContract } from './accounts/contract'
import * as d from './drafting-schemas'
import { scheduleContract } from './schedule/contract'
import { activitiesContract } from './activities/contract'
import { requestsContract } from './requests/contract'
import { homeContract } from './home/contract'
import type {
  CatalogueEntry,
  CatalogueExportResult,
  CatalogueImportResult,
  DraftingSettings,
  Genre,
  Taxonomy,
  TopicNode,
} from './catalogue'
import type {
  AttachmentAddResult,
  AttachmentView,
  ItemAuthor,
  ItemDiff,
  ItemSearchPage,
  ItemView,
  RevisionSummary,
  RevisionView,
} from './items'
import type {
  AppSettings,
  AppState,
  AuditPage,
  AuditVerifyResult,
  BackupInfo,
  RestorePreview,
  RestoreResult,
  SessionInfo,
  UserView,
} from './types'
import type { Result } from './result'
import * as y from './sync'
import type { ConnectionTestResult, SyncOverview, SyncSettingsView, SyncStatus } from './sync'
import * as r from './review'
import type {
  ChecklistVersion,
  KeywordImportResult,
  RecordExportResult,
  ReviewChain,
  ReviewKeyword,
  ReviewQueueRow,
  ReviewScanResult,
  ReviewView,
} from './review'
import { out } from './channel-output'

/**
 * The one IPC contract (architecture doc, principle 3): channel (`domain:verb`) → input schema and
 * output type. The preload API, the main wrapper, the renderer client and the e2e harness are all
 * built from it.
 */
export const contract = {
  'app:state': { input: s.empty, output: out<AppState>() },
  'setup:complete': { input: s.setupSchema, output: out<SessionInfo>() },

  'auth:login': { input: s.loginSchema, output: out<SessionInfo>() },
  'auth:logout': { input: s.empty, output: out<null>() },
  'auth:lock': { input: s.empty, output: out<null>() },
  'auth:unlock': {
    input: s.loginSchema.pick({ password: true }).strict(),
    output: out<SessionInfo>(),
  },
  'auth:change-password': { input: s.changePasswordSchema, output: out<null>() },
  ...accountsContract,
  ...homeContract,

  'users:list': { input: s.empty, output: out<UserView[]>() },
  'users:create': { input: s.createUserSchema, output: out<UserView>() },
  'users:update': { input: s.updateUserSchema, output: out<UserView>() },
  'users:reset-password': { input: s.resetPasswordSchema, output: out<null>() },
  /** Administrators only: unlock an account locked after too many wrong passwords. */
  'users:unlock': { input: s.userIdSchema, output: out<null>() },

  'audit:list': { input: s.auditFilterSchema, output: out<AuditPage>() },
  'audit:verify': { input: s.empty, output: out<AuditVerifyResult>() },

  'settings:get': { input: s.empty, output: out<AppSettings>() },
  'settings:update': { input: s.settingsPatchSchema, output: out<AppSettings>() },

  /** Asks the user for a target file (save dialog); `null` when they cancel. */
  'backup:create': { input: s.empty, output: out<BackupInfo | null>() },
  'backup:list': { input: s.empty, output: out<BackupInfo[]>() },
  /** Chooses a backup (or takes one from the list) and previews it; `null` when the user cancels. */
  'backup:inspect': { input: s.inspectBackupSchema, output: out<RestorePreview | null>() },
  /** Restores, keeping the current database aside first; `null` when the user cancels. */
  'backup:restore': { input: s.restoreSchema, output: out<RestoreResult | null>() },

  /** Opens an http(s) link in the system browser after the user confirms. */
  'shell:open-external': { input: s.openExternalSchema, output: out<boolean>() },

  // ── Drafting (起草): items, revisions, attachments, catalogue, taxonomy ──────────────────────
  /** Creates (no id) or saves a new revision (id + baseRevision; stale → CONFLICT). Officers only. */
  'items:save': { input: d.itemSaveSchema, output: out<ItemView>() },
  /**
   * Called every few seconds while typing: coalesces into the user's open autosave revision
   * (see core/items/README.md); unchanged content writes nothing. Creates the item when no id.
   */
  'items:autosave': { input: d.itemAutosaveSchema, output: out<ItemView>() },
  'items:get': { input: d.itemIdSchema, output: out<ItemView>() },
  'items:search': { input: d.itemSearchSchema, output: out<ItemSearchPage>() },
  /** Authors of items, for the author filter. */
  'items:authors': { input: s.empty, output: out<ItemAuthor[]>() },
  /** Newest first. */
  'items:revisions': { input: d.itemIdSchema, output: out<RevisionSummary[]>() },
  'items:revision': { input: d.itemRevisionSchema, output: out<RevisionView>() },
  'items:diff': { input: d.itemDiffSchema, output: out<ItemDiff>() },
  /** Copies an old revision's content (and attachments) into a new revision. */
  'items:restore': { input: d.itemRestoreSchema, output: out<ItemView>() },
  /** Links a policy and its interpretation both ways; returns the interpretation. */
  'items:link': { input: d.itemLinkSchema, output: out<ItemView>() },
  'items:unlink': { input: d.itemLinkSchema, output: out<ItemView>() },
  /** 有效性 / 立改废: returns the item whose validity changed (a new revision, back to 草稿). */
  'items:set-validity': { input: d.itemValiditySchema, output: out<ItemView>() },
  /** Opens a .docx (file dialog) as a new draft; `null` when the user cancels. */
  'items:import-docx': { input: s.empty, output: out<ItemView | null>() },

  /** Adds a file chosen in a dialog; `null` when the user cancels. */
  'attachments:add': { input: d.attachmentAddSchema, output: out<AttachmentAddResult | null>() },
  'attachments:remove': { input: d.attachmentRefSchema, output: out<ItemView>() },
  'attachments:list': { input: d.attachmentAddSchema, output: out<AttachmentView[]>() },
  /** Saves a copy of an attachment where the user chooses; `null` when they cancel. */
  'attachments:export': { input: d.attachmentRefSchema, output: out<string | null>() },

  'catalogue:list': { input: s.empty, output: out<CatalogueEntry[]>() },
  'catalogue:save': { input: d.catalogueSaveSchema, output: out<CatalogueEntry>() },
  /** Refused (CONFLICT) while items are filed under the entry. */
  'catalogue:delete': { input: d.itemIdSchema, output: out<null>() },
  /** All-or-nothing import of a .xlsx chosen in a dialog; `null` when the user cancels. */
  'catalogue:import-xlsx': { input: s.empty, output: out<CatalogueImportResult | null>() },
  'catalogue:export-xlsx': { input: s.empty, output: out<CatalogueExportResult | null>() },

  'taxonomy:list': { input: s.empty, output: out<Taxonomy>() },
  'taxonomy:add-topic': { input: d.topicAddSchema, output: out<TopicNode>() },
  'taxonomy:add-genre': { input: d.genreAddSchema, output: out<Genre>() },

  'drafting:get-settings': { input: s.empty, output: out<DraftingSettings>() },
  /** Administrators only. */
  'drafting:update-settings': {
    input: d.draftingSettingsPatchSchema,
    output: out<DraftingSettings>(),
  },

  // ── 保密审查 (review): scan, submit, chain of decisions, masking, checklist, keywords, record ──
  /** Scans the current revision (title, body, attachments incl. hidden parts); stores nothing. */
  'review:scan': { input: r.reviewItemSchema, output: out<ReviewScanResult>() },
  /** 提交审查: officer; self-check complete; runs the scanner and stores the findings; 待审查. */
  'review:submit': { input: r.reviewSubmitSchema, output: out<ReviewView>() },
  /** Open reviews: waiting for the acting user (`mine`) or all; with finding counts. */
  'review:queue': { input: r.reviewQueueSchema, output: out<ReviewQueueRow[]>() },
  /** The review screen of one item (latest submission, steps, findings, checklist, diff). */
  'review:get': { input: r.reviewItemSchema, output: out<ReviewView>() },
  /** 同意公开 / 退回修改 / 不予公开 / 报上级审查 at the current step; stale hash → CONFLICT. */
  'review:decide': { input: r.reviewDecideSchema, output: out<ReviewView>() },
  /** Masks one finding or a kind in the title/body → a new revision (back to 草稿). Officers. */
  'review:mask': { input: r.reviewMaskSchema, output: out<ReviewScanResult>() },
  /** A checklist version (default: current). */
  'review:checklist-get': { input: r.checklistGetSchema, output: out<ChecklistVersion>() },
  /** Administrators: saves the questions as a new version. */
  'review:checklist-update': { input: r.checklistUpdateSchema, output: out<ChecklistVersion>() },
  'review:chain-get': { input: s.empty, output: out<ReviewChain>() },
  /** Administrators: new submissions use the new chain; open reviews keep theirs. */
  'review:chain-update': { input: r.chainUpdateSchema, output: out<ReviewChain>() },
  'review:keywords-list': { input: s.empty, output: out<ReviewKeyword[]>() },
  /** Administrators: a .txt or .xlsx (first column) chosen in a dialog; `null` when cancelled. */
  'review:keywords-import': {
    input: r.keywordImportSchema,
    output: out<KeywordImportResult | null>(),
  },
  'review:keywords-add': { input: r.keywordAddSchema, output: out<ReviewKeyword>() },
  'review:keywords-remove': { input: r.keywordRemoveSchema, output: out<ReviewKeyword[]>() },
  /** 保密审查单 .docx saved where the user chooses; `null` when cancelled. */
  'review:record-export': {
    input: r.recordExportSchema,
    output: out<RecordExportResult | null>(),
  },

  // ── 同步 (sync with the district's server): settings, status, queue, withdrawal ──────────────
  /** The server URL and whether a token is set (never the token itself). */
  'sync:get-settings': { input: s.empty, output: out<SyncSettingsView>() },
  /** Administrators: URL and/or token (kept by the OS key store, never in SQLite). */
  'sync:update-settings': { input: y.syncSettingsPatchSchema, output: out<SyncSettingsView>() },
  /** Administrators: GET /health, then an authenticated /changes?limit=1 (given or saved values). */
  'sync:test-connection': { input: y.syncTestSchema, output: out<ConnectionTestResult>() },
  /** What the worker is doing; the 同步 page polls it about once a second while a run lasts. */
  'sync:status': { input: s.empty, output: out<SyncStatus>() },
  /** Waiting, failed and conflicting entries and recently delivered/published items. */
  'sync:overview': { input: s.empty, output: out<SyncOverview>() },
  /** 立即同步: starts a run in the background and returns at once. */
  'sync:run': { input: s.empty, output: out<SyncStatus>() },
  /** Puts a failed entry back in the queue (officers and administrators). */
  'sync:retry': { input: y.syncRetrySchema, output: out<SyncStatus>() },
  /** 撤回: 已通过/已同步 → 已撤回 and a withdrawal queued for the district (officers, admins). */
  'sync:withdraw': { input: y.itemWithdrawSchema, output: out<ItemView>() },

  // ── 依申请公开 (the request register) ──────────────────────────────────────────────────────────
  ...requestsContract,

  // ── 节假日日历 (the working-day calendar) ────────────────────────────────────────────────
  ...calendarContract,
  ...scheduleContract,
  ...activitiesContract,
} as const

export type Contract = typeof contract
export type Channel = keyof Contract
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>
export type ChannelOutput<C extends Channel> = Contract[C]['output']

export const CHANNELS = Object.keys(contract) as Channel[]

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never
type VerbOf<C extends string> = C extends `${string}:${infer V}` ? V : never
type Camel<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S
export type Domain = DomainOf<Channel>

/** `window.api`: `api.users.resetPassword(input)` for channel `users:reset-password`. */
export type Api = {
  [D in Domain]: {
    [C in Channel as C extends `${D}:${string}` ? Camel<VerbOf<C>> : never]: (
      input: ChannelInput<C>,
    ) => Promise<Result<ChannelOutput<C>>>
  }
}

/** Sends one channel's input and returns its Result; the only transport-specific piece. */
export type Invoke = (channel: Channel, input: unknown) => Promise<Result<unknown>>

const camel = (verb: string): string =>
  verb.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase())

/**
 * Builds the named-function API from the contract. The preload passes an invoke over
 * `ipcRenderer.invoke`; the e2e harness passes one over `page.exposeBinding`. Only named
 * functions are exposed, never a generic invoke(channel).
 */
export function buildApi(invoke: Invoke): Api {
  const api: Record<string, Record<string, (input: unknown) => Promise<Result<unknown>>>> = {}
  for (const channel of CHANNELS) {
    const [domain = '', verb = ''] = channel.split(':')
    const group = (api[domain] ??= {})
    group[camel(verb)] = (input: unknown) => invoke(channel, input ?? {})
  }
  return api as unknown as Api
}
