/**
 * The engagement part of the sync wire (docs/sync-protocol.md): what the desk's sync extension
 * sends to the district server and reads back, validated with these schemas at both ends.
 */
import { z } from 'zod'
import { attachmentNameSchema, blobHashSchema } from '../sync/wire'
import { COMMENT_LIMITS } from './schemas'
import { COMMENTER_TYPES, CONSULTATION_CHANNELS, DECISION_TYPES } from './types'

/** Plain text without NUL (PostgreSQL text cannot hold U+0000). */
const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !s.includes('\u0000'), { message: '不能包含空字符（U+0000）' })

const date = z.iso.date()

/** One file of a consultation: `{ name, sha256, size }`, or `{ name }` from an older desk. */
function consultationAttachmentSchema() {
  return z
    .strictObject({
      name: attachmentNameSchema,
      sha256: blobHashSchema.optional(),
      size: z.int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    })
    .refine((a) => (a.sha256 === undefined) === (a.size === undefined), {
      message: '附件的 sha256 与 size 须同时给出',
    })
}

/** `PUT /api/v1/consultations/{id}`: the consultation as its approved notice states it. */
export const consultationWireSchema = z.strictObject({
  /** The notice item (类别 意见征集) and the revision whose approval this consultation rests on. */
  noticeItemId: z.uuid(),
  noticeRevision: z.int().min(1),
  title: text(200).min(1),
  draftTitle: text(500).min(1),
  decisionType: z.enum(DECISION_TYPES),
  startDate: date,
  endDate: date,
  shortReason: text(1000),
  questions: text(4000),
  contact: text(200),
  channels: z.array(z.enum(CONSULTATION_CHANNELS)).min(1).max(4),
  paragraphs: z
    .array(z.strictObject({ no: z.int().min(1), text: text(20_000) }))
    .min(1)
    .max(2000),
  /**
   * The files offered for download: the approved notice's own attachments (they passed 保密审查
   * with it), each with its SHA-256 and size; the bytes go up through the blob endpoints and the
   * server lists only hashes its copy of the notice names. A desk before 2026-12 sends names only
   * (`{ name }`), shown without a link.
   */
  attachments: z.array(consultationAttachmentSchema()).max(100),
  /**
   * The adoption result (意见采纳情况说明) item once the desk generated it: the closed page links it
   * when the district holds that item of the same department as published. Sent only when set (a
   * server before 2026-12 refuses the unknown field; the desk then sends the body without it).
   */
  resultItemId: z.uuid().optional(),
})
export type ConsultationWire = z.infer<typeof consultationWireSchema>

export const consultationReceiptSchema = z.object({
  id: z.string(),
  result: z.enum(['created', 'updated', 'unchanged']),
})

/** One comment in the feed: the contact already masked by the server. */
export const commentWireSchema = z.object({
  id: z.string().min(1).max(64),
  consultationId: z.string().min(1).max(64),
  receiptNo: z.string().min(1).max(40),
  paragraphNo: z.int().min(1).nullable(),
  body: z.string().max(COMMENT_LIMITS.body),
  name: z.string().max(COMMENT_LIMITS.name),
  contactMasked: z.string().max(COMMENT_LIMITS.contact),
  /** 身份 as the commenter chose it on the public form; absent from a server before 2026-12. */
  commenterType: z.enum(COMMENTER_TYPES).optional(),
  receivedAt: z.string(),
})
export type CommentWire = z.infer<typeof commentWireSchema>

/** `GET /api/v1/consultations/comments?after=…&limit=…`. */
export const commentsQuerySchema = z.object({
  after: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
})

export const commentsPageSchema = z.object({
  comments: z.array(commentWireSchema),
  /** The cursor to send as `after` next time. */
  next: z.int().min(0),
  hasMore: z.boolean(),
})
export type CommentsPage = z.infer<typeof commentsPageSchema>

/** `PUT /api/v1/qa/{id}`: one approved entry of the policy Q&A base. */
export const qaWireSchema = z.strictObject({
  question: text(1000).min(1),
  answer: text(8000).min(1),
  policyItemId: z.string().min(1).max(64),
  policyTitle: text(500),
  policyDocNumber: text(200),
  interpretationItemId: z.string().min(1).max(64).nullable(),
  interpretationTitle: text(500).nullable(),
  keywords: text(200),
  validFrom: date.nullable(),
  validTo: date.nullable(),
  /** False once its policy was amended, repealed or expired (立改废): the hotline must not use it. */
  valid: z.boolean(),
  flag: text(500).nullable(),
  reviewedBy: text(200),
  reviewedAt: z.string().max(40),
})
export type QaWire = z.infer<typeof qaWireSchema>

export const qaReceiptSchema = z.object({ id: z.string(), result: z.string() })

/** One entry of the district's knowledge base export (JSON). */
export interface QaExportEntry extends QaWire {
  id: string
  department: string
  departmentCode: string
  updatedAt: string
}
