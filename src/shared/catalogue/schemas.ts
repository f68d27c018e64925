import { z } from 'zod'
import { idSchema as id } from '../fields'
import { checkIndexPattern } from '../index-pattern'
import { plainText } from '../text'
import { DEFAULT_ATTACHMENT_MAX_MB } from './types'

/** zod schemas of the catalogue, taxonomy and drafting-settings channels. */

const cell = (label: string, max: number) =>
  plainText().trim().max(max, `${label}最多 ${max} 个字符`).default('')

/** One catalogue entry as edited on screen; `id` absent creates one. */
export const catalogueSaveSchema = z.strictObject({
  id: id.optional(),
  seq: z.int().min(0).max(1_000_000).optional(),
  level1: plainText().trim().min(1, '请填写一级事项').max(200, '一级事项最多 200 个字符'),
  level2: cell('二级事项', 200),
  content: cell('公开内容', 4000),
  basis: cell('公开依据', 4000),
  timeLimit: cell('公开时限', 200),
  subject: cell('公开主体', 200),
  channels: cell('公开渠道和载体', 500),
  audience: cell('公开对象', 100),
  method: cell('公开方式', 100),
  level: cell('公开层级', 100),
})

export const topicAddSchema = z.strictObject({
  /** Omitted or null: a new first-level topic. */
  parentId: id.nullable().optional(),
  label: plainText().trim().min(1, '请填写分类名称').max(40, '分类名称最多 40 个字符'),
})

export const genreAddSchema = z.strictObject({
  label: plainText().trim().min(1, '请填写体裁名称').max(20, '体裁名称最多 20 个字符'),
})

export const draftingSettingsPatchSchema = z.strictObject({
  indexPattern: z
    .string()
    .trim()
    .superRefine((p, ctx) => {
      const check = checkIndexPattern(p)
      if (!check.ok) ctx.addIssue({ code: 'custom', message: check.message })
    })
    .optional(),
  // Refused with the range, never clamped (issue 10): 1 MB up to the store's hard ceiling.
  attachmentMaxMb: z
    .int('请填写 1–1024 之间的整数')
    .min(1, `须在 1–1024 MB 之间（默认 ${DEFAULT_ATTACHMENT_MAX_MB} MB）`)
    .max(1024, `须在 1–1024 MB 之间（程序能保存的最大附件为 1024 MB）`)
    .optional(),
})
