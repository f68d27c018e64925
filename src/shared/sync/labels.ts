import type { ItemSyncState, SyncOp } from './types'

/** The one label table of the sync domain (同步; architecture doc, principle 11). */

/** The item list's sync badge. */
export const ITEM_SYNC_STATE_LABELS: Record<ItemSyncState, string> = {
  pending: '待同步',
  delivered: '已送达',
  published: '已同步',
  conflict: '冲突',
  failed: '失败',
  returned: '区级退回',
  withdrawn: '已撤回',
}

export const SYNC_OP_LABELS: Record<SyncOp, string> = {
  upsert: '报送',
  withdraw: '撤回',
}

/** Shown when the district refuses the token (HTTP 401). */
export const SYNC_TOKEN_REFUSED_MESSAGE = '令牌无效或已吊销，请在设置中更新'
