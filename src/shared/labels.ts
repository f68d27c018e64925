import { ACTIVITY_AUDIT_LABELS } from './activities/labels'
import type { CatalogueColumn } from './catalogue'
import {
  SCHEDULE_AUDIT_DETAIL_LABELS,
  SCHEDULE_AUDIT_LABELS,
  SCHEDULE_AUDIT_TARGET_LABELS,
} from './schedule/labels'
import type { ItemContent, ItemKind, ItemSort, ItemStatus, RevisionKind, Validity } from './items'
import type { Role } from './roles'
import type { ErrorCode } from './result'
import type { ItemSyncState, SyncOp } from './sync'
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
} from './review'

/** The one place that maps domain codes to Chinese labels (architecture doc, principle 11). */
export const ROLE_LABELS: Record<Role, string> = {
  officer: '起草人',
  reviewer: '审核人',
  leader: '签发人',
  admin: '管理员',
}

export const ERROR_LABELS: Record<ErrorCode, string> = {
  VALIDATION: '输入有误',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '没有权限',
  NOT_FOUND: '未找到',
  CONFLICT: '冲突',
  LOCKED: '已锁定',
  SETUP_REQUIRED: '需要初始化',
  DB_ERROR: '数据库错误',
  INTERNAL: '内部错误',
}

/** Audit actions and how the audit page names them. Add new actions here as features land. */
export const AUDIT_ACTION_LABELS = {
  ...SCHEDULE_AUDIT_LABELS,
  ...ACTIVITY_AUDIT_LABELS,
  'setup.complete': '完成初始化',
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.account_locked': '密码错误次数过多，账户锁定',
  'auth.logout': '退出登录',
  'auth.lock': '锁定',
  'auth.unlock': '解锁',
  'auth.password_changed': '修改密码',
  'user.create': '创建用户',
  'user.update': '修改用户',
  'user.roles_changed': '变更角色',
  'user.password_reset': '重置密码',
  'user.password_reset_acknowledged': '确认已知密码被重置',
  'user.unlock': '管理员解锁账户',
  'settings.update': '修改设置',
  'backup.create': '备份',
  'backup.auto': '自动备份',
  'backup.restore': '恢复备份',
  'backup.restore.carried': '恢复前记录（被替换数据库在备份后的审计记录）',
  'audit.verify': '校验审计链',
  'item.create': '新建条目',
  'item.save': '保存条目',
  'item.autosave': '自动保存条目',
  'item.import_docx': '导入 Word 文档',
  'item.restore': '恢复历史版本',
  'item.validity': '变更有效性',
  'item.approval_voided': '修改已提交/已通过的条目（审核作废）',
  'item.link': '关联政策解读',
  'item.unlink': '取消关联政策解读',
  'item.index_assigned': '分配索引号',
  'attachment.add': '添加附件',
  'attachment.remove': '删除附件',
  'attachment.export': '导出附件',
  'catalogue.create': '新增目录事项',
  'catalogue.update': '修改目录事项',
  'catalogue.delete': '删除目录事项',
  'catalogue.import': '导入公开事项目录',
  'catalogue.export': '导出公开事项目录',
  'taxonomy.add_topic': '新增主题分类',
  'taxonomy.add_genre': '新增体裁分类',
  'drafting.settings_update': '修改起草设置',
  'review.submit': '提交保密审查',
  'review.decide': '审查决定',
  'review.refused': '拒绝审查决定（职责分离）',
  'review.approved': '审查通过（终审）',
  'review.cancelled': '审查作废（内容已修改）',
  'review.mask': '脱敏处理',
  'review.checklist_update': '修改审查清单',
  'review.chain_update': '修改审查流程',
  'review.keywords_import': '导入敏感词表',
  'review.keywords_add': '新增敏感词',
  'review.keywords_remove': '删除敏感词',
  'review.record_export': '导出保密审查单',
  'sync.settings_update': '修改同步设置',
  'sync.retry': '重新排队同步',
  'sync.published': '区级已发布',
  'sync.returned': '区级退回',
  'sync.conflict': '同步冲突',
  'sync.integrity_failed': '已审批内容被改动，拒绝报送',
  'sync.connection_test': '测试同步连接',
  'sync.anchor_conflict': '审计链与区级锚点不符',
  'item.withdraw': '撤回条目',
  'request.register': '登记政府信息公开申请',
  'request.event': '登记申请办理环节',
  'request.receipt_changed': '更正收到申请日期',
  'request.case_save': '登记行政复议/诉讼',
  'request.settings_update': '修改依申请公开设置',
  'request.template_save': '修改答复文书模板',
  'request.template_reset': '恢复默认文书模板',
  'request.letter': '生成申请办理文书',
  'request.import': '导入申请登记台账',
  'request.view': '查看申请详情',
  'calendar.add': '添加节假日安排',
  'calendar.replace': '更新节假日安排',
} as const

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS

/** Keys of an audit entry's `detail` and how the audit page names them. */
export const AUDIT_DETAIL_LABELS: Record<string, string> = {
  ...SCHEDULE_AUDIT_DETAIL_LABELS,
  username: '用户名',
  displayName: '姓名',
  roles: '角色',
  active: '允许登录',
  reason: '原因',
  changes: '修改',
  from: '原为',
  to: '改为',
  department: '单位',
  admin: '管理员',
  name: '名称',
  orgCode: '统一社会信用代码',
  file: '文件',
  sizeBytes: '大小',
  pruned: '清理旧备份',
  via: '途径',
  previousKeptAt: '原数据库另存于',
  attachmentsRestored: '恢复的附件文件',
  attachmentsMissing: '缺失的附件文件',
  attachmentsRefused: '拒绝的备份条目',
  refused: '拒绝的条目',
  carriedEntries: '保留的恢复前记录',
  decisionsSetAside: '被搁置的审查决定',
  itemsSetAside: '被搁置的条目修改',
  section: '分节',
  replacedDatabase: '被替换的数据库',
  checked: '已校验条数',
  ok: '结果',
  firstBrokenSeq: '首个断点序号',
  lockAfterMinutes: '锁定分钟数',
  autoBackupEnabled: '每天自动备份',
  autoBackupKeep: '保留自动备份份数',
  step: '步骤',
  decision: '审查决定',
  article: '依据条款',
  round: '审查轮次',
  version: '版本',
  count: '数量',
  mode: '方式',
  year: '年份',
  source: '来源',
  holidays: '放假天数',
  workdays: '调休上班天数',
  // Accounts, items, review, sync (issue 10: no key shown raw on the audit page).
  failedAttempts: '连续输错次数',
  lockedUntil: '锁定至',
  maxFailedLogins: '连续输错密码次数上限',
  lockoutMinutes: '账户锁定分钟数',
  resetAt: '重置时间',
  by: '操作人',
  status: '状态',
  title: '标题',
  indexNumber: '索引号',
  docNumber: '发文字号',
  revision: '版本',
  fromRevision: '恢复自版本',
  storedRevision: '已存版本',
  stepIndex: '步骤序号',
  steps: '审查步骤',
  approver: '审批人',
  blocker: '阻断问题',
  high: '高风险问题',
  message: '说明',
  kind: '类别',
  channel: '渠道',
  date: '日期',
  days: '天数',
  derived: '推算',
  outcome: '结果',
  no: '文号',
  item: '公开信息条目',
  byItemId: '修改/废止文件',
  op: '同步操作',
  queued: '已排队',
  url: '链接',
  server: '服务器',
  expected: '应为',
  actual: '实为',
  hash: '哈希',
  seq: '序号',
  sha256: '文件指纹',
  deduplicated: '与已有附件相同',
  level1: '一级事项',
  level2: '二级事项',
  unparsedTimeLimitRows: '未识别时限的行',
  attachmentMaxMb: '附件大小上限（MB）',
  indexPattern: '索引号格式',
}

/** Coded reasons in audit details (`detail.reason`). */
export const AUDIT_REASON_LABELS: Record<string, string> = {
  unknown_user: '用户名不存在',
  wrong_password: '密码错误',
  inactive: '账号已停用',
  unlock_wrong_password: '解锁时密码错误',
  manual: '手动锁定',
  idle: '长时间无操作',
  content_changed: '内容已修改',
  account_locked: '账户已锁定（密码错误次数过多）',
}

/** Kinds of audit target (`user:<id>`, `backup:<file>`, `settings` …) as the audit page names them. */
export const AUDIT_TARGET_LABELS: Record<string, string> = {
  ...SCHEDULE_AUDIT_TARGET_LABELS,
  user: '用户',
  backup: '备份',
  settings: '设置',
  audit_log: '审计日志',
  department: '单位',
  item: '公开信息条目',
  review: '保密审查',
  review_checklist: '审查清单',
  review_chain: '审查流程',
  review_keywords: '敏感词表',
  calendar: '节假日日历',
}

// ── Drafting (起草) ─────────────────────────────────────────────────────────────────────────

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

/** The catalogue's standard column headers (export writes them; import maps them by name). */
export const CATALOGUE_COLUMN_LABELS: Record<CatalogueColumn, string> = {
  seq: '序号',
  level1: '一级事项',
  level2: '二级事项',
  content: '公开内容（要素）',
  basis: '公开依据',
  timeLimit: '公开时限',
  subject: '公开主体',
  channels: '公开渠道和载体',
  audience: '公开对象',
  method: '公开方式',
  level: '公开层级',
}

// ── 保密审查 (review) ────────────────────────────────────────────────────────────────────────

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

// ── 同步 (sync) ────────────────────────────────────────────────────────────────────────────

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
