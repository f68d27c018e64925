import { z } from 'zod'
import { firstIssueMessage, issueDetails } from '../../core/api/validation-message'
import { ApiError } from '../errors'

/** Largest revision: the column is a 32-bit integer on PostgreSQL. */
export const MAX_REVISION = 2_147_483_647

/** Most entries accepted in one `POST /items/batch`. */
export const MAX_BATCH = 500

/** A non-empty single-line-ish text without NUL (PostgreSQL text cannot hold U+0000). */
const text = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((s) => !s.includes('\u0000'), { message: '不能包含空字符（U+0000）' })

/** The fields every approved item must carry; further fields are accepted and kept as sent. */
export const approvedItemSchema = z.looseObject({
  title: text(500),
  kind: text(64),
  bodyHtml: z.string(),
  approvedAt: z.iso.datetime({ offset: true }),
  approvedBy: text(200),
})

/** The client's item id: a UUID (the desktop app uses UUIDv7). */
export const itemIdSchema = z.uuid()

/** `PUT /api/v1/items/{id}` body. */
export const putItemBodySchema = z.object({
  revision: z.int().min(1).max(MAX_REVISION),
  contentHash: z.string().regex(/^sha256:[0-9a-f]{64}$/, '格式应为 sha256:<64 位小写十六进制>'),
  item: approvedItemSchema,
})

/** One entry of a batch: the PUT body plus the id. */
export const batchEntrySchema = putItemBodySchema.extend({ id: itemIdSchema })

/**
 * `POST /api/v1/items/batch` body. Entries are validated one by one in the handler (a bad entry
 * gets its own 400 and the rest proceed), so here entries may be anything.
 */
export const batchBodySchema = z.object({
  items: z.array(z.unknown()).min(1).max(MAX_BATCH),
})

/** `POST /api/v1/items/{id}/withdraw` body. */
export const withdrawBodySchema = z.object({ reason: text(1000) })

/** `GET /api/v1/changes` query. */
export const changesQuerySchema = z.object({
  cursor: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
})

/** A validated entry on its way to the intake service; `raw` is the item exactly as sent. */
export interface IntakeEntry {
  id: string
  revision: number
  contentHash: string
  item: z.infer<typeof approvedItemSchema>
  raw: unknown
}

const zhCN = z.locales.zhCN()

/**
 * Parses `input` with `schema`, or throws ApiError('VALIDATION') with a Chinese message naming
 * the first bad field. The Chinese locale is passed per call so the global zod config (shared
 * with other code in the same process) is left alone.
 */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown, what: string) {
  const result = schema.safeParse(input, { error: zhCN.localeError })
  if (result.success) return result.data as z.output<T>
  throw new ApiError(
    'VALIDATION',
    `${what}格式不正确：${firstIssueMessage(result.error.issues)}`,
    issueDetails(result.error.issues),
  )
}

/** Validates one entry (batch or PUT) into an IntakeEntry; ids are compared in lower case. */
export function toIntakeEntry(id: unknown, body: unknown): IntakeEntry {
  const parsedId = parseOrThrow(itemIdSchema, id, '条目编号')
  const parsed = parseOrThrow(putItemBodySchema, body, '请求体')
  const raw = (body as { item: unknown }).item
  return { id: parsedId.toLowerCase(), ...parsed, raw }
}
