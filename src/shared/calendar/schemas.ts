import { z } from 'zod'

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`)
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
  }, '不是有效的日期')

export const calendarYearSchema = z
  .number()
  .int('年份应为整数')
  .min(1990, '年份应在 1990 至 2200 之间')
  .max(2200, '年份应在 1990 至 2200 之间')

/** 粘贴通知: the text, and the year when the title does not give it. */
export const parseNoticeSchema = z
  .object({
    text: z.string().trim().min(1, '请粘贴国务院办公厅放假通知的全文').max(20_000, '通知文字过长'),
    year: calendarYearSchema.optional(),
  })
  .strict()

/** 确认保存: what the preview showed (core checks it again). */
export const calendarAddSchema = z
  .object({
    year: calendarYearSchema,
    holidays: z.array(isoDate).max(200, '放假日过多'),
    workdays: z.array(isoDate).max(100, '上班日过多'),
    names: z.record(isoDate, z.string().trim().max(40)).optional(),
    source: z.enum(['notice', 'ics', 'manual']),
    note: z.string().trim().max(500, '备注不超过 500 字').optional(),
  })
  .strict()

export type ParseNoticeInput = z.infer<typeof parseNoticeSchema>
export type CalendarAddInput = z.infer<typeof calendarAddSchema>
