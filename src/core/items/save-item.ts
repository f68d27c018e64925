import type { Kysely } from 'kysely'
import type { ItemContent } from '../../shared/items/types'
import type { Actor } from '../accounts/actor'
import type { Clock } from '../clock'
import type { EventBus } from '../events/bus'
import type { DB } from '../db/schema'
import type { ItemRow } from '../db/tables/drafting'
import { AppError } from '../errors'
import type { IdSource } from '../ids'
import { sanitiseHtmlInWorker } from '../workers'
import { commitChange, snapshotAttachments } from './commit'
import { contentHash } from './content'
import { checkReferences, loadItemRow } from './items-repo'
import { requireItemEditor } from './permissions'
import { openAutosave } from './revisions'

/** The editable fields as the editor sends them (validity is changed through 立改废 only). */
export type ItemFields = Omit<ItemContent, 'validity' | 'validityById'>

export interface SaveItemInput extends ItemFields {
  id?: string
  baseRevision?: number
  /** The contentHash of the view being edited; catches another user's coalesced autosaves. */
  baseContentHash?: string
  /** The officer confirmed withdrawing the review / starting a 修订稿 (see working-revision.ts). */
  confirmRevision?: boolean
}

export type SaveMode = 'save' | 'autosave' | 'import'

/**
 * Creates an item (no id) or records a new revision of it. The body is sanitised here, on every
 * save path. A stale `baseRevision` gives CONFLICT — except when the only revisions since are
 * attachment changes, which the editor's fields do not contain. An autosave with unchanged content
 * writes nothing. Returns the item id.
 */
export async function saveItem(
  db: Kysely<DB>,
  actor: Actor,
  input: SaveItemInput,
  mode: SaveMode,
  clock: Clock,
  ids: IdSource,
  events: EventBus,
): Promise<string> {
  requireItemEditor(actor)
  const fields: ItemFields = {
    kind: input.kind,
    title: input.title.trim(),
    bodyHtml: await sanitiseHtmlInWorker(input.bodyHtml),
    issuer: input.issuer.trim(),
    docNumber: input.docNumber.trim(),
    signedDate: input.signedDate,
    plannedPublishDate: input.plannedPublishDate,
    topicId: input.topicId,
    genreId: input.genreId,
    catalogueEntryId: input.catalogueEntryId,
  }
  return db.transaction().execute(async (trx) => {
    await checkReferences(trx, fields)
    if (input.id === undefined) {
      const id = ids()
      const content: ItemContent = { ...fields, validity: 'valid', validityById: null }
      await commitChange(
        trx,
        {
          before: null,
          itemId: id,
          content,
          attachments: [],
          kind: mode === 'save' ? 'create' : mode,
          actor,
          action: mode === 'import' ? 'item.import_docx' : 'item.create',
          events,
        },
        clock,
      )
      return id
    }
    const before = await loadItemRow(trx, input.id)
    await checkBase(trx, before, input, actor)
    const content: ItemContent = {
      ...fields,
      validity: before.validity,
      validityById: before.validity_by_id,
    }
    const attachments = await snapshotAttachments(trx, before.id)
    const unchanged = contentHash({ content, attachments }) === before.content_hash
    // Nothing to write, unless a save has an open autosave to finalise.
    if (unchanged) {
      if (mode !== 'save') return before.id
      if (!(await openAutosave(trx, before.id, before.revision, actor, clock()))) return before.id
    }
    await commitChange(
      trx,
      {
        before,
        itemId: before.id,
        content,
        attachments,
        kind: mode === 'import' ? 'save' : mode,
        actor,
        action: mode === 'autosave' ? 'item.autosave' : 'item.save',
        events,
        confirmed: input.confirmRevision === true,
      },
      clock,
    )
    return before.id
  })
}

/** CONFLICT unless the editor's base is still current (see saveItem). */
async function checkBase(
  db: Kysely<DB>,
  row: ItemRow,
  input: SaveItemInput,
  actor: Actor,
): Promise<void> {
  const base = input.baseRevision ?? 0
  const conflict = (): never => {
    throw new AppError(
      'CONFLICT',
      `该条目已被修改（当前第 ${row.revision} 版，您编辑的是第 ${base} 版）。` +
        '请先复制您的修改，重新打开条目后再保存。',
      { currentRevision: row.revision },
    )
  }
  if (base > row.revision) conflict()
  if (base < row.revision) {
    const since = await db
      .selectFrom('item_revisions')
      .select('kind')
      .where('item_id', '=', row.id)
      .where('revision', '>', base)
      .execute()
    if (since.some((r) => r.kind !== 'attachment')) conflict()
    return
  }
  if (input.baseContentHash !== undefined && input.baseContentHash !== row.content_hash) {
    const latest = await db
      .selectFrom('item_revisions')
      .select('author_id')
      .where('item_id', '=', row.id)
      .where('revision', '=', row.revision)
      .executeTakeFirst()
    if (latest && latest.author_id !== actor.id) conflict()
  }
}

/**
 * Writes text core generated for the officer (a consultation notice, its 采纳情况说明, the annual
 * report) into the item it made for it before — a new revision; with `confirmRevision` (the
 * default) one that starts a 修订稿 or withdraws a pending review where needed — or into a new
 * draft when there is none yet or it was withdrawn. Returns the item id.
 */
export async function saveGeneratedItem(
  db: Kysely<DB>,
  actor: Actor,
  previous: Pick<ItemRow, 'id' | 'revision' | 'status'> | null,
  fields: ItemFields,
  clock: Clock,
  ids: IdSource,
  events: EventBus,
  options: { confirmRevision?: boolean } = {},
): Promise<string> {
  const input: SaveItemInput =
    previous && previous.status !== 'withdrawn'
      ? {
          ...fields,
          id: previous.id,
          baseRevision: previous.revision,
          ...(options.confirmRevision === false ? {} : { confirmRevision: true }),
        }
      : fields
  return saveItem(db, actor, input, 'save', clock, ids, events)
}
