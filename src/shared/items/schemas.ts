import { z } from 'zod'
import { checkDocNumber } from '../doc-number'
import { isoDateSchema as date, idSchema as id, revisionSchema as revision } from '../fields'
import { ITEM_KINDS, ITEM_SORTS, ITEM_STATUSES, PLAIN_VALIDITIES, VALIDITIES } from './types'
import { plainText } from '../text'

/** zod schemas for the item channels (items, attachments). */

/** The editable fields of an item; everything but `kind` may be left empty in a draft. */
const itemFields = {
  kind: z.enum(ITEM_KINDS),
  title: plainText().trim().max(300, '标题最多 300 个字符'),
  /** Sanitised in core on every save path; the cap keeps one save bounded. */
  bodyHtml: z.string().max(5_000_000, '正文过长（超过 500 万字符），请拆分或改为附件').default(''),
  issuer: plainText().trim().max(100, '发文机关最多 100 个字符').default(''),
  docNumber: plainText().trim().max(60, '发文字号最多 60 个字符').default(''),
  signedDate: date.nullable().default(null),
  plannedPublishDate: date.nullable().default(null),
  topicId: id.nullable().default(null),
  genreId: id.nullable().default(null),
  catalogueEntryId: id.nullable().default(null),
}

/** Creating needs no id; editing needs both `id` and the revision the editor started from. */
/**
 * 修订稿 (issue 10): the officer was asked 「修改将撤回本次审查……」 / 「已通过的第 N 版保持不变……」
 * and confirmed. Core refuses a change of a 待审查/已通过/已同步 item without it.
 */
const confirmRevision = z.literal(true).optional()

const identity = {
  confirmRevision,
  id: id.optional(),
  /** The revision the editor loaded; a stale one gives CONFLICT instead of overwriting. */
  baseRevision: revision.optional(),
  /**
   * The `contentHash` of the view being edited (optional): with it, a change another user made by
   * autosaving into the same revision number is also reported as CONFLICT.
   */
  baseContentHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
}

const needsBase = (v: { id?: string; baseRevision?: number }) =>
  (v.id === undefined) === (v.baseRevision === undefined)
const needsBaseMessage = {
  message: '编辑已有条目时须同时提供 id 和 baseRevision',
  path: ['baseRevision'],
}

/** `items:save`: an explicit save; the 发文字号 must be well-formed and the title filled in. */
export const itemSaveSchema = z
  .strictObject({
    ...identity,
    ...itemFields,
    title: itemFields.title.min(1, '请填写标题'),
  })
  .refine(needsBase, needsBaseMessage)
  .superRefine((v, ctx) => {
    const check = checkDocNumber(v.docNumber)
    if (!check.ok) ctx.addIssue({ code: 'custom', path: ['docNumber'], message: check.message })
  })

/** `items:autosave`: keeps whatever is typed, even an unfinished 发文字号 (shown as a warning). */
export const itemAutosaveSchema = z
  .strictObject({ ...identity, ...itemFields })
  .refine(needsBase, needsBaseMessage)

export const itemIdSchema = z.strictObject({ id })

export const itemRevisionSchema = z.strictObject({ id, revision })

export const itemDiffSchema = z.strictObject({ id, from: revision, to: revision })

export const itemRestoreSchema = z.strictObject({
  id,
  revision,
  baseRevision: revision,
  confirmRevision,
})

export const itemSearchSchema = z.strictObject({
  /** Terms separated by spaces, all required; terms of ≥ 3 characters use the full-text index. */
  text: plainText().trim().max(100, '关键词最多 100 个字符').optional(),
  statuses: z.array(z.enum(ITEM_STATUSES)).max(ITEM_STATUSES.length).optional(),
  kinds: z.array(z.enum(ITEM_KINDS)).max(ITEM_KINDS.length).optional(),
  /** A first-level topic also matches its second levels. */
  topicId: id.optional(),
  genreId: id.optional(),
  validities: z.array(z.enum(VALIDITIES)).max(VALIDITIES.length).optional(),
  /** 成文日期 range, inclusive. */
  signedFrom: date.optional(),
  signedTo: date.optional(),
  /** Last-change range (local calendar days), inclusive. */
  updatedFrom: date.optional(),
  updatedTo: date.optional(),
  authorId: id.optional(),
  catalogueEntryId: id.optional(),
  /** true: only late items; false: only items that are not late. */
  late: z.boolean().optional(),
  sort: z.enum(ITEM_SORTS).default('updated'),
  order: z.enum(['asc', 'desc']).default('desc'),
  offset: z.int().min(0).max(10_000_000).default(0),
  limit: z.int().min(1).max(200).default(50),
})

export const itemLinkSchema = z.strictObject({ policyId: id, interpretationId: id })

/**
 * `items:set-validity`: 有效/失效 directly; 已修改/废止 (立改废) name the newer item that amends or
 * repeals this one (`byItemId`).
 */
export const itemValiditySchema = z
  .strictObject({ id, validity: z.enum(VALIDITIES), byItemId: id.optional(), confirmRevision })
  .refine(
    (v) =>
      (PLAIN_VALIDITIES as readonly string[]).includes(v.validity)
        ? v.byItemId === undefined
        : v.byItemId !== undefined,
    {
      message: '标记为已修改或废止时须选择修改/废止它的文件；有效、失效不需要',
      path: ['byItemId'],
    },
  )

export const attachmentAddSchema = z.strictObject({ itemId: id, confirmRevision })

export const attachmentRefSchema = z.strictObject({ itemId: id, attachmentId: id })

/** `attachments:remove`: a content change like any other (see confirmRevision). */
export const attachmentRemoveSchema = z.strictObject({
  itemId: id,
  attachmentId: id,
  confirmRevision,
})
