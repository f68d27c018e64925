import type { z } from 'zod'

/** Chinese names of input fields, so a validation message says which box to fix. */
const FIELD_LABELS: Record<string, string> = {
  department: '单位',
  name: '单位名称',
  orgCode: '统一社会信用代码',
  admin: '管理员',
  username: '用户名',
  displayName: '姓名',
  password: '密码',
  oldPassword: '原密码',
  newPassword: '新密码',
  roles: '角色',
  active: '启用状态',
  id: '编号',
  action: '操作类型',
  actorId: '操作人',
  from: '开始日期',
  to: '结束日期',
  text: '关键词',
  offset: '偏移',
  limit: '每页条数',
  lockAfterMinutes: '自动锁定时间',
  autoBackupEnabled: '自动备份',
  autoBackupKeep: '自动备份保留份数',
  file: '文件',
  url: '链接',
}

/** What crosses IPC for one issue: plain strings only (structured-clone safe, no input echoed). */
export interface IssueDetail {
  path: string
  code: string
  message: string
}

const pathText = (path: readonly PropertyKey[]): string =>
  path.map((p) => (typeof p === 'symbol' ? p.toString() : String(p))).join('.')

/** Simplifies zod issues for the Result's `details`. */
export function issueDetails(issues: readonly z.core.$ZodIssue[]): IssueDetail[] {
  return issues
    .slice(0, 20)
    .map((i) => ({ path: pathText(i.path), code: i.code, message: i.message }))
}

/** The first issue as one Chinese sentence naming the field, e.g. 「密码（admin.password）：密码至少 8 位」. */
export function firstIssueMessage(issues: readonly z.core.$ZodIssue[]): string {
  const issue = issues[0]
  if (!issue) return '输入有误，请检查后重试'
  const path = pathText(issue.path)
  if (!path) return `输入有误：${issue.message}`
  const last = issue.path.filter((p) => typeof p === 'string').pop()
  const label =
    last !== undefined && Object.hasOwn(FIELD_LABELS, last) ? FIELD_LABELS[last] : undefined
  return label ? `${label}（${path}）：${issue.message}` : `字段 ${path}：${issue.message}`
}
