import { z } from 'zod'
import { NARRATIVE_SECTIONS, REPORT_FORMATS } from './format'

/** zod schemas of the annual report's channels; the forms derive their limits from them. */

/** Reports exist from the 2008 条例 on; the app does not compile years after next year. */
export const reportYearSchema = z
  .int('年度应为整数')
  .min(2008, '年度不能早于 2008 年')
  .max(2100, '年度不能晚于 2100 年')

export const REPORT_SOURCE_MAX = 200
export const REPORT_SECTION_MAX = 20_000
/**
 * Figures are counts or 万元 with up to four decimals; never negative (annual-report.md) except the
 * 2019 format's 本年增/减 (TABLE2_SIGNED_COLUMNS; core checks which cell may be).
 */
export const REPORT_FIGURE_MAX = 1_000_000_000

export const reportYearInput = z.strictObject({ year: reportYearSchema })

const cell = z
  .string()
  .min(1)
  .max(80)
  .regex(/^table[234]\.[^.]+(\.\d)?\.[a-z_]+$/, '单元格编号不正确')

export const figureValueSchema = z
  .number('请填写数字')
  .min(-REPORT_FIGURE_MAX, '数字过小')
  .max(REPORT_FIGURE_MAX, '数字过大')
  .refine((v) => Number.isFinite(v) && Math.round(v * 10_000) === v * 10_000, '最多保留四位小数')

const sourceSchema = z
  .string()
  .trim()
  .min(1, '请注明数据来源（如：行政审批系统 2024 年统计）')
  .max(REPORT_SOURCE_MAX, `数据来源最多 ${REPORT_SOURCE_MAX} 个字`)

/** An officer-entered figure (or override of a store count) with its source; value null removes it. */
export const saveFigureSchema = z.strictObject({
  year: reportYearSchema,
  cell,
  value: figureValueSchema.nullable(),
  source: z.string().trim().max(REPORT_SOURCE_MAX, `数据来源最多 ${REPORT_SOURCE_MAX} 个字`),
})

/** Last year's published figures, typed in (first year in the app). */
export const savePriorSchema = z.strictObject({
  year: reportYearSchema,
  cells: z
    .array(z.strictObject({ cell, value: figureValueSchema.nullable() }))
    .min(1)
    .max(40),
  source: sourceSchema,
})

export const sectionsSchema = z.strictObject(
  Object.fromEntries(
    NARRATIVE_SECTIONS.map((k) => [
      k,
      z.string().max(REPORT_SECTION_MAX, `每部分最多 ${REPORT_SECTION_MAX} 个字`),
    ]),
  ) as Record<(typeof NARRATIVE_SECTIONS)[number], z.ZodString>,
)

export const saveSectionsSchema = z.strictObject({
  year: reportYearSchema,
  sections: sectionsSchema.partial(),
})

export const resetSectionSchema = z.strictObject({
  year: reportYearSchema,
  section: z.enum(NARRATIVE_SECTIONS),
})

export const setFormatSchema = z.strictObject({
  year: reportYearSchema,
  format: z.enum(REPORT_FORMATS),
})

/** Export or publish: refused while rules fail unless the officer confirmed the listed problems. */
export const exportSchema = z.strictObject({
  year: reportYearSchema,
  kind: z.enum(['docx', 'xlsx']),
  confirmProblems: z.boolean(),
})

export const publishSchema = z.strictObject({
  year: reportYearSchema,
  confirmProblems: z.boolean(),
  /** The report's item is in review or approved: this update withdraws the review / starts a 修订稿. */
  confirmRevision: z.boolean().optional(),
})
