import type { BreakdownField, EvidenceState, TaskSource, TaskStatus } from './types'

/** The one label table of the schedule domain (architecture doc, principle 11). */
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  not_started: '未开始',
  in_progress: '推进中',
  done: '已完成',
  overdue: '逾期',
}

export const TASK_STATUS_COLORS: Record<TaskStatus, string> = {
  not_started: 'gray',
  in_progress: 'blue',
  done: 'teal',
  overdue: 'red',
}

export const TASK_SOURCE_LABELS: Record<TaskSource, string> = {
  import: '导入',
  manual: '手工添加',
  district: '区级下发',
}

export const EVIDENCE_STATE_LABELS: Record<EvidenceState, string> = {
  published: '已公开',
  approved: '已通过待发布',
  in_review: '审查中',
  draft: '草稿',
  withdrawn: '已撤回',
}

/** How the 配档表 names each field (export headers, the mapping step). */
export const BREAKDOWN_FIELD_LABELS: Record<BreakdownField, string> = {
  number: '序号',
  category: '重点任务',
  requirement: '具体任务',
  leadUnit: '责任单位',
  leadLeader: '责任领导',
  deadline: '完成时限',
  measures: '具体措施',
  disclosureContent: '公开内容/载体',
  sectionOffice: '责任科室',
  owner: '责任人',
  progress: '进展情况',
  completion: '完成情况',
  note: '备注',
}

/** Audit actions of the schedule domain (spread into AUDIT_ACTION_LABELS). */
export const SCHEDULE_AUDIT_LABELS = {
  'schedule.import': '导入重点工作分解表',
  'schedule.task_create': '新增配档任务',
  'schedule.task_update': '修改配档任务',
  'schedule.task_remove': '删除配档任务',
  'schedule.measure_add': '新增具体措施',
  'schedule.measure_update': '修改具体措施',
  'schedule.measure_remove': '删除具体措施',
  'schedule.progress_add': '登记进展情况',
  'schedule.complete': '登记完成',
  'schedule.reopen': '撤销完成',
  'schedule.evidence_link': '关联佐证材料',
  'schedule.evidence_unlink': '取消关联佐证材料',
  'schedule.export': '导出工作配档表',
} as const

/** Audit detail keys of the schedule and activities domains (spread into AUDIT_DETAIL_LABELS). */
export const SCHEDULE_AUDIT_DETAIL_LABELS: Record<string, string> = {
  year: '年度',
  sheet: '工作表',
  added: '新增',
  updated: '更新',
  unchanged: '未变',
  removed: '移除',
  own: '本单位任务',
  measure: '具体措施',
  date: '日期',
  item: '公开信息条目',
  disclosureContent: '公开内容/载体',
  sectionOffice: '责任科室',
  owner: '责任人',
  deadlineText: '完成时限',
  note: '备注',
  ownManual: '本单位任务（手工指定）',
  districtVersion: '区级分解表版本',
}

/** Audit target kinds of the schedule and activities domains (spread into AUDIT_TARGET_LABELS). */
export const SCHEDULE_AUDIT_TARGET_LABELS: Record<string, string> = {
  schedule: '工作配档表',
  schedule_task: '配档任务',
  activity: '开放活动',
  activities: '开放活动报送表',
}
