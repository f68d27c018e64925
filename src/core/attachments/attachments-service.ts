import { open, readFile, stat } from 'node:fs/promises'
import { draftingSettingsPatchSchema } from '../../shared/catalogue/schemas'
import { copyFileSync, existsSync } from 'node:fs'
import { basename } from 'node:path'
import type { Kysely } from 'kysely'
import type { Actor } from '../accounts/actor'
import { appendAudit } from '../audit/append'
import type { Clock } from '../clock'
import type { EventBus } from '../events/bus'
import type { DB } from '../db/schema'
import { AppError } from '../errors'
import type { IdSource } from '../ids'
import { commitChange, currentState } from '../items/commit'
import { requireEditConfirmed } from '../items/working-revision'
import { readDraftingSettings } from '../items/drafting-settings'
import { loadItemRow } from '../items/items-repo'
import { requireItemEditor } from '../items/permissions'
import { extractAttachmentText } from './attachment-text'
import { blobPath, commitBlob, discardBlob, stageBlob } from './blob-store'
import { cleanFileName } from './file-name'
import { checkAttachmentType } from './file-types'
import { auditActor } from '../accounts/actor'

export interface AddAttachmentOutcome {
  attachmentId: string
  warnings: string[]
  deduplicated: boolean
}

const MB = 1024 * 1024
/** The largest limit 设置 → 附件大小上限 accepts (the shared schema's ceiling). */
const ATTACHMENT_CEILING_MB = draftingSettingsPatchSchema.shape.attachmentMaxMb.unwrap().maxValue

/** First bytes of a file, for the content check. */
async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r')
  try {
    const buffer = new Uint8Array(1024)
    const { bytesRead } = await handle.read(buffer, 0, 1024, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/**
 * Adds the file at `source` to an item: size limit (setting, default 50 MB) and type allowlist
 * checked by extension and content; copied once into the content-addressed store; text extracted
 * for search and scanning (a failure keeps the file with a warning); then a new revision (kind
 * `attachment`) in one transaction. On any error the item stays as it was.
 */
export async function addAttachment(
  db: Kysely<DB>,
  dataDir: string,
  actor: Actor,
  itemId: string,
  source: string,
  clock: Clock,
  ids: IdSource,
  events: EventBus,
  /** The officer confirmed starting a 修订稿 / withdrawing the review (see items/working-revision). */
  confirmRevision = false,
): Promise<AddAttachmentOutcome> {
  requireItemEditor(actor)
  // Refused before any file is read when the change would need a confirmation it does not have.
  requireEditConfirmed(await loadItemRow(db, itemId), confirmRevision)
  let info
  try {
    info = await stat(source)
  } catch {
    throw new AppError('NOT_FOUND', `找不到文件「${basename(source)}」，请重新选择`)
  }
  if (!info.isFile())
    throw new AppError('VALIDATION', `「${basename(source)}」不是文件，请重新选择`)
  const { attachmentMaxMb } = await readDraftingSettings(db)
  const tooBig = (size: number) =>
    new AppError(
      'VALIDATION',
      `附件超过 ${attachmentMaxMb} MB 上限（该文件 ${(size / MB).toFixed(1)} MB）。请压缩或拆分后再添加，或请管理员在「设置 → 附件大小上限」中调整（最大 ${ATTACHMENT_CEILING_MB} MB）`,
    )
  if (info.size > attachmentMaxMb * MB) throw tooBig(info.size)
  const name = cleanFileName(basename(source))
  const precheck = checkAttachmentType(name, await readHead(source))
  if (!precheck.ok) throw new AppError('VALIDATION', precheck.message)

  const staged = await stageBlob(dataDir, source)
  let bytes: Uint8Array
  try {
    // Checked again on the copy: the original could have changed since the first look.
    bytes = await readFile(staged.temp)
    if (bytes.byteLength > attachmentMaxMb * MB) throw tooBig(bytes.byteLength)
    const check = checkAttachmentType(name, bytes.subarray(0, 1024))
    if (!check.ok) throw new AppError('VALIDATION', check.message)
  } catch (e) {
    discardBlob(staged)
    throw e
  }
  const ext = precheck.ext
  const known = await db
    .selectFrom('attachment_blobs')
    .select(['text_status', 'text_warning'])
    .where('sha256', '=', staged.sha256)
    .executeTakeFirst()
  const text = known ? null : await extractAttachmentText(bytes, name, ext)
  const existed = commitBlob(dataDir, staged)

  return db.transaction().execute(async (trx) => {
    const before = await loadItemRow(trx, itemId)
    const now = clock().toISOString()
    if (text) {
      await trx
        .insertInto('attachment_blobs')
        .values({
          sha256: staged.sha256,
          size_bytes: bytes.byteLength,
          text: text.text,
          text_status: text.status,
          text_warning: text.warning,
          created_at: now,
        })
        .onConflict((oc) => oc.column('sha256').doNothing())
        .execute()
    }
    const status = text ?? { status: known?.text_status, warning: known?.text_warning ?? null }
    const warnings =
      status.status === 'failed'
        ? [
            `附件已保存，但无法提取文字：${status.warning ?? '原因不明'}。该附件不能全文检索和保密扫描，请人工核查`,
          ]
        : []
    const same = await trx
      .selectFrom('item_attachments')
      .select('id')
      .where('item_id', '=', itemId)
      .where('sha256', '=', staged.sha256)
      .executeTakeFirst()
    if (same) {
      return {
        attachmentId: same.id,
        warnings: [...warnings, '该条目已有内容相同的附件，未重复添加'],
        deduplicated: true,
      }
    }
    const last = await trx
      .selectFrom('item_attachments')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('item_id', '=', itemId)
      .executeTakeFirst()
    const attachmentId = ids()
    await trx
      .insertInto('item_attachments')
      .values({
        id: attachmentId,
        item_id: itemId,
        sha256: staged.sha256,
        name,
        ext,
        position: (last?.p ?? -1) + 1,
        added_by: actor.id,
        added_at: now,
      })
      .execute()
    const state = await currentState(trx, before)
    await commitChange(
      trx,
      {
        before,
        itemId,
        ...state,
        kind: 'attachment',
        actor,
        action: 'attachment.add',
        events,
        confirmed: confirmRevision,
        detail: { name, sha256: staged.sha256, sizeBytes: bytes.byteLength, deduplicated: existed },
      },
      clock,
    )
    return { attachmentId, warnings, deduplicated: existed }
  })
}

/** Removes an attachment from an item (a new revision); the stored file is kept for old revisions. */
export async function removeAttachment(
  db: Kysely<DB>,
  actor: Actor,
  itemId: string,
  attachmentId: string,
  clock: Clock,
  events: EventBus,
  confirmRevision = false,
): Promise<void> {
  requireItemEditor(actor)
  await db.transaction().execute(async (trx) => {
    const before = await loadItemRow(trx, itemId)
    const ref = await trx
      .selectFrom('item_attachments')
      .selectAll()
      .where('id', '=', attachmentId)
      .where('item_id', '=', itemId)
      .executeTakeFirst()
    if (!ref) throw new AppError('NOT_FOUND', '附件不存在或已被删除，请刷新后重试')
    await trx.deleteFrom('item_attachments').where('id', '=', attachmentId).execute()
    const state = await currentState(trx, before)
    await commitChange(
      trx,
      {
        before,
        itemId,
        ...state,
        kind: 'attachment',
        actor,
        action: 'attachment.remove',
        events,
        confirmed: confirmRevision,
        detail: { name: ref.name, sha256: ref.sha256 },
      },
      clock,
    )
  })
}

/** The stored file and cleaned name of one attachment of an item. */
export async function attachmentFile(
  db: Kysely<DB>,
  dataDir: string,
  itemId: string,
  attachmentId: string,
): Promise<{ path: string; name: string; sha256: string }> {
  const ref = await db
    .selectFrom('item_attachments')
    .select(['name', 'sha256'])
    .where('id', '=', attachmentId)
    .where('item_id', '=', itemId)
    .executeTakeFirst()
  if (!ref) throw new AppError('NOT_FOUND', '附件不存在或已被删除，请刷新后重试')
  const path = blobPath(dataDir, ref.sha256)
  if (!existsSync(path)) {
    throw new AppError('NOT_FOUND', `附件「${ref.name}」的文件缺失，请从备份恢复或重新添加`)
  }
  return { path, name: ref.name, sha256: ref.sha256 }
}

/** Copies an attachment to `target` (chosen by the user) and audits it. */
export async function exportAttachment(
  db: Kysely<DB>,
  dataDir: string,
  actor: Actor,
  ref: { itemId: string; attachmentId: string },
  target: string,
  clock: Clock,
): Promise<string> {
  const file = await attachmentFile(db, dataDir, ref.itemId, ref.attachmentId)
  copyFileSync(file.path, target)
  await appendAudit(
    db,
    {
      actor: auditActor(actor),
      action: 'attachment.export',
      target: `item:${ref.itemId}`,
      detail: { name: file.name, sha256: file.sha256, file: target },
    },
    clock,
  )
  return target
}
