/**
 * The sync wire format (docs/sync-protocol.md), described ONCE: the zod schemas the central server
 * validates requests with (src/server/items) and the desk's sync client checks answers with
 * (src/core/sync), and the one content-hash function both ends use. Runs in both worlds: no Node
 * APIs (SHA-256 through Web Crypto, `globalThis.crypto.subtle`, which Node 20 and Electron have).
 */
import canonicalize from 'canonicalize'
import { z } from 'zod'
import { VALIDITIES } from '../items/types'

/**
 * Protocol revision. 2 (2026-12-01): `contentHash` is checked by the server (422 on mismatch),
 * bodies are sanitised on receipt, audit anchors. The URL prefix stays `/api/v1`; `/health`
 * reports the revision so the desk can tell an old server.
 */
export const SYNC_PROTOCOL_VERSION = 2

/** Largest revision: the column is a 32-bit integer on PostgreSQL. */
export const MAX_REVISION = 2_147_483_647

/** Most entries accepted in one `POST /items/batch`. */
export const MAX_BATCH = 500

/** A non-empty text without NUL (PostgreSQL text cannot hold U+0000). */
const text = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((s) => !s.includes('\u0000'), { message: '不能包含空字符（U+0000）' })

/** `sha256:` + 64 lowercase hex digits. */
export const contentHashSchema = z
  .string()
  .regex(/^sha256:[0-9a-f]{64}$/, '格式应为 sha256:<64 位小写十六进制>')

/** A plain text that may be empty (a field not filled in), without NUL. */
const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !s.includes('\u0000'), { message: '不能包含空字符（U+0000）' })

/** `YYYY-MM-DD`, or null when not filled in. */
const isoDate = z.iso.date().nullable()

/**
 * An attachment's name is a label only — the server never uses it as a path — and a name shaped
 * like one (`../x`, `a/b`, `C:\\x`) or holding control characters is refused (protocol v2).
 */
export const attachmentNameSchema = text(255).refine(
  // eslint-disable-next-line no-control-regex
  (s) => !/[\\/\u0000-\u001f\u007f]/.test(s) && s !== '.' && s !== '..',
  { message: '附件名不能包含路径分隔符（/ \\）、控制字符，也不能是 . 或 ..' },
)

/** One attachment as the desk describes it: name, SHA-256 and size (bytes: the blob endpoints). */
const attachmentRefSchema = z.strictObject({
  name: attachmentNameSchema,
  sha256: z.string().regex(/^[0-9a-f]{64}$/, '格式应为 64 位小写十六进制'),
  size: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
})

/**
 * An approved item: exactly the fields the desk's buildItemPayload (src/core/sync/payload.ts)
 * sends, each a bounded plain text; `bodyHtml` is the only HTML field (and must already be in the
 * sanitiser's form, see src/server/items/item-schemas.ts). Unknown fields are refused (400) rather
 * than stored unchecked. The five first fields are required, the metadata may be absent.
 */
export const approvedItemSchema = z.strictObject({
  title: text(500),
  kind: text(64),
  bodyHtml: z.string(),
  approvedAt: z.iso.datetime({ offset: true }),
  approvedBy: text(200),
  indexNo: optionalText(100).nullable().optional(),
  docNumber: optionalText(200).optional(),
  issuer: optionalText(200).optional(),
  signedDate: isoDate.optional(),
  plannedPublishDate: isoDate.optional(),
  topic: optionalText(500).nullable().optional(),
  genre: optionalText(200).nullable().optional(),
  catalogueEntry: optionalText(500).nullable().optional(),
  validity: z.enum(VALIDITIES).optional(),
  validityById: optionalText(64).nullable().optional(),
  attachments: z.array(attachmentRefSchema).max(1000).optional(),
  approvedContentHash: contentHashSchema.optional(),
})
export type ApprovedItem = z.infer<typeof approvedItemSchema>

/** The client's item id: a UUID (the desktop app uses UUIDv7). */
export const itemIdSchema = z.uuid()

/** `PUT /api/v1/items/{id}` body. */
export const putItemBodySchema = z.object({
  revision: z.int().min(1).max(MAX_REVISION),
  contentHash: contentHashSchema,
  item: approvedItemSchema,
})
export type PutItemBody = z.infer<typeof putItemBodySchema>

/** One entry of a batch: the PUT body plus the id. */
export const batchEntrySchema = putItemBodySchema.extend({ id: itemIdSchema })
export type BatchEntry = z.infer<typeof batchEntrySchema>

/**
 * `POST /api/v1/items/batch` body. Entries are validated one by one by the server (a bad entry
 * gets its own 400/422 and the rest proceed), so here entries may be anything.
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

/** An error body: `{"error":{"code","message","details"?}}`. */
export const wireErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
})

/** One line of a batch answer (status 200/201 with `result`, else `error`). */
export const batchResultLineSchema = z.object({
  index: z.int().min(0),
  id: z.string().nullable(),
  status: z.int(),
  result: z.enum(['created', 'updated', 'unchanged']).optional(),
  revision: z.int().optional(),
  error: wireErrorSchema.optional(),
})
export type BatchResultLine = z.infer<typeof batchResultLineSchema>

export const batchResponseSchema = z.object({ results: z.array(batchResultLineSchema) })

/** One event of the changes feed. */
export const changeEventSchema = z.object({
  itemId: z.string(),
  type: z.enum(['received', 'published', 'returned', 'withdrawn']),
  revision: z.int(),
  url: z.string().optional(),
  reason: z.string().optional(),
  at: z.string(),
})
export type ChangeEvent = z.infer<typeof changeEventSchema>

export const changesPageSchema = z.object({
  changes: z.array(changeEventSchema),
  nextCursor: z.string(),
  hasMore: z.boolean(),
})
export type ChangesPage = z.infer<typeof changesPageSchema>

/** A file's key in the upload endpoints: lowercase hex SHA-256 of the whole file. */
export const blobHashSchema = z.string().regex(/^[0-9a-f]{64}$/, '格式应为 64 位小写十六进制')

/** Most hashes one `POST /blobs/query` may ask about. */
export const MAX_BLOB_QUERY = 1000

/** `POST /api/v1/blobs/query`: which of these files does the district already have? */
export const blobQueryBodySchema = z.object({
  hashes: z.array(blobHashSchema).min(1).max(MAX_BLOB_QUERY),
})
/**
 * The answer: `have` — files the district has verified; `started` — files this department began
 * to upload and did not finish (resumed with `POST /blobs/{sha256}`); `chunkSize` — the chunk
 * size of new uploads, so the desk can send a new file's first chunk with its start
 * (`PUT /blobs/{sha256}/chunks/0?size=`). The last two are absent on servers before 2026-12-01.
 */
export const blobQueryResponseSchema = z.object({
  have: z.array(z.string()),
  started: z.array(z.string()).optional(),
  chunkSize: z.int().positive().optional(),
})
export type BlobQueryResponse = z.infer<typeof blobQueryResponseSchema>

/** `POST /api/v1/blobs/{sha256}`: start (or resume) the upload of a file of `size` bytes. */
export const blobStartBodySchema = z.object({ size: z.int().min(0).max(Number.MAX_SAFE_INTEGER) })

/** The header carrying a chunk's own SHA-256 (lowercase hex) on `PUT …/chunks/{index}`. */
export const CHUNK_SHA256_HEADER = 'x-chunk-sha256'

/**
 * An upload's state (answer of start, status and every chunk): the chunk layout the server fixed
 * (`chunkSize`, `chunkCount`; the last chunk holds the rest), the chunk indexes it already holds
 * and `complete` once the whole file arrived and hashed to its SHA-256.
 */
export const blobStatusSchema = z.object({
  sha256: z.string(),
  size: z.int(),
  chunkSize: z.int(),
  chunkCount: z.int(),
  received: z.array(z.int()),
  receivedBytes: z.int(),
  complete: z.boolean(),
})
export type BlobStatus = z.infer<typeof blobStatusSchema>

/** `GET /api/v1/health`. `protocol` is absent on a revision-1 server. */
export const healthSchema = z.object({
  status: z.string(),
  time: z.string().optional(),
  protocol: z.int().optional(),
})

/** Hex SHA-256 of the desk's audit chain entries. */
const auditHash = z.string().regex(/^[0-9a-f]{64}$/, '格式应为 64 位小写十六进制')

const auditSeq = z.int().min(1).max(Number.MAX_SAFE_INTEGER)

/**
 * A restore declared with the first anchor after it (docs/sync-protocol.md §2): the restore's own
 * audit entry in the new chain, and the (seq, hash) pairs of the replaced chain's entries it
 * carried in its sealed `backup.restore.carried` entry (nested sections included).
 */
export const auditAnchorRebaseSchema = z.object({
  restore: z.object({ seq: auditSeq, hash: auditHash }),
  carried: z.array(z.tuple([auditSeq, auditHash])).max(1_000_000),
})
export type AuditAnchorRebase = z.infer<typeof auditAnchorRebaseSchema>

/** `PUT /api/v1/audit-anchors`: the department's audit-chain head after a sync. */
export const auditAnchorBodySchema = z.object({
  seq: auditSeq,
  hash: auditHash,
  rebase: auditAnchorRebaseSchema.optional(),
})
export type AuditAnchorBody = z.infer<typeof auditAnchorBodySchema>

/** One anchor the server keeps (and answers with). */
export const auditAnchorSchema = z.object({
  seq: z.int(),
  hash: z.string(),
  receivedAt: z.string(),
})
export type AuditAnchor = z.infer<typeof auditAnchorSchema>

/** `GET /api/v1/audit-anchors?after=…&limit=…` query and answer. */
export const auditAnchorsQuerySchema = z.object({
  after: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
})
/** A restore the district accepted (`rebase`): anchors of the replaced chain were set aside. */
export const auditAnchorEpochSchema = z.object({
  epoch: z.int(),
  rebasedAt: z.string(),
  restoreSeq: z.int(),
  restoreHash: z.string(),
  replacedSeq: z.int().nullable(),
  carried: z.int(),
})
export type AuditAnchorEpoch = z.infer<typeof auditAnchorEpochSchema>

export const auditAnchorListSchema = z.object({
  anchors: z.array(auditAnchorSchema),
  hasMore: z.boolean(),
  /** Restores the district recorded (protocol revision 2, rebase); absent from older servers. */
  epochs: z.array(auditAnchorEpochSchema).optional(),
})

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

/**
 * The wire `contentHash` of an item: `sha256:` + hex SHA-256 of the RFC 8785 (JSON
 * Canonicalization Scheme) serialisation of the `item` object exactly as sent — keys sorted, no
 * whitespace, UTF-8. The desk computes it over what it sends; the server over what it received.
 */
export async function wireContentHash(item: unknown): Promise<string> {
  const canonical = canonicalize(item)
  if (canonical === undefined) throw new TypeError('item cannot be serialised as JSON')
  const digest = await globalThis.crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(canonical),
  )
  let hex = ''
  for (const byte of new Uint8Array(digest)) hex += HEX[byte]
  return `sha256:${hex}`
}
