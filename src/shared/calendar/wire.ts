/**
 * The holiday calendar the district publishes (docs/sync-protocol.md 「节假日日历」): what
 * `GET /api/v1/calendar` answers, checked by the desk's calendar sync extension with this schema.
 */
import { z } from 'zod'

const day = z.iso.date()

export const districtCalendarYearSchema = z.object({
  year: z.int().min(2000).max(2100),
  /** Up by one each time the district publishes a different arrangement for the year. */
  version: z.int().min(1),
  title: z.string().max(500),
  holidays: z.array(day).max(400),
  workdays: z.array(day).max(400),
  names: z.record(z.string(), z.string().max(100)),
  publishedAt: z.string(),
})
export type DistrictCalendarYear = z.infer<typeof districtCalendarYearSchema>

export const districtCalendarSchema = z.object({
  years: z.array(districtCalendarYearSchema).max(200),
})
