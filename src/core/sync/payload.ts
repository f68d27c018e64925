import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'
import type { SyncOutboxRow } from '../db/tables/sync'
import { wireContentHash } from '../../shared/sync/wire'
import { contentHash, parseSnapshot, type Snapshot } from '../items/content'
import { classificationNames } from '../catalogue/classification-names'

/** One entry of `POST /items/batch`. */
export interface ItemPayloadEntry {
  id: string
  revision: number
  contentHash: string
  item: Record<string, unknown>
}

/** The approved content cannot be found locally: the entry fails without being sent. */
export class PayloadError extends Error {
  override readonly name = 'PayloadError'
}

/**
 * The stored approved revision no longer hashes to what the approval bound: its row was changed
 * after the approval (outside the app). Nothing is sent; sync flags the item and audits it.
 */
export class IntegrityError extends PayloadError {
  constructor(
    readonly revision: number,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(
      `本机保存的第 ${revision} 版内容与审批时确认的内容哈希不符（数据库中的已审批内容在审批后被改动过），已拒绝报送。` +
        '请管理员核查数据库和审计日志；确认内容无误后，修改条目并重新提交审查。',
    )
  }
}

/** `sha256:<hex>` as the protocol wants it, whether or not the caller prefixed it. */
export function protocolHash(hash: string): string {
  return hash.startsWith('sha256:') ? hash : `sha256:${hash}`
}

const bare = (hash: string) => hash.replace(/^sha256:/, '')

/**
 * The snapshot whose content hash the outbox row carries: normally revision `row.revision`; if
 * that revision was later rewritten in place (a coalesced autosave), any revision with the same
 * hash holds the same content. Never the current draft: an edit after approval is not approved.
 */
export async function approvedSnapshot(db: Kysely<DB>, row: SyncOutboxRow): Promise<Snapshot> {
  const wanted = bare(row.content_hash)
  const exact = await db
    .selectFrom('item_revisions')
    .select(['snapshot_json', 'content_hash'])
    .where('item_id', '=', row.entity_id)
    .where('revision', '=', row.revision)
    .executeTakeFirst()
  if (exact && bare(exact.content_hash) === wanted) return verified(row, exact.snapshot_json)
  const same = await db
    .selectFrom('item_revisions')
    .select('snapshot_json')
    .where('item_id', '=', row.entity_id)
    .where('content_hash', 'in', [wanted, `sha256:${wanted}`])
    .orderBy('revision', 'desc')
    .executeTakeFirst()
  if (same) return verified(row, same.snapshot_json)
  throw new PayloadError(
    `本机找不到已批准的第 ${row.revision} 版内容（可能已被后来的修改覆盖），无法报送；请修改后重新提交审查。`,
  )
}

/**
 * Recomputes the approval hash from the stored snapshot (issue 8 point 4): the stored
 * `content_hash` column is only a label — what counts is that the content itself still hashes to
 * what the approval bound. A snapshot that cannot be read counts as changed.
 */
function verified(row: SyncOutboxRow, snapshotJson: string): Snapshot {
  const wanted = bare(row.content_hash)
  let snapshot: Snapshot
  let actual: string
  try {
    snapshot = parseSnapshot(snapshotJson)
    actual = contentHash({ content: snapshot.content, attachments: snapshot.attachments })
  } catch {
    throw new IntegrityError(row.revision, wanted, '（无法读取）')
  }
  if (actual !== wanted) throw new IntegrityError(row.revision, wanted, actual)
  return snapshot
}

/**
 * Who approved and when: `detail.approvedAt/approvedBy` when the approval passed them; otherwise
 * the time the entry was queued (inside the approval transaction, so the approval's time) and the
 * actor of the audit entry that recorded the final approval (`review.approved`).
 */
async function approval(
  db: Kysely<DB>,
  row: SyncOutboxRow,
): Promise<{ approvedAt: string; approvedBy: string }> {
  let detail: Record<string, unknown> = {}
  try {
    detail = row.detail_json ? (JSON.parse(row.detail_json) as Record<string, unknown>) : {}
  } catch {
    // A damaged detail only loses what the fallbacks below recover.
  }
  const approvedAt =
    typeof detail['approvedAt'] === 'string' ? detail['approvedAt'] : row.created_at
  if (typeof detail['approvedBy'] === 'string' && detail['approvedBy'].trim() !== '') {
    return { approvedAt, approvedBy: detail['approvedBy'] }
  }
  const audit = await db
    .selectFrom('audit_log')
    .select('actor_name')
    .where('action', '=', 'review.approved')
    .where('target', '=', `item:${row.entity_id}`)
    .where('at', '<=', row.created_at)
    .orderBy('seq', 'desc')
    .executeTakeFirst()
  return { approvedAt, approvedBy: audit?.actor_name?.trim() || '（未记录审批人）' }
}

/**
 * Builds the batch entry for an upsert row at send time, from the APPROVED revision (see
 * approvedSnapshot). Attachments are described by name, sha256 and size only: their bytes are not
 * sent in this version of the protocol. Topic, genre and catalogue entry are sent by name.
 */
export async function buildItemPayload(
  db: Kysely<DB>,
  row: SyncOutboxRow,
): Promise<ItemPayloadEntry> {
  const snapshot = await approvedSnapshot(db, row)
  const c = snapshot.content
  const item = await db
    .selectFrom('items')
    .select(['index_number'])
    .where('id', '=', row.entity_id)
    .executeTakeFirst()
  if (!item) throw new PayloadError('条目在本机已不存在，无法报送。')
  const named = await classificationNames(db, c)
  const { approvedAt, approvedBy } = await approval(db, row)
  const payload: Record<string, unknown> = {
    title: c.title,
    kind: c.kind,
    bodyHtml: c.bodyHtml,
    approvedAt,
    approvedBy,
    indexNo: item.index_number,
    docNumber: c.docNumber,
    issuer: c.issuer,
    signedDate: c.signedDate,
    plannedPublishDate: c.plannedPublishDate,
    topic: named.topic,
    genre: named.genre,
    catalogueEntry: named.catalogueEntry,
    validity: c.validity,
    validityById: c.validityById,
    attachments: snapshot.attachments.map((a) => ({
      name: a.name,
      sha256: a.sha256,
      size: a.sizeBytes,
    })),
    // What the review approval bound (core/items contentHash), for the district's records.
    approvedContentHash: protocolHash(row.content_hash),
  }
  return {
    id: row.entity_id,
    revision: row.revision,
    // Protocol revision 2: the hash of the item exactly as sent (RFC 8785), checked by the server.
    contentHash: await wireContentHash(payload),
    item: payload,
  }
}
