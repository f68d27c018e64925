import type { z } from 'zod'
import { ITEM_FIELD_LABELS } from '../../shared/items/labels'
import { REPORT_SECTION_HEADINGS } from '../../shared/report/format'
import { BREAKDOWN_FIELD_LABELS } from '../../shared/schedule/labels'
import { SYNC_WIRE_FIELD_LABELS } from '../../shared/sync/labels'

/**
 * Chinese names of input fields, so a validation message says which box to fix (issue 10:
 * 「标题：最多 200 个字符」, never 「标题（title）」). A key means the same thing everywhere unless its
 * channel's domain (the part of the channel before 「:」) names it otherwise below.
 * test/core/api/field-labels.test.ts walks every input schema of the contract: a field with no
 * Chinese name here fails it, so a new domain cannot regress.
 */
const COMMON_FIELD_LABELS: Record<string, string> = {
  ...ITEM_FIELD_LABELS,
  department: '单位',
  name: '名称',
  orgCode: '统一社会信用代码',
  admin: '管理员',
  username: '用户名',
  displayName: '姓名',
  password: '密码',
  oldPassword: '原密码',
  newPassword: '新密码',
  roles: '角色',
  role: '角色',
  active: '启用状态',
  id: '编号',
  ids: '所选条目',
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
  token: '令牌',
  year: '年度',
  note: '备注',
  reason: '原因',
  date: '日期',
  status: '状态',
  scope: '范围',
  mode: '方式',
  key: '模板',
  mapping: '列对应关系',
  sheet: '工作表',
  title: '标题',
  body: '正文',
  content: '内容',
  contact: '联系方式',
  channel: '渠道',
  channels: '渠道',
  decision: '决定',
  answer: '回答',
  question: '问题',
  questions: '问题',
  // Drafting (起草)
  baseRevision: '版本号',
  revision: '版本号',
  confirmRevision: '确认的版本号',
  contentHash: '内容校验值',
  baseContentHash: '内容校验值',
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
  // Catalogue (目录)
  level1: '一级事项',
  level2: '二级事项',
  basis: '公开依据',
  timeLimit: '公开时限',
  subject: '公开主体',
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
  clearToken: '清除令牌',
}

/** Keys whose meaning depends on the channel's domain. */
const DOMAIN_FIELD_LABELS: Record<string, Record<string, string>> = {
  setup: { name: '单位名称' },
  catalogue: { content: '公开内容', channels: '公开渠道和载体' },
  taxonomy: { label: '分类名称' },
  audit: { from: '开始日期', to: '结束日期', text: '关键词' },
  sync: { ...SYNC_WIRE_FIELD_LABELS, seq: '序号', token: '令牌' },
  backup: { token: '恢复确认码' },
  review: {
    answer: '自查回答',
    article: '不予公开依据',
    authority: '依据',
    carrier: '公开载体',
    channels: '公开渠道',
    channelOther: '其他公开渠道',
    checklist: '审查清单',
    checklistVersion: '审查清单版本',
    comments: '审查意见',
    decision: '审查决定',
    findingId: '扫描发现',
    highReasons: '高风险说明',
    kind: '发现类别',
    mode: '导入方式',
    name: '名称',
    note: '说明',
    noteRequiredOn: '须说明的回答',
    opinion: '审查意见',
    questionId: '清单问题',
    questions: '清单问题',
    reason: '理由',
    reviewId: '审查',
    role: '审查角色',
    scope: '范围',
    selfCheck: '自查清单',
    severity: '级别',
    stepIndex: '审查步骤',
    steps: '审查步骤',
    superior: '上级机关',
    text: '意见内容',
    version: '版本',
    word: '敏感词',
  },
  requests: {
    amount: '金额',
    answerType: '答复类型',
    applicantAddress: '通信地址',
    applicantContact: '联系方式',
    applicantIdNo: '身份证明号码',
    applicantName: '申请人姓名或名称',
    applicantType: '申请人类型',
    approver: '审批人',
    body: '正文',
    caseNo: '案号',
    channel: '申请方式',
    channelDate: '按申请方式确定的日期',
    content: '申请内容',
    court: '法院',
    days: '天数',
    deadline: '期限',
    decidedDate: '决定日期',
    filedDate: '提起日期',
    form: '所需信息的形式',
    formNote: '形式说明',
    importId: '导入批次',
    items: '补正事项',
    key: '文书模板',
    kind: '类型',
    letterUnit: '文书落款单位',
    note: '说明',
    numberPattern: '编号规则',
    organ: '机关',
    outcome: '结果',
    party: '征求意见的对象',
    partyName: '征求意见对象名称',
    quantity: '数量',
    reason: '原因',
    receiptReason: '收到日期不同的原因',
    receivedDate: '收到日期',
    reconsiderationOrgan: '复议机关',
    requestId: '申请',
    scheme: '收费标准',
    status: '状态',
    submittedDate: '提交日期',
    tab: '列表',
    text: '关键词',
    title: '模板标题',
  },
  schedule: {
    ...BREAKDOWN_FIELD_LABELS,
    category: '重点任务',
    completedOn: '完成日期',
    completion: '完成情况',
    date: '进展日期',
    deadlineText: '完成时限',
    disclosureContent: '公开内容/载体',
    districtDeadline: '完成时限',
    itemId: '佐证条目',
    leadUnit: '责任单位',
    note: '备注',
    number: '序号',
    ownManual: '本单位任务',
    owner: '责任人',
    requirement: '具体任务',
    sectionOffice: '责任科室',
    taskId: '任务',
    text: '内容',
    token: '导入文件',
  },
  activities: {
    adoption: '采纳情况',
    channel: '线上/线下',
    contact: '联系人',
    content: '主要内容',
    form: '形式',
    heldOn: '举办日期',
    inviteeCount: '邀请人数',
    invitees: '邀请对象',
    location: '地点',
    note: '备注',
    opinion: '意见',
    opinions: '意见',
    participantCount: '参加人数',
    participants: '参加人员',
    phone: '联系电话',
    plannedDate: '计划日期',
    plannedTimeText: '计划时间',
    response: '答复/采纳情况',
    signup: '报名方式',
    summary: '开展情况',
    title: '活动名称/主题',
    unitName: '单位名称',
  },
  calendar: {
    holidays: '放假日期',
    names: '节日名称',
    note: '说明',
    source: '来源',
    text: '通知全文',
    workdays: '调休上班日期',
  },
  report: {
    ...REPORT_SECTION_HEADINGS,
    cell: '表格单元格',
    cells: '表格单元格',
    value: '数值',
    source: '数据来源',
    sections: '报告正文',
    section: '报告部分',
    format: '报告格式',
    kind: '导出格式',
    confirmProblems: '确认存在的问题',
    year: '报告年度',
  },
  engagement: {
    answer: '答复',
    appointedOn: '聘任日期',
    attendees: '参加人员',
    body: '意见内容',
    changedRevision: '修改的版本',
    channel: '征集渠道',
    channels: '征集渠道',
    commentId: '意见',
    commenterName: '提出人',
    commenterType: '提出人类型',
    consultationId: '意见征集',
    contact: '联系方式',
    decision: '处理决定',
    decisionType: '决策类型',
    draftItemId: '征求意见稿',
    endDate: '截止日期',
    finalItemId: '正式文件',
    findingId: '扫描发现',
    handling: '处理情况',
    heldOn: '举办日期',
    highReasons: '高风险发现的保留理由',
    hours: '学时',
    interpretationItemId: '政策解读',
    joinCommentId: '合并到的意见',
    keywords: '关键词',
    materials: '材料',
    meeting: '会议',
    name: '姓名',
    note: '说明',
    opinions: '意见',
    organisation: '单位',
    organiser: '主办单位',
    paragraphNo: '段落',
    participantCount: '参加人数',
    participantRoles: '参加人员身份',
    policyItemId: '政策文件',
    question: '问题',
    questions: '问题',
    reason: '理由',
    reviewId: '审核轮次',
    shortReason: '简要理由',
    startDate: '开始日期',
    stepIndex: '审核步骤',
    title: '标题',
    topic: '主题',
    type: '类型',
    validFrom: '生效日期',
    validTo: '失效日期',
    wholeGroup: '整组处理',
    year: '年度',
  },
}

/** The Chinese name of a field of a channel's input (`undefined` when none is known). */
export function fieldLabel(channel: string | undefined, key: string): string | undefined {
  const domain = channel?.split(':')[0]
  const own = domain !== undefined ? DOMAIN_FIELD_LABELS[domain] : undefined
  if (own && Object.hasOwn(own, key)) return own[key]
  return Object.hasOwn(COMMON_FIELD_LABELS, key) ? COMMON_FIELD_LABELS[key] : undefined
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

/**
 * The first issue as one Chinese sentence naming the field in Chinese only, e.g.
 * 「管理员 · 密码：密码至少 8 位」 or 「标题：最多 200 个字符」; a message that already names its
 * field (「申请人姓名或名称最多 100 个字符」) is not prefixed twice. A list entry is 「第 N 项」.
 * `channel` picks the domain's own names (see DOMAIN_FIELD_LABELS).
 */
export function firstIssueMessage(issues: readonly z.core.$ZodIssue[], channel?: string): string {
  const issue = issues[0]
  if (!issue) return '输入有误，请检查后重试'
  const parts: string[] = []
  for (const p of issue.path) {
    if (typeof p === 'number') parts.push(`第 ${p + 1} 项`)
    else if (typeof p === 'string') {
      const label = fieldLabel(channel, p)
      // A key with no Chinese name is left out rather than shown in English.
      if (label) parts.push(label)
    }
  }
  if (parts.length === 0) return `输入有误：${issue.message}`
  const last = parts[parts.length - 1]!
  if (issue.message.includes(last)) {
    const context = parts.slice(0, -1).join(' · ')
    return context ? `${context}：${issue.message}` : issue.message
  }
  return `${parts.join(' · ')}：${issue.message}`
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
