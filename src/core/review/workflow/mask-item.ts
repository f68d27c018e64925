import type { Kysely } from 'kysely'
import { FINDING_KIND_LABELS } from '../../../shared/review/labels'
import type { ReviewFinding, ReviewFindingKind } from '../../../shared/review/types'
import type { Actor } from '../../accounts/actor'
import type { Clock } from '../../clock'
import type { EventBus } from '../../events/bus'
import type { DB } from '../../db/schema'
import { AppError } from '../../errors'
import { htmlToText } from '../../html/html-text'
import { sanitiseHtmlInWorker } from '../../workers'
import { commitChange, snapshotAttachments } from '../../items/commit'
import { contentOfRow } from '../../items/content'
import { loadItemRow } from '../../items/items-repo'
import { requireItemEditor } from '../../items/permissions'
import { scanOptionsFor, scanTitleAndBody } from './scan-item'

export interface MaskInput {
  itemId: string
  baseRevision: number
  contentHash: string
  findingId?: string | undefined
  kind?: ReviewFindingKind | undefined
  /** The officer confirmed withdrawing the review / starting a 修订稿 (core/items/working-revision). */
  confirmRevision?: boolean | undefined
}

/** Replaces every value in `text` (longest first, so a value inside another is not cut). */
function replaceValues(text: string, masks: ReadonlyMap<string, string>): string {
  let out = text
  for (const [value, masked] of [...masks].sort((a, b) => b[0].length - a[0].length)) {
    out = out.split(value).join(masked)
  }
  return out
}

/** The same, in the text between tags of an HTML fragment (attributes and tags untouched). */
function replaceInHtml(html: string, masks: ReadonlyMap<string, string>): string {
  return html
    .split(/(<[^>]*>)/)
    .map((part) => (part.startsWith('<') ? part : replaceValues(part, masks)))
    .join('')
}

/**
 * 脱敏: masks one finding (by the id `review:scan` gave) or every finding of a kind in the title and
 * body, as a NEW revision through the items save path (commitChange: an item under review goes
 * back to 草稿 and its open review is cancelled; a returned item stays 退回修改). Every occurrence
 * of a masked value is masked the same way within the item (one pattern per publication), so
 * fragments cannot be recombined. Attachments cannot be masked here: replace the file.
 */
export async function maskItem(
  db: Kysely<DB>,
  actor: Actor,
  input: MaskInput,
  clock: Clock,
  events: EventBus,
): Promise<void> {
  requireItemEditor(actor)
  await db.transaction().execute(async (trx) => {
    const row = await loadItemRow(trx, input.itemId)
    if (row.revision !== input.baseRevision || row.content_hash !== input.contentHash) {
      throw new AppError('CONFLICT', '内容已变更，请重新检查后再脱敏', {
        reason: 'content_changed',
      })
    }
    const findings = scanTitleAndBody(row.title, row.body_text, await scanOptionsFor(trx, row))
    let targets: ReviewFinding[]
    if (input.findingId !== undefined) {
      const found = findings.find((f) => f.id === input.findingId)
      if (!found) {
        if (input.findingId.startsWith('a:')) {
          throw new AppError('VALIDATION', '附件中的内容不能在此脱敏，请修改原文件后重新上传附件')
        }
        throw new AppError('CONFLICT', '该发现已不存在，请重新检查')
      }
      if (!found.maskable) {
        throw new AppError(
          'VALIDATION',
          `${FINDING_KIND_LABELS[found.kind]}不能自动脱敏，请在编辑器中修改或删除`,
        )
      }
      targets = [found]
    } else {
      targets = findings.filter((f) => f.kind === input.kind && f.maskable)
      if (targets.length === 0) {
        const label = input.kind ? FINDING_KIND_LABELS[input.kind] : ''
        throw new AppError('VALIDATION', `标题和正文中没有可自动脱敏的${label}`)
      }
    }
    const masks = new Map<string, string>()
    for (const f of targets) if (f.masked !== null) masks.set(f.text, f.masked)
    const before = contentOfRow(row)
    const content = {
      ...before,
      title: replaceValues(before.title, masks),
      bodyHtml: await sanitiseHtmlInWorker(replaceInHtml(before.bodyHtml, masks)),
    }
    const bodyText = htmlToText(content.bodyHtml)
    const left = [...masks.keys()].filter((v) => content.title.includes(v) || bodyText.includes(v))
    if (left.length > 0) {
      throw new AppError(
        'VALIDATION',
        `部分内容未能自动脱敏（可能被格式分隔），请在编辑器中手动修改：${left.join('、')}`,
      )
    }
    await commitChange(
      trx,
      {
        before: row,
        itemId: row.id,
        content,
        attachments: await snapshotAttachments(trx, row.id),
        kind: 'save',
        actor,
        action: 'review.mask',
        confirmed: input.confirmRevision === true,
        events,
        detail: {
          count: masks.size,
          ...(input.kind ? { name: FINDING_KIND_LABELS[input.kind] } : {}),
          ...(targets[0] && input.findingId ? { name: FINDING_KIND_LABELS[targets[0].kind] } : {}),
        },
      },
      clock,
    )
  })
}
