import type {
  AttendeeType,
  CommentDecision,
  CommenterType,
  ConsultationChannel,
  ConsultationState,
  DecisionType,
  QaState,
} from './types'

/** The one label table of the engagement domain (architecture doc, principle 11). */
export const DECISION_TYPE_LABELS: Record<DecisionType, string> = {
  major: '重大行政决策',
  normative: '行政规范性文件',
  other: '其他政策文件',
}

export const CONSULTATION_CHANNEL_LABELS: Record<ConsultationChannel, string> = {
  online: '网上留言',
  email: '电子邮件',
  letter: '信函',
  fax: '传真',
}

export const COMMENTER_TYPE_LABELS: Record<CommenterType, string> = {
  public: '社会公众',
  company: '企业',
  association: '行业协会商会',
  expert: '专家学者',
  other: '其他',
}

export const COMMENT_DECISION_LABELS: Record<CommentDecision, string> = {
  adopted: '采纳',
  partly: '部分采纳',
  rejected: '不予采纳',
  out_of_scope: '不属于本次征集范围',
}

export const CONSULTATION_STATE_LABELS: Record<ConsultationState, string> = {
  preparing: '准备中',
  in_review: '审查中',
  approved: '已通过待同步',
  scheduled: '未开始',
  open: '征集中',
  closed: '已结束',
  result_drafted: '采纳情况待公开',
  result_published: '采纳情况已公开',
}

export const ATTENDEE_TYPE_LABELS: Record<AttendeeType, string> = {
  stakeholder: '利益相关方',
  public: '公众代表',
  expert: '专家',
  media: '媒体',
  supervisor: '监督员',
}

export const QA_STATE_LABELS: Record<QaState, string> = {
  draft: '草稿',
  pending: '待审核',
  approved: '已审核',
  returned: '退回修改',
}

/** A decision at one step of a 政策问答 round (保密审查 chain). */
export const QA_DECISION_LABELS: Record<'approve' | 'return', string> = {
  approve: '同意',
  return: '退回修改',
}

/** Columns of the comment export (export-comments, 意见导出). */
export const COMMENT_EXPORT_COLUMNS = [
  '序号',
  '回执号',
  '收到时间',
  '渠道',
  '意见人类型',
  '针对段落',
  '意见内容',
  '重复/联名组',
  '处理结果',
  '理由',
  '修改所在段落',
  '修改稿版本',
] as const

/** Columns of the policy Q&A export (export-qa and the district's knowledge base). */
export const QA_EXPORT_COLUMNS = [
  '序号',
  '问题',
  '答复',
  '依据政策',
  '政策文号',
  '政策解读',
  '部门',
  '有效期起',
  '有效期止',
  '关键词',
  '状态',
] as const

/** Shown under the name and contact fields of the public page and in the app. */
export const CONTACT_NOT_PUBLISHED = '姓名和联系方式仅用于就意见与您联系，不会公开。'

/** Audit actions of the engagement domain (spread into AUDIT_ACTION_LABELS). */
export const ENGAGEMENT_AUDIT_LABELS = {
  'consultation.open': '发起意见征集',
  'consultation.update': '修改意见征集',
  'consultation.final_policy': '关联正式文件',
  'consultation.comment_add': '登记意见',
  'consultation.comment_decide': '处理意见',
  'consultation.comment_group': '调整重复意见分组',
  'consultation.result': '生成意见采纳情况说明',
  'consultation.comments_export': '导出意见',
  'supervisors.remove': '删除监督员',
  'supervisor.save': '保存监督员',
  'attendance.save': '保存列席记录',
  'attendance.remove': '删除列席记录',
  'attendance.draft': '生成列席情况公开草稿',
  'training.save': '保存培训记录',
  'trainings.remove': '删除培训记录',
  'qa.save': '保存政策问答',
  'qa.submit': '提交问答审核',
  'qa.decide': '问答审核决定',
  'qa.approve': '问答审核通过（终审）',
  'qa.return': '退回问答',
  'qa.refused': '拒绝问答审核决定（职责分离）',
  'qa.cancelled': '问答审核作废（内容已修改）',
  'qa.remove': '删除政策问答',
  'qa.export': '导出政策问答库',
} as const

/** Audit detail keys of the engagement domain (spread into AUDIT_DETAIL_LABELS). */
export const ENGAGEMENT_AUDIT_DETAIL_LABELS: Record<string, string> = {
  comment: '意见',
  join: '并入的意见',
  draft: '征求意见稿',
  notice: '征集公告',
  comments: '意见数',
}

/** Audit target kinds of the engagement domain (spread into AUDIT_TARGET_LABELS). */
export const ENGAGEMENT_AUDIT_TARGET_LABELS: Record<string, string> = {
  consultation: '意见征集',
  supervisor: '监督员',
  engagement_supervisors: '监督员',
  attendance: '列席记录',
  engagement_attendance: '列席记录',
  training: '培训记录',
  engagement_trainings: '培训记录',
  qa: '政策问答',
}

/** 《title》（征求意见稿）, without doubling 征求意见稿 when the draft's title already says it. */
export function draftCitation(title: string): string {
  return /征求意见稿/.test(title) ? `《${title}》` : `《${title}》（征求意见稿）`
}
