import { z } from 'zod'
import { idSchema } from '../fields'

/** zod schemas of the audit channels. */

export const auditFilterSchema = z.strictObject({
  action: z.string().max(64).optional(),
  actorId: idSchema.optional(),
  /** ISO date (YYYY-MM-DD) inclusive bounds, local time. */
  from: z.iso.date('日期格式应为 YYYY-MM-DD').optional(),
  to: z.iso.date('日期格式应为 YYYY-MM-DD').optional(),
  text: z.string().max(100).optional(),
  offset: z.int().min(0).max(10_000_000).default(0),
  limit: z.int().min(1).max(500).default(50),
})
