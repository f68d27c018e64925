import type { Kysely } from 'kysely'
import type { ItemStatus, ServerDB } from '../db/schema'

/**
 * Which items the district holds 「附件未到齐」 (issue 15): the latest revision of an item names its
 * files (`item_attachments`); a file is there once it is a verified district file (`upload_blobs`).
 * A withdrawn item is not counted — the department took it back, nothing is to be published.
 */

/** Statuses whose missing files matter (the district may still publish or has published). */
const PENDING_STATUSES: readonly ItemStatus[] = ['received', 'returned', 'published']

/** Per department id: how many of its items lack at least one file. */
export async function incompleteItemCounts(db: Kysely<ServerDB>): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('items as i')
    .innerJoin('item_attachments as a', 'a.item_id', 'i.id')
    .leftJoin('upload_blobs as b', 'b.sha256', 'a.sha256')
    .select((eb) => ['i.department_id', eb.fn.count<number | string>('i.id').distinct().as('n')])
    .where('b.sha256', 'is', null)
    .where('i.status', 'in', PENDING_STATUSES)
    .groupBy('i.department_id')
    .execute()
  return new Map(rows.map((r) => [r.department_id, Number(r.n)]))
}

/**
 * The ids of the items 「附件未到齐」 (not withdrawn, some file missing), of `departmentId` or of
 * all, as a subquery (`where('id', 'in', …)`): the department's items page, its counts, and
 * itemFileStates.
 */
export function awaitingFilesItemIds(db: Kysely<ServerDB>, departmentId?: string) {
  const query = db
    .selectFrom('items as w')
    .select('w.id')
    .where('w.status', 'in', PENDING_STATUSES)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('item_attachments as m')
          .leftJoin('upload_blobs as mb', 'mb.sha256', 'm.sha256')
          .select('m.item_id')
          .whereRef('m.item_id', '=', 'w.id')
          .where('mb.sha256', 'is', null),
      ),
    )
  return departmentId === undefined ? query : query.where('w.department_id', '=', departmentId)
}

/** A file an item names: arrived, or where its upload stands. */
export interface ItemFile {
  name: string
  sha256: string
  size: number
  /** A verified district file (from any department). */
  arrived: boolean
  /**
   * Not arrived: the item's department's unfinished upload of it — bytes received and its last
   * chunk (or start); null when the department has not started it (or it expired and was purged).
   */
  upload: { receivedBytes: number; lastActivityAt: string } | null
}

/** One item with its files, for the overview's export and the department's detail. */
export interface ItemFiles {
  departmentCode: string
  departmentName: string
  id: string
  title: string
  status: ItemStatus
  approvedAt: string
  lastReceivedAt: string
  /** In the order the item lists them. */
  files: ItemFile[]
  /** Files not arrived. */
  missing: number
}

/**
 * Items and their files, oldest approval first: by default the items 「附件未到齐」 (not withdrawn,
 * some file missing), of the given departments or of all, at most `limit`; with `itemId` that one item
 * whatever its state (an empty list when it names no file).
 */
export async function itemFileStates(
  db: Kysely<ServerDB>,
  options: { departmentIds?: readonly string[]; itemId?: string; limit?: number } = {},
): Promise<ItemFiles[]> {
  let query = db
    .selectFrom('items as i')
    .innerJoin('departments as d', 'd.id', 'i.department_id')
    .innerJoin('item_attachments as a', 'a.item_id', 'i.id')
    .leftJoin('upload_blobs as b', 'b.sha256', 'a.sha256')
    .leftJoin('upload_sessions as s', (join) =>
      join.onRef('s.department_id', '=', 'i.department_id').onRef('s.sha256', '=', 'a.sha256'),
    )
    .select([
      'i.id',
      'i.department_id',
      'd.code',
      'd.name',
      'i.title',
      'i.status',
      'i.approved_at',
      'i.last_received_at',
      'a.position',
      'a.name as file_name',
      'a.sha256',
      'a.size',
      'b.sha256 as arrived',
      's.updated_at as upload_at',
    ])
  if (options.itemId) {
    query = query.where('i.id', '=', options.itemId)
  } else {
    query = query.where('i.id', 'in', awaitingFilesItemIds(db))
  }
  if (options.departmentIds) {
    if (options.departmentIds.length === 0) return []
    query = query.where('i.department_id', 'in', options.departmentIds)
  }
  const rows = await query.orderBy('i.approved_at').orderBy('i.id').orderBy('a.position').execute()
  const byItem = new Map<string, ItemFiles>()
  const uploads: { item: ItemFiles; file: ItemFile; departmentId: string }[] = []
  for (const r of rows) {
    let item = byItem.get(r.id)
    if (!item) {
      if (options.limit !== undefined && byItem.size >= options.limit) break
      item = {
        departmentCode: r.code,
        departmentName: r.name,
        id: r.id,
        title: r.title,
        status: r.status,
        approvedAt: r.approved_at,
        lastReceivedAt: r.last_received_at,
        files: [],
        missing: 0,
      }
      byItem.set(r.id, item)
    }
    const file: ItemFile = {
      name: r.file_name,
      sha256: r.sha256,
      size: Number(r.size),
      arrived: r.arrived !== null,
      upload: null,
    }
    item.files.push(file)
    if (file.arrived) continue
    item.missing++
    if (r.upload_at !== null) {
      file.upload = { receivedBytes: 0, lastActivityAt: r.upload_at }
      uploads.push({ item, file, departmentId: r.department_id })
    }
  }
  // Bytes received so far by the uploads that have started (one grouped query per 200 files).
  for (let start = 0; start < uploads.length; start += 200) {
    const part = uploads.slice(start, start + 200)
    const sums = await db
      .selectFrom('upload_chunks')
      .select((eb) => [
        'department_id',
        'sha256',
        eb.fn.coalesce(eb.fn.sum<number | string>('size'), eb.lit(0)).as('bytes'),
      ])
      .where((eb) =>
        eb.or(
          part.map((u) =>
            eb.and([eb('department_id', '=', u.departmentId), eb('sha256', '=', u.file.sha256)]),
          ),
        ),
      )
      .groupBy(['department_id', 'sha256'])
      .execute()
    const bytes = new Map(sums.map((x) => [`${x.department_id}/${x.sha256}`, Number(x.bytes)]))
    for (const u of part) {
      u.file.upload!.receivedBytes = bytes.get(`${u.departmentId}/${u.file.sha256}`) ?? 0
    }
  }
  return [...byItem.values()]
}
