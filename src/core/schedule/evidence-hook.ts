import type { EventPayload } from '../events/bus'
import { liveRevisionOf } from '../items/working-revision'

/**
 * 佐证材料 follow their item (issue 12): on 'item.changed' (status; in the change's transaction),
 * the links to the item are stamped from where the item now stands — the approved revision in force
 * when a 修订稿 is being edited beside it: published by the district (已同步) and not stamped as
 * published since → `published_at`; withdrawn and not stamped → `withdrawn_at`. The link's state
 * itself is read from the item (status.ts), so the 配档表 and the table the district receives on
 * the next sync (its hash changes) always show where it stands.
 */
export async function updateEvidenceOnItemChange(p: EventPayload<'item.changed'>): Promise<void> {
  if (p.change !== 'status') return
  const item = await p.db
    .selectFrom('items')
    .select(['status', 'live_revision', 'live_status'])
    .where('id', '=', p.itemId)
    .executeTakeFirst()
  if (!item) return
  const status = liveRevisionOf(item)?.status ?? item.status
  const now = p.clock().toISOString()
  const links = p.db
    .updateTable('schedule_evidence')
    .where('item_id', '=', p.itemId)
    .where('deleted_at', 'is', null)
  let changed: { numUpdatedRows: bigint }
  if (status === 'synced') {
    changed = await links
      .where((eb) => eb.or([eb('published_at', 'is', null), eb('withdrawn_at', 'is not', null)]))
      .set({ published_at: now, withdrawn_at: null, updated_at: now })
      .executeTakeFirst()
  } else if (status === 'withdrawn') {
    changed = await links
      .where('withdrawn_at', 'is', null)
      .set({ withdrawn_at: now, updated_at: now })
      .executeTakeFirst()
  } else if (p.before !== p.after) {
    changed = await links.set({ updated_at: now }).executeTakeFirst()
  } else return
  if (Number(changed.numUpdatedRows) === 0) return
  await p.db
    .updateTable('schedule_tasks')
    .set({ updated_at: now })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('schedule_evidence')
        .select('task_id')
        .where('item_id', '=', p.itemId)
        .where('deleted_at', 'is', null),
    )
    .execute()
}
