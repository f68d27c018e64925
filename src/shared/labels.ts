import type { CatalogueColumn } from './catalogue'
import type { ItemContent, ItemKind, ItemSort, ItemStatus, RevisionKind, Validity } from './items'
import type { Role } from './roles'
import type { ErrorCode } from './result'

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
  'setup.complete': '完成初始化',
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.logout': '退出登录',
  'auth.lock': '锁定',
  'auth.unlock': '解锁',
  'auth.password_changed': '修改密码',
  'user.create': '创建用户',
  'user.update': '修改用户',
  'user.roles_changed': '变更角色',
  'user.password_reset': '重置密码',
  'settings.update': '修改设置',
  'backup.create': '备份',
  'backup.auto': '自动备份',
  'backup.restore': '恢复备份',
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
} as const

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS

/** Keys of an audit entry's `detail` and how the audit page names them. */
export const AUDIT_DETAIL_LABELS: Record<string, string> = {
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
  checked: '已校验条数',
  ok: '结果',
  firstBrokenSeq: '首个断点序号',
  lockAfterMinutes: '锁定分钟数',
  autoBackupEnabled: '每天自动备份',
  autoBackupKeep: '保留自动备份份数',
  step: '步骤',
}

/** Coded reasons in audit details (`detail.reason`). */
export const AUDIT_REASON_LABELS: Record<string, string> = {
  unknown_user: '用户名不存在',
  wrong_password: '密码错误',
  inactive: '账号已停用',
  unlock_wrong_password: '解锁时密码错误',
  manual: '手动锁定',
  idle: '长时间无操作',
}

/** Kinds of audit target (`user:<id>`, `backup:<file>`, `settings` …) as the audit page names them. */
export const AUDIT_TARGET_LABELS: Record<string, string> = {
  user: '用户',
  backup: '备份',
  settings: '设置',
  audit_log: '审计日志',
  department: '单位',
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
