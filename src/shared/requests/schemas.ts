import { z } from 'zod'
import { idSchema as id, isoDateSchema as date } from '../fields'
import {
  ANSWER_TYPES,
  APPLICANT_TYPES,
  CASE_KINDS,
  CASE_OUTCOMES,
  CONSULTATION_PARTIES,
  FEE_SCHEMES,
  IMPORT_FIELDS,
  LETTER_KINDS,
  REQUEST_CHANNELS,
  REQUEST_FORMS,
  REQUEST_OUTCOMES,
  REQUEST_STATUSES,
  REQUEST_TABS,
  type TemplateKey,
} from './types'

/** zod schemas of the request register's channels; the register form derives its rules from them. */

const requestId = { requestId: id }

/** The placeholders a number pattern may use: {year}, {seq} or {seq:N}. */
export const NUMBER_PATTERN_RE = /^[^{}]*(\{(year|seq(:[1-9])?)\}[^{}]*)+$/

export const numberPatternSchema = z
  .string()
  .trim()
  .min(1, '请填写编号规则')
  .max(40, '编号规则最多 40 个字符')
  .regex(NUMBER_PATTERN_RE, '编号规则只能使用 {year}、{seq} 或 {seq:3} 这样的占位符')
  .refine((p) => p.includes('{seq'), '编号规则须包含序号 {seq} 或 {seq:3}')

/** 登记申请 (条例第二十九条: who, what, the form; 第三十一条: the receipt date). */
export const requestRegisterSchema = z
  .object({
    applicantType: z.enum(APPLICANT_TYPES, '请选择申请人类型'),
    applicantName: z
      .string()
      .trim()
      .min(1, '请填写申请人姓名或名称')
      .max(100, '申请人姓名或名称最多 100 个字符'),
    applicantIdNo: z.string().trim().max(40, '身份证明号码最多 40 个字符').default(''),
    applicantContact: z.string().trim().max(100, '联系方式最多 100 个字符').default(''),
    applicantAddress: z.string().trim().max(200, '通信地址最多 200 个字符').default(''),
    channel: z.enum(REQUEST_CHANNELS, '请选择申请方式'),
    /** 提交或寄出日期, for the record. */
    submittedDate: date.nullable().default(null),
    /** The date 第三十一条 takes for the channel (签收之日, 确认之日 …). */
    channelDate: date,
    /** A receipt date other than `channelDate`; needs `receiptReason`. */
    receivedDate: date.nullable().default(null),
    receiptReason: z.string().trim().max(200, '原因最多 200 个字符').default(''),
    content: z
      .string()
      .trim()
      .min(1, '请填写申请公开的政府信息（名称、文号或特征性描述）')
      .max(2000, '申请内容最多 2000 个字符'),
    form: z.enum(REQUEST_FORMS, '请选择所需信息的形式'),
    formNote: z.string().trim().max(100, '最多 100 个字符').default(''),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.receivedDate && v.receivedDate !== v.channelDate && v.receiptReason === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['receiptReason'],
        message: '收到日期与按申请方式确定的日期不同，请说明原因',
      })
    }
  })
export type RequestRegisterInput = z.input<typeof requestRegisterSchema>

/** 更正收到日期 (audited; the due date is recomputed). */
export const receiptChangeSchema = z
  .object({
    ...requestId,
    receivedDate: date,
    reason: z.string().trim().min(1, '请说明更正收到日期的原因').max(200, '原因最多 200 个字符'),
  })
  .strict()

const eventBase = { ...requestId, date }

/** One event in a request's life; order and limits are checked in core (rules.ts). */
export const requestEventSchema = z.discriminatedUnion('kind', [
  z
    .object({
      ...eventBase,
      kind: z.literal('correction_requested'),
      deadline: date,
      items: z.string().trim().min(1, '请写明需要补正的事项').max(1000, '补正事项最多 1000 个字符'),
    })
    .strict(),
  z.object({ ...eventBase, kind: z.literal('correction_received') }).strict(),
  z.object({ ...eventBase, kind: z.literal('correction_lapsed') }).strict(),
  z
    .object({
      ...eventBase,
      kind: z.literal('consultation_started'),
      party: z.enum(CONSULTATION_PARTIES, '请选择征求意见的对象'),
      partyName: z
        .string()
        .trim()
        .min(1, '请填写征求意见的对象')
        .max(100, '征求意见对象最多 100 个字符'),
    })
    .strict(),
  z
    .object({
      ...eventBase,
      kind: z.literal('consultation_ended'),
      note: z.string().trim().max(500, '最多 500 个字符').default(''),
    })
    .strict(),
  z
    .object({
      ...eventBase,
      kind: z.literal('extension'),
      days: z
        .int('延期天数应为整数')
        .min(1, '延期至少 1 个工作日')
        .max(20, '延长答复期限最长不得超过 20 个工作日（条例第三十三条）'),
      approver: z
        .string()
        .trim()
        .min(1, '请填写批准延期的政府信息公开工作机构负责人')
        .max(50, '批准人最多 50 个字符'),
      reason: z.string().trim().min(1, '请填写延期理由').max(500, '延期理由最多 500 个字符'),
    })
    .strict(),
  z
    .object({
      ...eventBase,
      kind: z.literal('fee_notice'),
      scheme: z.enum(FEE_SCHEMES, '请选择计收方式'),
      quantity: z.int('数量应为整数').min(1, '数量至少为 1').max(1_000_000, '数量过大'),
    })
    .strict(),
  z
    .object({
      ...eventBase,
      kind: z.literal('fee_paid'),
      amount: z.number().min(0, '金额不能为负').max(10_000_000, '金额过大'),
    })
    .strict(),
  z.object({ ...eventBase, kind: z.literal('fee_lapsed') }).strict(),
  z
    .object({
      ...eventBase,
      kind: z.literal('answer'),
      answerType: z.enum(ANSWER_TYPES, '请选择答复类型'),
      outcome: z.enum(REQUEST_OUTCOMES, '请选择办理结果'),
      note: z.string().trim().max(2000, '最多 2000 个字符').default(''),
    })
    .strict(),
])
export type RequestEventInput = z.input<typeof requestEventSchema>
export type RequestEventParsed = z.output<typeof requestEventSchema>

export const requestIdSchema = z.object({ id }).strict()

export const requestListSchema = z
  .object({
    tab: z.enum(REQUEST_TABS).default('open'),
    status: z.enum(REQUEST_STATUSES).optional(),
    applicantType: z.enum(APPLICANT_TYPES).optional(),
    year: z.int().min(2000).max(2100).optional(),
    text: z.string().trim().max(100).default(''),
    offset: z.int().min(0).default(0),
    limit: z.int().min(1).max(500).default(100),
  })
  .strict()

export const caseSaveSchema = z
  .object({
    id: id.optional(),
    ...requestId,
    kind: z.enum(CASE_KINDS, '请选择案件类型'),
    filedDate: date,
    organ: z.string().trim().max(100, '最多 100 个字符').default(''),
    caseNo: z.string().trim().max(60, '最多 60 个字符').default(''),
    outcome: z.enum(CASE_OUTCOMES, '请选择结果').default('pending'),
    decidedDate: date.nullable().default(null),
    note: z.string().trim().max(500, '最多 500 个字符').default(''),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.outcome !== 'pending' && !v.decidedDate) {
      ctx.addIssue({ code: 'custom', path: ['decidedDate'], message: '已审结的案件请填写审结日期' })
    }
    if (v.decidedDate && v.decidedDate < v.filedDate) {
      ctx.addIssue({ code: 'custom', path: ['decidedDate'], message: '审结日期不能早于立案日期' })
    }
  })

export const requestSettingsPatchSchema = z
  .object({
    numberPattern: numberPatternSchema.optional(),
    letterUnit: z.string().trim().max(100).optional(),
    reconsiderationOrgan: z.string().trim().max(100).optional(),
    court: z.string().trim().max(100).optional(),
  })
  .strict()

const templateKey = z.string().regex(/^(correction|extension|consultation|fee|answer\.[a-z_]+)$/)

export const templateSaveSchema = z
  .object({
    key: templateKey.transform((k) => k as TemplateKey),
    title: z.string().trim().min(1, '请填写标题').max(60, '标题最多 60 个字符'),
    body: z.string().trim().min(1, '请填写正文').max(20_000, '正文最多 20000 个字符'),
  })
  .strict()

export const templateResetSchema = z
  .object({ key: templateKey.transform((k) => k as TemplateKey) })
  .strict()

export const letterSchema = z.object({ ...requestId, kind: z.enum(LETTER_KINDS) }).strict()

/** Column index per field, as the officer mapped them. */
export const importMappingSchema = z.partialRecord(z.enum(IMPORT_FIELDS), z.int().min(0).max(500))

export const importPreviewSchema = z
  .object({
    /** Re-preview an already opened file with another mapping; omitted = open a file dialog. */
    importId: z.string().max(64).optional(),
    mapping: importMappingSchema.optional(),
  })
  .strict()

export const importCommitSchema = z
  .object({ importId: z.string().min(1).max(64), mapping: importMappingSchema })
  .strict()
