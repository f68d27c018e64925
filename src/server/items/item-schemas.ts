import { z } from 'zod'
import { firstIssueMessage, issueDetails } from '../../core/api/validation-message'
import { sanitiseHtmlInWorker } from '../../core/workers'
import type { approvedItemSchema } from '../../shared/sync/wire'
import { itemIdSchema, putItemBodySchema, wireContentHash } from '../../shared/sync/wire'
import { ApiError } from '../errors'
import { isPlainSafeBody } from './plain-body'

// The wire format is described once, in src/shared/sync/wire.ts (used by the desk's client too).
export {
  approvedItemSchema,
  batchBodySchema,
  batchEntrySchema,
  changesQuerySchema,
  itemIdSchema,
  MAX_BATCH,
  MAX_REVISION,
  putItemBodySchema,
  withdrawBodySchema,
} from '../../shared/sync/wire'

/** A validated entry on its way to the intake service; `raw` is the item exactly as sent. */
export interface IntakeEntry {
  id: string
  revision: number
  contentHash: string
  item: z.infer<typeof approvedItemSchema>
  /** What is stored: the item exactly as sent (and hashed). */
  raw: unknown
}

/** Why a body the sanitiser would change is refused (review finding 1). */
export const UNSAFE_BODY_MESSAGE =
  '正文含有工作台不会报送的 HTML（如脚本、事件属性），净化后与所报送的内容不一致，未保存。' +
  '工作台只报送已净化的正文；请升级工作台后重新报送。'

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
    // The sync domain's names: the wire's fields are named in Chinese (SYNC_WIRE_FIELD_LABELS).
    `${what}格式不正确：${firstIssueMessage(result.error.issues, 'sync:wire')}`,
    issueDetails(result.error.issues),
  )
}

/**
 * Validates one entry (batch or PUT) into an IntakeEntry; ids are compared in lower case.
 * Protocol revision 2: `contentHash` must be the wire hash of the `item` exactly as received
 * (`wireContentHash`, RFC 8785) — anything else is 422 CONTENT_HASH_MISMATCH, nothing stored.
 * The body is then run through the app's own sanitiser: a department's desk only ever sends
 * sanitised HTML (sanitising is idempotent, so honest bodies come out unchanged). A body the
 * sanitiser would change — `<script>`, event handlers — is refused with 422 UNSAFE_BODY and nothing
 * is stored, so what the district keeps is always exactly what `contentHash` covers.
 */
export async function toIntakeEntry(id: unknown, body: unknown): Promise<IntakeEntry> {
  const parsedId = parseOrThrow(itemIdSchema, id, '条目编号')
  const parsed = parseOrThrow(putItemBodySchema, body, '请求体')
  const raw = (body as { item: Record<string, unknown> }).item
  const actual = await wireContentHash(raw)
  if (actual !== parsed.contentHash) {
    throw new ApiError(
      'CONTENT_HASH_MISMATCH',
      '内容哈希不符：contentHash 必须是所报送 item 按 RFC 8785 规范化后的 SHA-256（sha256:<十六进制>）。' +
        '内容可能在传输中被改动，或客户端版本过旧，请升级工作台后重新报送。',
      { expected: actual },
    )
  }
  let bodyHtml: string
  try {
    // A body already in the sanitiser's output form is kept as is (isPlainSafeBody proves it).
    bodyHtml = isPlainSafeBody(parsed.item.bodyHtml)
      ? parsed.item.bodyHtml
      : await sanitiseHtmlInWorker(parsed.item.bodyHtml)
  } catch (e) {
    const why = e instanceof Error ? e.message.slice(0, 200) : ''
    throw new ApiError('VALIDATION', `正文无法安全处理，未保存${why ? `：${why}` : ''}`)
  }
  if (bodyHtml !== parsed.item.bodyHtml) throw new ApiError('UNSAFE_BODY', UNSAFE_BODY_MESSAGE)
  return { id: parsedId.toLowerCase(), ...parsed, raw }
}
