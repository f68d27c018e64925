import type {
  CannotDecideReason,
  CarrierForm,
  ChecklistAnswer,
  FindingSource,
  PublishChannel,
  ReviewDecision,
  ReviewFindingKind,
  ReviewSeverity,
  ReviewState,
  ReviewStepStatus,
  WithholdArticle,
} from './types'

/** The one label table of the review domain (保密审查; architecture doc, principle 11). */

export const FINDING_KIND_LABELS: Record<ReviewFindingKind, string> = {
  'classification-marking': '密级标志',
  'restricted-label': '限制性标注',
  'id-card': '居民身份证号',
  mobile: '手机号',
  'fixed-line': '固定电话',
  'bank-card': '银行卡号',
  uscc: '统一社会信用代码',
  email: '电子邮箱',
  'license-plate': '车牌号',
  'person-name': '姓名',
  address: '住址',
  'process-hint': '过程性信息',
  keyword: '部门敏感词',
  'document-metadata': '文档属性',
}

export const SEVERITY_LABELS: Record<ReviewSeverity, string> = {
  blocker: '阻断',
  high: '高',
  warn: '警告',
  info: '提示',
}

export const FINDING_SOURCE_LABELS: Record<FindingSource, string> = {
  title: '标题',
  body: '正文',
  attachment: '附件',
}

export const CHECKLIST_ANSWER_LABELS: Record<ChecklistAnswer, string> = {
  yes: '是',
  no: '否',
  na: '不适用',
}

/** Buttons and record entries: what each decision is called. */
export const REVIEW_DECISION_LABELS: Record<ReviewDecision, string> = {
  approve: '同意公开',
  return: '退回修改',
  withhold: '不予公开',
  refer: '报上级审查',
}

/** 审查意见 column of the 保密审查单 (公开 / 不予公开 / 需报审). */
export const REVIEW_OPINION_LABELS: Record<ReviewDecision, string> = {
  approve: '公开',
  return: '退回修改',
  withhold: '不予公开',
  refer: '需报审',
}

export const REVIEW_STATE_LABELS: Record<ReviewState, string> = {
  open: '审查中',
  approved: '已通过',
  returned: '已退回',
  withheld: '不予公开',
  cancelled: '已作废',
}

export const REVIEW_STEP_STATUS_LABELS: Record<ReviewStepStatus, string> = {
  waiting: '未开始',
  current: '待审查',
  referred: '已报上级',
  approved: '已同意',
  returned: '已退回',
  withheld: '不予公开',
  cancelled: '已作废',
}

/** Marker shown on a review referred upward, waiting for the superior's answer. */
export const REFERRED_MARKER_LABEL = '已报上级'

/** The articles a 不予公开 cites: short label and a summary of the text (条例 2019). */
export const WITHHOLD_ARTICLE_LABELS: Record<WithholdArticle, { label: string; summary: string }> =
  {
    art14: {
      label: '《条例》第十四条',
      summary:
        '依法确定为国家秘密的政府信息，法律、行政法规禁止公开的政府信息，以及公开后可能危及国家安全、公共安全、经济安全、社会稳定的政府信息，不予公开。',
    },
    art15: {
      label: '《条例》第十五条',
      summary:
        '涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息，不得公开；第三方同意公开或者不公开会对公共利益造成重大影响的，予以公开。',
    },
    art16: {
      label: '《条例》第十六条',
      summary:
        '行政机关的内部事务信息（人事管理、后勤管理、内部工作流程等），以及履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息和行政执法案卷信息，可以不予公开；法律、法规、规章规定上述信息应当公开的，从其规定。',
    },
  }

export const CARRIER_FORM_LABELS: Record<CarrierForm, string> = {
  official: '公文类',
  non_official: '非公文类',
}

export const PUBLISH_CHANNEL_LABELS: Record<PublishChannel, string> = {
  website: '政府网站',
  gazette: '政府公报',
  new_media: '两微一端',
  notice_board: '公开栏',
  other: '其他',
}

/** 拟公开方式 as one line (政府网站、其他（…）), the same on the review screen and the 审查单. */
export function publishChannelsText(
  channels: readonly PublishChannel[],
  other: string | null | undefined,
): string {
  return channels
    .map((c) =>
      c === 'other' && other
        ? `${PUBLISH_CHANNEL_LABELS.other}（${other}）`
        : PUBLISH_CHANNEL_LABELS[c],
    )
    .join('、')
}

/** Why the acting user cannot decide (the UI shows it instead of the buttons). */
export const CANNOT_DECIDE_LABELS: Record<CannotDecideReason, string> = {
  not_open: '该条目没有进行中的审查',
  own_item: '不能审查自己起草的信息',
  wrong_role: '当前步骤需由其他角色审查',
  referred_needs_leader: '已报上级审查，需由签发人或管理员登记上级答复',
  decided_other_step: '您已审查过本轮的其他步骤，每一步须由不同的人审查',
  account_after_submission: '您的账号创建于该条目提交审查之后，不能审查该条目',
  password_reset_after_submission: '您的密码在该条目提交审查之后被管理员重置过，不能审查该条目',
}

/** Review error messages core returns (Chinese, say what to do); the UI may show them as is. */
export const REVIEW_MESSAGES = {
  ownItem: '不能审查自己起草的信息',
  contentChanged: '内容已变更，请重新审查',
} as const
