import { z } from 'zod'
import { NARRATIVE_SECTIONS, REPORT_FORMATS, tableShape, REPORT_TABLE_KEYS } from './format'

/**
 * The annual report on the wire (docs/sync-protocol.md 「年度报告」): a department's desk PUTs the
 * tables of its published report to `/reports/{year}`, and the district keeps them as data (one
 * row per cell) beside the report's text. Shared by the desk's sync extension and the server.
 */

const cells = z.record(
  z.string().max(40),
  z.record(z.string().max(40), z.number().finite().min(-1e9).max(1e9).nullable()),
)

export const reportTablesWireSchema = z
  .strictObject({
    format: z.enum(REPORT_FORMATS),
    table2: cells,
    table3: cells,
    table4: cells,
  })
  .superRefine((t, ctx) => {
    // Every cell of the format, and nothing else.
    for (const table of REPORT_TABLE_KEYS) {
      const shape = tableShape(t.format, table)
      const rows = new Set(shape.rows.map((r) => r.key))
      for (const row of Object.keys(t[table])) {
        if (!rows.has(row))
          ctx.addIssue({ code: 'custom', path: [table, row], message: `多余的行 ${row}` })
      }
      for (const r of shape.rows) {
        for (const c of shape.columnsOf(r.key)) {
          if (!(c.key in (t[table][r.key] ?? {}))) {
            ctx.addIssue({
              code: 'custom',
              path: [table, r.key, c.key],
              message: `缺少单元格 ${r.key}.${c.key}`,
            })
          }
        }
      }
    }
  })

export const putReportBodySchema = z.strictObject({
  title: z.string().min(1).max(200),
  tables: reportTablesWireSchema,
  /** Sections 一/五/六 as published (live fields filled in). */
  narrative: z.strictObject(
    Object.fromEntries(NARRATIVE_SECTIONS.map((k) => [k, z.string().max(20_000)])) as Record<
      (typeof NARRATIVE_SECTIONS)[number],
      z.ZodString
    >,
  ),
  /** The disclosure item the report was published as (its id on the desk). */
  itemId: z.string().min(1).max(64).nullable(),
})
export type PutReportBody = z.infer<typeof putReportBodySchema>

export const reportYearWireSchema = z.coerce.number().int().min(2008).max(2100)

export const reportReceiptSchema = z.strictObject({
  year: z.number().int(),
  result: z.enum(['created', 'updated', 'unchanged']),
  contentHash: z.string(),
  receivedAt: z.string(),
})
export type ReportReceipt = z.infer<typeof reportReceiptSchema>
