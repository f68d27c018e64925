import type { z } from 'zod'
import { ITEM_FIELD_LABELS } from '../../shared/items/labels'

/** Chinese names of input fields, so a validation message says which box to fix. */
const FIELD_LABELS: Record<string, string> = {
  ...ITEM_FIELD_LABELS,
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
  maxFailedLogins: '连续输错密码次数上限',
  lockoutMinutes: '账户锁定分钟数',
  file: '文件',
  url: '链接',
  // Drafting (起草)
  baseRevision: '版本号',
  revision: '版本号',
  byItemId: '修改/废止文件',
  policyId: '政策文件',
  interpretationId: '政策解读',
  itemId: '条目',
  attachmentId: '附件',
  statuses: '状态',
  kinds: '类别',
  validities: '有效性',
  signedFrom: '成文日期起',
  signedTo: '成文日期止',
  updatedFrom: '修改日期起',
  updatedTo: '修改日期止',
  authorId: '起草人',
  late: '逾期',
  sort: '排序',
  order: '排序方向',
  level1: '一级事项',
  level2: '二级事项',
  content: '公开内容',
  basis: '公开依据',
  timeLimit: '公开时限',
  subject: '公开主体',
  channels: '公开渠道和载体',
  audience: '公开对象',
  method: '公开方式',
  level: '公开层级',
  seq: '序号',
  parentId: '上级分类',
  label: '名称',
  indexPattern: '索引号格式',
  attachmentMaxMb: '附件大小上限',
  // Sync (同步)
  serverUrl: '服务器地址',
  token: '令牌',
  reason: '原因',
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

/** How many characters of the input a message may quote. */
export const MAX_QUOTED = 20
/** The longest message that crosses IPC. */
const MAX_MESSAGE = 400

/** The strings in an input longer than `limit` (bounded walk, longest first). */
function longStrings(raw: unknown, limit: number): string[] {
  const found = new Set<string>()
  const stack: unknown[] = [raw]
  let seen = 0
  while (stack.length > 0 && seen++ < 10_000) {
    const v = stack.pop()
    if (typeof v === 'string') {
      if (v.length > limit) {
        found.add(v)
        const trimmed = v.trim()
        if (trimmed.length > limit) found.add(trimmed)
      }
    } else if (Array.isArray(v)) {
      stack.push(...v.slice(0, 1000))
    } else if (v !== null && typeof v === 'object') {
      stack.push(...Object.values(v as Record<string, unknown>).slice(0, 1000))
    }
  }
  return [...found].sort((a, b) => b.length - a.length)
}

/**
 * A message quotes at most `quote` characters of any input string (issue 8 point 10): a check
 * that says 「发文字号「…」格式不正确」 must not send a 1 M-character input back whole. Validation
 * messages use the default (MAX_QUOTED); a service's own messages may name a chosen file's path,
 * so the dispatcher gives them a path-sized allowance.
 */
export function clampEcho(
  message: string,
  raw: unknown,
  { quote = MAX_QUOTED, max = MAX_MESSAGE }: { quote?: number; max?: number } = {},
): string {
  let out = message
  if (raw !== undefined) {
    for (const s of longStrings(raw, quote)) {
      if (out.includes(s)) out = out.split(s).join(`${s.slice(0, quote)}…`)
    }
  }
  return out.length > max ? `${out.slice(0, max)}…` : out
}
