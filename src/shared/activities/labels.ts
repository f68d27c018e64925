import type { ActivityChannel, ActivityState, OpinionAdoption } from './types'

/** The one label table of the activities domain (architecture doc, principle 11). */
export const ACTIVITY_CHANNEL_LABELS: Record<ActivityChannel, string> = {
  offline: '线下',
  online: '线上',
  both: '线上线下',
}

export const OPINION_ADOPTION_LABELS: Record<OpinionAdoption, string> = {
  adopted: '采纳',
  partly: '部分采纳',
  not_adopted: '未采纳',
  pending: '待研究',
}

export const ACTIVITY_STATE_LABELS: Record<ActivityState, string> = {
  planned: '计划中',
  held: '已开展',
  disclosed: '已公开',
}

/** The columns of the 政府开放活动计划安排报送表 (export headers). */
export const ACTIVITY_PLAN_COLUMNS = [
  '序号',
  '单位名称',
  '活动名称/主题',
  '计划时间',
  '地点',
  '形式',
  '主要内容',
  '邀请对象及人数',
  '报名方式',
  '联系人',
  '联系电话',
  '备注',
] as const

/** Audit actions of the activities domain (spread into AUDIT_ACTION_LABELS). */
export const ACTIVITY_AUDIT_LABELS = {
  'activity.create': '新增开放活动',
  'activity.update': '修改开放活动',
  'activity.record': '登记活动开展情况',
  'activity.remove': '删除开放活动',
  'activity.draft': '由开放活动生成公开草稿',
  'activity.export': '导出开放活动报送表',
} as const
