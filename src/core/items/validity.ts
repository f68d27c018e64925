import type { Kysely } from 'kysely'
import type { Validity } from '../../shared/items/types'
import { VALIDITY_LABELS } from '../../shared/items/labels'
import type { Actor } from '../accounts/actor'
import type { Clock } from '../clock'
import type { EventBus } from '../events/bus'
import type { DB } from '../db/schema'
import { AppError } from '../errors'
import { commitChange, currentState } from './commit'
import { loadItemRow } from './items-repo'
import { requireItemEditor } from './permissions'

export interface SetValidityInput {
  /** The item whose 有效性 changes (for 立改废: the earlier item). */
  id: string
  validity: Validity
  /** For 已修改 / 废止: the newer item that amends or repeals it. */
  byItemId?: string
  /** The officer confirmed starting a 修订稿 of an approved item (see working-revision.ts). */
  confirmRevision?: boolean
}

/**
 * Sets an item's 有效性. 立改废: marking it 已修改 or 废止 records the newer item that did it, so
 * both show the link. The change is a new revision of the item (kind `validity`), which sends a
 * published item back to 草稿 — the changed 有效性 must be reviewed and synced again — and is
 * audited with before/after hashes.
 */
export async function setValidity(
  db: Kysely<DB>,
  actor: Actor,
  input: SetValidityInput,
  clock: Clock,
  events: EventBus,
): Promise<void> {
  requireItemEditor(actor)
  const needsLink = input.validity === 'amended' || input.validity === 'repealed'
  if (needsLink !== (input.byItemId !== undefined)) {
    throw new AppError(
      'VALIDATION',
      '标记为已修改或废止时须选择修改/废止它的文件；有效、失效不需要',
    )
  }
  await db.transaction().execute(async (trx) => {
    const before = await loadItemRow(trx, input.id)
    let byTitle: string | null = null
    if (input.byItemId !== undefined) {
      if (input.byItemId === input.id) {
        throw new AppError('VALIDATION', '文件不能修改或废止它自己，请选择新的文件')
      }
      const by = await loadItemRow(trx, input.byItemId)
      if (by.validity_by_id === input.id) {
        throw new AppError('VALIDATION', `「${by.title}」已被本文件修改或废止，不能反过来标记`)
      }
      byTitle = by.title
    }
    const byId = input.byItemId ?? null
    if (before.validity === input.validity && before.validity_by_id === byId) return
    const state = await currentState(trx, before)
    await commitChange(
      trx,
      {
        before,
        itemId: before.id,
        content: { ...state.content, validity: input.validity, validityById: byId },
        attachments: state.attachments,
        kind: 'validity',
        actor,
        action: 'item.validity',
        events,
        confirmed: input.confirmRevision === true,
        detail: {
          from: VALIDITY_LABELS[before.validity],
          to: VALIDITY_LABELS[input.validity],
          byItemId: byId,
          byTitle,
        },
      },
      clock,
    )
  })
}
