import type { EventPayload } from '../events/bus'

/**
 * 佐证材料 follow their item (issue 12): on 'item.changed' (in the change's transaction), an item
 * that became 已同步 (published by the district) stamps `published_at` on every live evidence link
 * to it, one that was withdrawn stamps `withdrawn_at`; any other status move of a linked item
 * touches the links. The link's state itself is read from the item (status.ts), so the 配档表 and
 * the table the district receives on the next sync (its hash changes) always show where it stands.
 */
export async function updateEvidenceOnItemChange(p: EventPayload<'item.changed'>): Promise<void> {
  if (p.change !== 'status' || p.before === p.after) return
  const now = p.clock().toISOString()
  const links = p.db
    .updateTable('schedule_evidence')
    .where('item_id', '=', p.itemId)
    .where('deleted_at', 'is', null)
  const changed =
    p.after === 'synced'
      ? await links
          .set({ published_at: now, withdrawn_at: null, updated_at: now })
          .executeTakeFirst()
      : p.after === 'withdrawn'
        ? await links.set({ withdrawn_at: now, updated_at: now }).executeTakeFirst()
        : await links.set({ updated_at: now }).executeTakeFirst()
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
