import { Badge, type BadgeProps } from '@mantine/core'
import { ITEM_SYNC_STATE_LABELS } from '../../../shared/sync/labels'
import type { ItemStatus } from '../../../shared/items/types'
import type { ItemSyncState } from '../../../shared/sync/types'

export const SYNC_STATE_COLORS: Record<ItemSyncState, string> = {
  pending: 'yellow',
  delivered: 'cyan',
  published: 'indigo',
  conflict: 'red',
  failed: 'red',
  returned: 'orange',
  withdrawn: 'dark',
}

/** An item's sync state (待同步 / 已送达 / 已同步 / 冲突 / 失败 …) with the shared label. */
export function SyncBadge({ state, ...props }: { state: ItemSyncState } & BadgeProps) {
  return (
    <Badge
      variant="outline"
      color={SYNC_STATE_COLORS[state]}
      title={`同步：${ITEM_SYNC_STATE_LABELS[state]}`}
      {...props}
    >
      {ITEM_SYNC_STATE_LABELS[state]}
    </Badge>
  )
}

/** 已同步 and 已撤回 are item statuses too: the list shows them once. */
export function syncSaidByStatus(row: { status: ItemStatus; syncState?: ItemSyncState | null }) {
  return (
    (row.syncState === 'published' && row.status === 'synced') ||
    (row.syncState === 'withdrawn' && row.status === 'withdrawn')
  )
}
