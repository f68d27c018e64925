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

/**
 * The fields of the sync wire (src/shared/sync/wire.ts) as the server's validation messages name
 * them (the item's own fields come from ITEM_FIELD_LABELS): a refused entry says
 * 「审核通过时间：…」, never the wire key.
 */
export const SYNC_WIRE_FIELD_LABELS: Record<string, string> = {
  items: '条目',
  item: '条目内容',
  revision: '版本',
  contentHash: '内容摘要',
  approvedAt: '审核通过时间',
  approvedBy: '审核人',
  indexNo: '索引号',
  topic: '主题分类',
  genre: '体裁分类',
  catalogueEntry: '所属目录事项',
  approvedContentHash: '审核时的内容摘要',
  sha256: '文件摘要',
  size: '文件大小',
}

/** Shown when the district refuses the token (HTTP 401). */
export const SYNC_TOKEN_REFUSED_MESSAGE = '令牌无效或已吊销，请在设置中更新'
