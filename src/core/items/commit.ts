import type { Kysely } from 'kysely'
import type {
  ItemContent,
  ItemStatus,
  RevisionKind,
  SnapshotAttachment,
} from '../../shared/items/types'
import type { AuditAction } from '../../shared/audit/labels'
import type { Actor } from '../accounts/actor'
import { appendAudit } from '../audit/append'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import type { EventBus } from '../events/bus'
import type { ItemRow } from '../db/tables/drafting'
import { htmlToText } from '../html/html-text'
import { contentColumns, contentHash, contentOfRow } from './content'
import { computeDueDate } from './due-date'
import { recordRevision } from './revisions'
import { editTransition, requireEditConfirmed } from './working-revision'

export interface ChangeRequest {
  /** The item as it was; null when creating `itemId`. */
  before: ItemRow | null
  itemId: string
  content: ItemContent
  /** The item's attachments after the change (item_attachments already updated). */
  attachments: SnapshotAttachment[]
  kind: RevisionKind
  actor: Actor
  /** The audit action for this change; also written when a coalesced autosave continues. */
  action: AuditAction
  detail?: Record<string, unknown>
  /** The domain events bus: 'item.changed' is emitted on it inside the transaction. */
  events: EventBus
  /**
   * The officer confirmed that this change withdraws the open review (待审查) or starts a 修订稿
   * (已通过/已同步); without it such a change is refused (see working-revision.ts).
   */
  confirmed?: boolean
}

/** The current attachments of an item as a snapshot list (position order). */
export async function snapshotAttachments(
  db: Kysely<DB>,
  itemId: string,
): Promise<SnapshotAttachment[]> {
  return db
    .selectFrom('item_attachments as a')
    .innerJoin('attachment_blobs as b', 'b.sha256', 'a.sha256')
    .select(['a.name as name', 'a.sha256 as sha256', 'b.size_bytes as sizeBytes'])
    .where('a.item_id', '=', itemId)
    .orderBy('a.position')
    .execute()
}

/**
 * Applies one content change in the caller's transaction: recomputes body text, due date and
 * content hash; records the revision (coalescing autosaves); updates the full-text index; audits
 * with before/after content hashes. A coalesced autosave is not audited again (the entry that
 * opened the revision and the explicit save that closes it are), so typing does not flood the trail.
 * Status (issue 10, 修订稿): a change of a 待审查/已通过/已同步 item is refused unless `confirmed`;
 * 待审查 → 草稿 with its open review withdrawn; 已通过/已同步 → a working revision (草稿) while the
 * approved revision stays in force (`live_*`: it syncs and the district publishes it) until the
 * working revision is approved itself; 已撤回 → 草稿.
 */
export async function commitChange(
  trx: Kysely<DB>,
  req: ChangeRequest,
  clock: Clock,
): Promise<{ revision: number; hash: string }> {
  const now = clock()
  const at = now.toISOString()
  const hash = contentHash({ content: req.content, attachments: req.attachments })
  const dueDate = await computeDueDate(trx, req.content)
  const before = req.before
  const changed = before !== null && hash !== before.content_hash
  if (before !== null && changed) requireEditConfirmed(before, req.confirmed)
  const move = editTransition(before, changed)
  const status: ItemStatus = move.status
  const leavesApproval = move.withdrawsReview || move.startsRevision || move.voidsApproval
  // The approved revision that stays in force while the 修订稿 is worked on.
  const live =
    before !== null && move.startsRevision
      ? {
          live_revision: before.revision,
          live_status: before.status === 'synced' ? ('synced' as const) : ('approved' as const),
          live_content_hash: before.approved_content_hash ?? before.content_hash,
        }
      : {}
  const c = req.content
  const columns = {
    ...contentColumns(c),
    body_html: c.bodyHtml,
    body_text: htmlToText(c.bodyHtml),
    due_date: dueDate,
    status,
    ...live,
    approved_content_hash: leavesApproval ? null : (before?.approved_content_hash ?? null),
    content_hash: hash,
    updated_by: req.actor.id,
    updated_at: at,
  }
  // The item row first when creating: the revision row refers to it.
  if (before === null) {
    await trx
      .insertInto('items')
      .values({
        ...columns,
        live_revision: null,
        live_status: null,
        live_content_hash: null,
        revision: 1,
        id: req.itemId,
        author_id: req.actor.id,
        created_at: at,
      })
      .execute()
  }
  const { revision, opened } = await recordRevision(trx, {
    itemId: req.itemId,
    current: before?.revision ?? 0,
    kind: req.kind,
    snapshot: { content: req.content, attachments: req.attachments },
    hash,
    actor: req.actor,
    now,
  })
  if (before !== null) {
    await trx
      .updateTable('items')
      .set({ ...columns, revision })
      .where('id', '=', req.itemId)
      .execute()
  }
  // Search reindexes; an open review bound the old content, so review voids it (resubmission
  // starts the chain again); schedule and report follow — all listeners in core/events/listeners.ts.
  await req.events.emit('item.changed', {
    db: trx,
    itemId: req.itemId,
    change: 'content',
    before: before?.status ?? null,
    after: status,
    revision,
    contentChanged: before === null || hash !== before.content_hash,
    actor: req.actor,
    clock,
  })

  const auditActor = { id: req.actor.id, name: req.actor.displayName }
  const target = `item:${req.itemId}`
  const beforeHash = before ? { contentHash: before.content_hash } : undefined
  if (opened || req.kind !== 'autosave') {
    await appendAudit(
      trx,
      {
        actor: auditActor,
        action: req.action,
        target,
        before: beforeHash,
        after: { contentHash: hash },
        detail: { revision, title: c.title, ...req.detail },
      },
      clock,
    )
  }
  if (leavesApproval && before) {
    await appendAudit(
      trx,
      {
        actor: auditActor,
        action: move.startsRevision
          ? 'item.revision_started'
          : move.withdrawsReview
            ? 'item.review_withdrawn'
            : 'item.approval_voided',
        target,
        before: { contentHash: before.content_hash },
        after: { contentHash: hash },
        detail: {
          revision,
          from: before.status,
          to: status,
          ...(move.startsRevision ? { liveRevision: before.revision } : {}),
        },
      },
      clock,
    )
  }
  return { revision, hash }
}

/** The row's content with attachments, for changes that only touch attachments or validity. */
export async function currentState(
  db: Kysely<DB>,
  row: ItemRow,
): Promise<{ content: ItemContent; attachments: SnapshotAttachment[] }> {
  return { content: contentOfRow(row), attachments: await snapshotAttachments(db, row.id) }
}
