import type { ItemContent, ItemKind, ItemSort, ItemStatus, RevisionKind, Validity } from './types'

/** The one label table of the items domain (起草; architecture doc, principle 11). */

export const ITEM_KIND_LABELS: Record<ItemKind, string> = {
  policy: '政策文件',
  interpretation: '政策解读',
  notice: '通知公告',
  news: '工作动态',
  data: '数据发布',
  consultation: '意见征集',
  permit: '行政许可公示',
  penalty: '行政处罚公示',
  enforcement: '行政强制公示',
  other: '其他',
}

export const VALIDITY_LABELS: Record<Validity, string> = {
  valid: '有效',
  expired: '失效',
  repealed: '废止',
  amended: '已修改',
}

export const ITEM_STATUS_LABELS: Record<ItemStatus, string> = {
  draft: '草稿',
  pending_review: '待审查',
  returned: '退回修改',
  approved: '已通过',
  synced: '已同步',
  withdrawn: '已撤回',
}

/**
 * 修订稿 (issue 10): the state of an item's working revision, shown beside its approved revision
 * that stays in force — 「已通过 第 3 版 · 修订中 第 4 版」 (see revision-state.ts).
 */
export const WORKING_REVISION_LABELS: Record<'draft' | 'pending_review' | 'returned', string> = {
  draft: '修订中',
  pending_review: '修订稿待审查',
  returned: '修订稿退回修改',
}

export const REVISION_KIND_LABELS: Record<RevisionKind, string> = {
  create: '新建',
  save: '保存',
  autosave: '自动保存',
  import: '导入 Word',
  restore: '恢复历史版本',
  attachment: '附件变更',
  validity: '有效性变更',
}

export const ITEM_SORT_LABELS: Record<ItemSort, string> = {
  updated: '最近修改',
  signed: '成文日期',
  title: '标题',
}

/** Shown where a draft's 索引号 would be: it is assigned on approval. */
export const INDEX_NUMBER_PENDING_LABEL = '待分配'

/** Shown where an item has no due date because its catalogue 时限 could not be read. */
export const NO_DUE_DATE_LABEL = '无法计算（时限未识别）'

/** Item fields as the editor, the diff and validation messages name them. */
export const ITEM_FIELD_LABELS: Record<keyof ItemContent | 'attachments', string> = {
  kind: '类别',
  title: '标题',
  bodyHtml: '正文',
  issuer: '发文机关',
  docNumber: '发文字号',
  signedDate: '成文日期',
  plannedPublishDate: '拟发布日期',
  topicId: '主题分类',
  genreId: '体裁分类',
  validity: '有效性',
  validityById: '修改/废止文件',
  catalogueEntryId: '所属目录事项',
  attachments: '附件',
}
