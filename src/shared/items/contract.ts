import { out } from '../channel-output'
import { empty } from '../fields'
import {
  attachmentAddSchema,
  attachmentRefSchema,
  attachmentRemoveSchema,
  itemAutosaveSchema,
  itemDiffSchema,
  itemIdSchema,
  itemLinkSchema,
  itemRestoreSchema,
  itemRevisionSchema,
  itemSaveSchema,
  itemSearchSchema,
  itemValiditySchema,
} from './schemas'
import type {
  AttachmentAddResult,
  AttachmentView,
  ItemAuthor,
  ItemDiff,
  ItemSearchPage,
  ItemView,
  RevisionSummary,
  RevisionView,
} from './types'

/** 起草 channels: items, revisions and attachments (composed into the one contract by src/shared/contract.ts). */
export const itemsContract = {
  /** Creates (no id) or saves a new revision (id + baseRevision; stale → CONFLICT). Officers only. */
  'items:save': { input: itemSaveSchema, output: out<ItemView>() },
  /**
   * Called every few seconds while typing: coalesces into the user's open autosave revision
   * (see core/items/README.md); unchanged content writes nothing. Creates the item when no id.
   */
  'items:autosave': { input: itemAutosaveSchema, output: out<ItemView>() },
  'items:get': { input: itemIdSchema, output: out<ItemView>() },
  'items:search': { input: itemSearchSchema, output: out<ItemSearchPage>() },
  /** Authors of items, for the author filter. */
  'items:authors': { input: empty, output: out<ItemAuthor[]>() },
  /** Newest first. */
  'items:revisions': { input: itemIdSchema, output: out<RevisionSummary[]>() },
  'items:revision': { input: itemRevisionSchema, output: out<RevisionView>() },
  'items:diff': { input: itemDiffSchema, output: out<ItemDiff>() },
  /** Copies an old revision's content (and attachments) into a new revision. */
  'items:restore': { input: itemRestoreSchema, output: out<ItemView>() },
  /** Links a policy and its interpretation both ways; returns the interpretation. */
  'items:link': { input: itemLinkSchema, output: out<ItemView>() },
  'items:unlink': { input: itemLinkSchema, output: out<ItemView>() },
  /** 有效性 / 立改废: returns the item whose validity changed (a new revision, back to 草稿). */
  'items:set-validity': { input: itemValiditySchema, output: out<ItemView>() },
  /** Opens a .docx (file dialog) as a new draft; `null` when the user cancels. */
  'items:import-docx': { input: empty, output: out<ItemView | null>() },
  /** Adds a file chosen in a dialog; `null` when the user cancels. */
  'attachments:add': { input: attachmentAddSchema, output: out<AttachmentAddResult | null>() },
  'attachments:remove': { input: attachmentRemoveSchema, output: out<ItemView>() },
  'attachments:list': { input: attachmentAddSchema, output: out<AttachmentView[]>() },
  /** Saves a copy of an attachment where the user chooses; `null` when they cancel. */
  'attachments:export': { input: attachmentRefSchema, output: out<string | null>() },
} as const
