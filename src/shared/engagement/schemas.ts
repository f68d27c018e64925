import { z } from 'zod'
import {
  idSchema as id,
  isoDateSchema as date,
  limitedText as text,
  yearSchema as year,
} from '../fields'
import {
  ATTENDEE_TYPES,
  COMMENT_DECISIONS,
  COMMENTER_TYPES,
  CONSULTATION_CHANNELS,
  DECISION_TYPES,
} from './types'

/** zod schemas of the engagement channels; the UI derives its form rules from them. */

/** Limits shared by the public page (server) and the app. */
export const COMMENT_LIMITS = { body: 5000, name: 50, contact: 100 } as const

export const engagementIdSchema = z.strictObject({ id })
export const engagementYearSchema = z.strictObject({ year })

/** The consultation's fields; the notice item is (re)generated from them. */
export const consultationFieldsSchema = z.strictObject({
  title: text(200, '征集主题').min(1, '请填写征集主题'),
  decisionType: z.enum(DECISION_TYPES),
  startDate: date,
  endDate: date,
  /** Required by 713号令第十五条 when the period is shorter than the rule; a warning otherwise. */
  shortReason: text(1000, '期限较短的说明').default(''),
  questions: text(4000, '征集说明').min(1, '请填写征集说明（征求意见的问题与要求）'),
  contact: text(200, '联系方式').min(1, '请填写联系人和联系方式'),
  channels: z.array(z.enum(CONSULTATION_CHANNELS)).min(1, '请至少选择一种意见渠道').max(4),
})

export const consultationOpenSchema = consultationFieldsSchema.extend({
  /** The draft (征求意见稿) item. */
  draftItemId: id,
})

export const consultationUpdateSchema = consultationFieldsSchema.extend({ id })

export const periodCheckSchema = z.strictObject({
  decisionType: z.enum(DECISION_TYPES),
  startDate: date,
  endDate: date,
  shortReason: z.string().max(1000).default(''),
})

/** A comment received through another channel (信函, 电子邮件, 传真), typed in by the officer. */
export const commentAddSchema = z.strictObject({
  consultationId: id,
  body: text(COMMENT_LIMITS.body, '意见内容').min(1, '请填写意见内容'),
  paragraphNo: z.number().int().min(1).max(10_000).nullable().default(null),
  commenterName: text(COMMENT_LIMITS.name, '姓名').default(''),
  contact: text(COMMENT_LIMITS.contact, '联系方式').default(''),
  commenterType: z.enum(COMMENTER_TYPES).default('public'),
  channel: z.enum(CONSULTATION_CHANNELS),
})

export const commentDecideSchema = z
  .strictObject({
    consultationId: id,
    /** One comment, or every comment of its group when `wholeGroup`. */
    commentId: id,
    wholeGroup: z.boolean().default(false),
    decision: z.enum(COMMENT_DECISIONS),
    reason: text(2000, '理由').default(''),
    paragraphNo: z.number().int().min(1).max(10_000).nullable().default(null),
    changedRevision: z.number().int().min(1).nullable().default(null),
  })
  .refine((v) => v.decision === 'adopted' || v.reason.length > 0, {
    message: '部分采纳、不予采纳和不属于本次征集范围须写明理由',
    path: ['reason'],
  })

export const commentTypeSchema = z.strictObject({
  commentId: id,
  commenterType: z.enum(COMMENTER_TYPES),
})

export const groupEditSchema = z.strictObject({
  consultationId: id,
  commentId: id,
  /** Another comment's id to join its group, or null to take the comment out of its group. */
  joinCommentId: id.nullable(),
})

export const finalPolicySchema = z.strictObject({ id, finalItemId: id.nullable() })

export const supervisorSaveSchema = z.strictObject({
  id: id.optional(),
  name: text(50, '姓名').min(1, '请填写姓名'),
  organisation: text(200, '单位/身份').default(''),
  appointedOn: date.nullable().default(null),
  note: text(1000, '备注').default(''),
})

export const attendanceSaveSchema = z.strictObject({
  id: id.optional(),
  meeting: text(200, '会议名称').min(1, '请填写会议名称'),
  heldOn: date,
  attendees: z
    .array(
      z.strictObject({
        name: text(50, '列席人员姓名').min(1, '请填写列席人员姓名'),
        type: z.enum(ATTENDEE_TYPES),
      }),
    )
    .min(1, '请至少登记一名列席人员')
    .max(200),
  opinions: text(8000, '发表的意见').default(''),
  handling: text(8000, '采纳情况').default(''),
})

export const trainingSaveSchema = z.strictObject({
  id: id.optional(),
  heldOn: date,
  topic: text(200, '培训主题').min(1, '请填写培训主题'),
  organiser: text(200, '组织单位').default(''),
  participantCount: z.number().int('人数应为整数').min(1, '参训人数至少为 1').max(100_000),
  participantRoles: text(500, '参训人员构成').default(''),
  hours: z.number().min(0.5, '学时至少为 0.5').max(1000, '学时最多 1000'),
  materials: text(2000, '培训材料').default(''),
})

export const qaSaveSchema = z.strictObject({
  id: id.optional(),
  question: text(1000, '问题').min(1, '请填写问题'),
  answer: text(8000, '答复').min(1, '请填写答复'),
  policyItemId: id,
  interpretationItemId: id.nullable().default(null),
  keywords: text(200, '关键词').default(''),
  validFrom: date.nullable().default(null),
  validTo: date.nullable().default(null),
})

/**
 * One decision at the current step of a 政策问答 round (保密审查 chain), bound to the round, the step
 * and the content hash the decider saw; 同意 keeps a high finding only with a written reason each.
 */
export const qaReviewSchema = z
  .strictObject({
    id,
    reviewId: id,
    stepIndex: z.number().int().min(0).max(20),
    contentHash: z.string().min(1).max(200),
    decision: z.enum(['approve', 'return']),
    note: text(2000, '审核意见').default(''),
    highReasons: z
      .array(
        z.strictObject({
          findingId: z.string().min(1).max(300),
          reason: text(1000, '保留理由'),
        }),
      )
      .max(500)
      .default([]),
  })
  .refine((v) => v.decision === 'approve' || v.note.trim().length > 0, {
    message: '退回须写明审核意见',
    path: ['note'],
  })

export const exportCommentsSchema = z.strictObject({ consultationId: id })
