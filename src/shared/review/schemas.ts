import { z } from 'zod'
import { idSchema as id, revisionSchema as revision } from '../fields'
import {
  CARRIER_FORMS,
  CHECKLIST_ANSWERS,
  PUBLISH_CHANNELS,
  REVIEW_DECISIONS,
  REVIEW_FINDING_KINDS,
  REVIEW_QUEUE_SCOPES,
  REVIEW_SEVERITIES,
  REVIEW_STEP_ROLES,
  WITHHOLD_ARTICLES,
} from './types'

/** zod schemas of the review channels (保密审查). Rules are enforced in core/review/workflow. */

const hash = z.string().regex(/^[0-9a-f]{64}$/, '内容哈希格式不正确')
const note = z.string().trim().max(1000, '说明最多 1000 个字符')

export const checklistAnswerSchema = z.strictObject({
  questionId: z.string().min(1).max(32),
  answer: z.enum(CHECKLIST_ANSWERS),
  note: note.optional(),
})

const answers = z.array(checklistAnswerSchema).max(100)

export const reviewItemSchema = z.strictObject({ itemId: id })

/** The message when 拟公开方式 其他 is chosen without naming it (schema and core say the same). */
export const OTHER_CHANNEL_REQUIRED = '选择“其他”公开方式时，请填写具体方式'

/** `review:submit`: 提交审查 with the author's self-check (all questions, notes where required). */
export const reviewSubmitSchema = z
  .strictObject({
    itemId: id,
    /** The revision and hash the officer checked; stale → CONFLICT. */
    revision,
    contentHash: hash,
    /** The checklist version the form showed; an outdated one → CONFLICT (reload the form). */
    checklistVersion: z.int().min(1),
    selfCheck: answers,
    carrier: z.enum(CARRIER_FORMS),
    channels: z.array(z.enum(PUBLISH_CHANNELS)).min(1, '请选择拟公开方式').max(5),
    channelOther: z.string().trim().max(60, '其他公开方式最多 60 个字符').optional(),
  })
  .superRefine((v, ctx) => {
    // 拟公开方式 其他 names the way (保密审查单: 政府网站/政府公报/两微一端/公开栏/其他（…）).
    if (v.channels.includes('other') && !v.channelOther) {
      ctx.addIssue({ code: 'custom', path: ['channelOther'], message: OTHER_CHANNEL_REQUIRED })
    }
  })

export const reviewQueueSchema = z.strictObject({
  /**
   * `mine` (default): waiting for a step the acting user may decide; `all`: every open review;
   * `done-mine`: closed rounds the acting user took part in (submitted or decided a step);
   * `done-all`: the department's closed rounds (approved, returned, withheld). Newest first there.
   */
  scope: z.enum(REVIEW_QUEUE_SCOPES).default('mine'),
})

const commentSchema = z.strictObject({
  text: z.string().trim().min(1, '请填写意见').max(2000, '意见最多 2000 个字符'),
  findingId: z.string().max(200).nullable().default(null),
})

/** `review:decide`: one decision at the current step, bound to the content hash the user saw. */
export const reviewDecideSchema = z
  .strictObject({
    itemId: id,
    reviewId: id,
    stepIndex: z.int().min(0).max(20),
    contentHash: hash,
    decision: z.enum(REVIEW_DECISIONS),
    /** Required complete for 同意公开 and 不予公开; optional otherwise. */
    checklist: answers.default([]),
    comments: z.array(commentSchema).max(200).default([]),
    article: z.enum(WITHHOLD_ARTICLES).optional(),
    reason: z.string().trim().max(2000, '理由最多 2000 个字符').optional(),
    /** For 同意公开: one written reason per high finding. */
    highReasons: z
      .array(
        z.strictObject({
          findingId: z.string().min(1).max(200),
          reason: z.string().trim().min(1, '请填写理由').max(1000),
        }),
      )
      .max(500)
      .default([]),
    /** Required when deciding a referred review (报上级审查后记录上级答复). */
    superior: z
      .strictObject({
        authority: z.string().trim().min(1, '请填写上级机关').max(60),
        opinion: z.string().trim().min(1, '请填写上级答复意见').max(2000),
      })
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'return' && v.comments.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['comments'], message: '退回修改须填写修改意见' })
    }
    if (v.decision === 'withhold' && v.article === undefined) {
      ctx.addIssue({ code: 'custom', path: ['article'], message: '不予公开须选择依据条款' })
    }
    if ((v.decision === 'withhold' || v.decision === 'refer') && !v.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '请填写理由' })
    }
  })

/** `review:mask`: one finding (by id from `review:scan`) or every finding of a kind. */
export const reviewMaskSchema = z
  .strictObject({
    itemId: id,
    baseRevision: revision,
    contentHash: hash,
    findingId: z.string().min(1).max(200).optional(),
    kind: z.enum(REVIEW_FINDING_KINDS).optional(),
    /** 修订稿 (issue 10): masking a 待审查/已通过 item is an edit asked first, like any other. */
    confirmRevision: z.literal(true).optional(),
  })
  .refine((v) => (v.findingId === undefined) !== (v.kind === undefined), {
    message: '请指定一条发现（findingId）或一类发现（kind），二者选一',
    path: ['findingId'],
  })

export const checklistGetSchema = z.strictObject({ version: z.int().min(1).optional() })

export const checklistUpdateSchema = z.strictObject({
  questions: z
    .array(
      z.strictObject({
        /** Keep an existing id to say "the same question, reworded"; omit for a new question. */
        id: z.string().min(1).max(32).optional(),
        text: z.string().trim().min(1, '请填写问题').max(500, '问题最多 500 个字符'),
        noteRequiredOn: z.array(z.enum(CHECKLIST_ANSWERS)).max(3).default([]),
      }),
    )
    .min(1, '审查清单至少一项')
    .max(50, '审查清单最多 50 项'),
})

export const chainUpdateSchema = z.strictObject({
  steps: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1, '请填写步骤名称').max(30, '步骤名称最多 30 个字符'),
        role: z.enum(REVIEW_STEP_ROLES),
      }),
    )
    .min(1, '审查流程至少一步')
    .max(6, '审查流程最多 6 步'),
})

export const keywordImportSchema = z.strictObject({
  /** `merge` (default) adds to the list; `replace` replaces the whole list. */
  mode: z.enum(['merge', 'replace']).default('merge'),
})

export const keywordAddSchema = z.strictObject({
  word: z.string().trim().min(1, '请填写关键词').max(100, '关键词最多 100 个字符'),
  severity: z.enum(REVIEW_SEVERITIES).default('high'),
  note: z.string().trim().max(200).optional(),
})

export const keywordRemoveSchema = z.strictObject({
  ids: z.array(id).min(1).max(10_000),
})

export const recordExportSchema = z.strictObject({
  itemId: id,
  /** Defaults to the latest submission. */
  reviewId: id.optional(),
})
