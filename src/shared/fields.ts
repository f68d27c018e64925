import { z } from 'zod'
import { zodZh } from './zod-zh'

/**
 * zod building blocks every domain's schemas use (one definition each), and zod's own messages
 * (wrong type, missing field …) in Chinese in both worlds: one error map, set here once.
 */
z.config(zodZh())

/** The input of a channel that takes none. */
export const empty = z.strictObject({})

/** A row id (UUIDv7 or a fixture id). */
export const idSchema = z.string().min(1).max(64)

/** A revision number. */
export const revisionSchema = z.int().min(1).max(1_000_000_000)

/** An ISO calendar date (YYYY-MM-DD). */
export const isoDateSchema = z.iso.date('日期格式应为 YYYY-MM-DD')

/** The 年度 of a plan, a 配档表 or a year's records. */
export const yearSchema = z
  .number({ error: '请填写年度' })
  .int('年度应为整数')
  .min(2000, '年度应在 2000 至 2100 之间')
  .max(2100, '年度应在 2000 至 2100 之间')

/** Trimmed text of at most `max` characters; the message names the field (`label`). */
export const limitedText = (max: number, label: string) =>
  z.string().trim().max(max, `${label}最多 ${max} 个字`)
