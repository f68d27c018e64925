import type { Kysely, Transaction } from 'kysely'
import type { NewChange, NewItem, NewRevision, ServerDB } from '../db/schema'
import { lockDepartmentForWrite } from '../departments/departments-repo'
import { NOT_FOUND_MESSAGE, type ApiErrorCode } from '../errors'
import type { IntakeEntry } from './item-schemas'
import {
  findItemForUpdate,
  insertChanges,
  insertItemsIfAbsent,
  insertRevisions,
  updateItem,
} from './items-repo'
import { recordItemAttachments } from '../uploads/uploads-service'

/** What a push did to one entry. */
export type IntakeOutcome =
  | { status: 201; result: 'created'; revision: number }
  | { status: 200; result: 'updated' | 'unchanged'; revision: number }
  | { status: 404 | 409; code: ApiErrorCode; message: string; revision?: number }

/** Entries per multi-row INSERT: 15 columns × 500 stays far below both databases' limits. */
const CHUNK = 500

/**
 * Stores one pushed revision of an item for `departmentId`, in its own transaction.
 * Rules: unknown id → created; same revision and hash → unchanged; same revision, other hash →
 * 409 REVISION_CONFLICT; lower revision → 409 STALE_REVISION; higher → updated (the district's
 * status goes back to 「已接收」, since the new content has not been handled yet).
 */
export async function putItem(
  db: Kysely<ServerDB>,
  departmentId: string,
  entry: IntakeEntry,
  now: string,
): Promise<IntakeOutcome> {
  const [outcome] = await putItems(db, departmentId, [entry], now)
  return outcome as IntakeOutcome
}

/**
 * Stores many entries in one transaction (one commit: the point of batching) with the same rules
 * as putItem, one outcome per entry in order. New ids — the common case — are inserted with one
 * multi-row statement per table; the rest go through the per-entry rules. A conflict or a foreign
 * id never affects the others because no rule is enforced by letting a statement fail.
 */
export async function putItems(
  db: Kysely<ServerDB>,
  departmentId: string,
  entries: readonly IntakeEntry[],
  now: string,
): Promise<IntakeOutcome[]> {
  if (entries.length === 0) return []
  return db.transaction().execute(async (trx) => {
    await lockDepartmentForWrite(trx, departmentId)
    const outcomes: IntakeOutcome[] = new Array(entries.length)
    const rows = entries.map((e) => rowsFor(e, departmentId, now))

    // First occurrence of each id may be new; a repeated id in the same batch is decided after.
    const seen = new Set<string>()
    const firsts: number[] = []
    const rest: number[] = []
    entries.forEach((e, i) => {
      if (seen.has(e.id)) {
        rest.push(i)
      } else {
        seen.add(e.id)
        firsts.push(i)
      }
    })

    for (let start = 0; start < firsts.length; start += CHUNK) {
      const chunk = firsts.slice(start, start + CHUNK)
      const created = await insertItemsIfAbsent(
        trx,
        chunk.map((i) => rows[i]!.item),
      )
      const fresh = chunk.filter((i) => created.has(entries[i]!.id))
      await insertRevisions(
        trx,
        fresh.map((i) => rows[i]!.revision),
      )
      await insertChanges(
        trx,
        fresh.map((i) => rows[i]!.change),
      )
      for (const i of fresh) {
        outcomes[i] = { status: 201, result: 'created', revision: entries[i]!.revision }
        // Protocol v2: the item is complete only once every file it names has arrived.
        await recordItemAttachments(trx, entries[i]!.id, entries[i]!.item.attachments ?? [])
      }
      for (const i of chunk) {
        if (!created.has(entries[i]!.id))
          outcomes[i] = await applyToExisting(trx, departmentId, entries[i]!, rows[i]!)
      }
    }
    for (const i of rest)
      outcomes[i] = await applyToExisting(trx, departmentId, entries[i]!, rows[i]!)
    return outcomes
  })
}

/** The rows one entry writes when it is stored. */
interface EntryRows {
  item: NewItem
  revision: NewRevision
  change: NewChange
}

function rowsFor(entry: IntakeEntry, departmentId: string, now: string): EntryRows {
  const itemJson = JSON.stringify(entry.raw)
  return {
    item: {
      id: entry.id,
      department_id: departmentId,
      revision: entry.revision,
      content_hash: entry.contentHash,
      title: entry.item.title,
      kind: entry.item.kind,
      approved_at: new Date(entry.item.approvedAt).toISOString(),
      approved_by: entry.item.approvedBy,
      item_json: itemJson,
      status: 'received',
      status_reason: null,
      status_at: now,
      published_url: null,
      first_received_at: now,
      last_received_at: now,
    },
    revision: {
      item_id: entry.id,
      revision: entry.revision,
      content_hash: entry.contentHash,
      item_json: itemJson,
      received_at: now,
    },
    change: {
      department_id: departmentId,
      item_id: entry.id,
      type: 'received',
      revision: entry.revision,
      at: now,
    },
  }
}

/** The rules for an id that already exists, inside the caller's transaction. */
async function applyToExisting(
  trx: Transaction<ServerDB>,
  departmentId: string,
  entry: IntakeEntry,
  rows: EntryRows,
): Promise<IntakeOutcome> {
  const stored = await findItemForUpdate(trx, entry.id)
  // Another department's id is answered exactly like an unknown one: ids are not a side channel.
  if (!stored || stored.department_id !== departmentId) {
    return { status: 404, code: 'NOT_FOUND', message: NOT_FOUND_MESSAGE }
  }
  if (entry.revision === stored.revision) {
    if (entry.contentHash === stored.content_hash) {
      // A revision first stored by a server before protocol v2 (or an instance not yet upgraded,
      // in a rolling upgrade) has no file list: the re-send fills it, so the item is 附件未到齐
      // until its files arrive instead of counting as complete.
      await recordMissingAttachmentList(trx, entry)
      return { status: 200, result: 'unchanged', revision: stored.revision }
    }
    return {
      status: 409,
      code: 'REVISION_CONFLICT',
      message: `第 ${stored.revision} 版已以不同内容报送；修改后的内容请以更高的版本号报送。`,
      revision: stored.revision,
    }
  }
  if (entry.revision < stored.revision) {
    return {
      status: 409,
      code: 'STALE_REVISION',
      message: `服务端已有更新的第 ${stored.revision} 版，第 ${entry.revision} 版不再接收。`,
      revision: stored.revision,
    }
  }
  const { id: _id, department_id: _d, first_received_at: _f, ...latest } = rows.item
  await insertRevisions(trx, [rows.revision])
  await updateItem(trx, entry.id, latest)
  await recordItemAttachments(trx, entry.id, entry.item.attachments ?? [])
  await insertChanges(trx, [rows.change])
  return { status: 200, result: 'updated', revision: entry.revision }
}

/** Records the files an `unchanged` re-send names when the stored item has no file list yet. */
async function recordMissingAttachmentList(
  trx: Transaction<ServerDB>,
  entry: IntakeEntry,
): Promise<void> {
  const files = entry.item.attachments ?? []
  if (files.length === 0) return
  const listed = await trx
    .selectFrom('item_attachments')
    .select('item_id')
    .where('item_id', '=', entry.id)
    .limit(1)
    .executeTakeFirst()
  if (!listed) await recordItemAttachments(trx, entry.id, files)
}
