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
} as const

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS
