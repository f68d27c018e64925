import type { Role } from '../accounts/roles'
import type { ItemDiff, ItemKind, ItemRef, ItemStatus, ItemView } from '../items/types'

/**
 * 保密审查 (confidentiality review) workflow: enum codes, view types and zod schemas that cross the
 * IPC boundary. Codes are English; Chinese labels live in labels.ts. Rules are enforced in
 * core/review/workflow (see its README.md); nothing here decides a rule.
 */

// ── Scanner vocabulary (defined once here; core/review/types.ts names them Severity/FindingKind) ──

export const REVIEW_SEVERITIES = ['blocker', 'high', 'warn', 'info'] as const
export type ReviewSeverity = (typeof REVIEW_SEVERITIES)[number]

export const REVIEW_FINDING_KINDS = [
  'classification-marking',
  'restricted-label',
  'id-card',
  'mobile',
  'fixed-line',
  'bank-card',
  'uscc',
  'email',
  'license-plate',
  'person-name',
  'address',
  'process-hint',
  'keyword',
  'document-metadata',
] as const
export type ReviewFindingKind = (typeof REVIEW_FINDING_KINDS)[number]

/** Where a finding was found: the item's title, its body, or one of its attachments. */
export const FINDING_SOURCES = ['title', 'body', 'attachment'] as const
export type FindingSource = (typeof FINDING_SOURCES)[number]

/** Count of findings per severity. */
export type SeverityCounts = Record<ReviewSeverity, number>

/** One scanner finding, bound to a revision of an item. */
export interface ReviewFinding {
  /**
   * Deterministic within one content: the same content scanned again gives the same ids, so a
   * `review:scan` id can be passed to `review:mask`, and comments can cite a submitted finding.
   */
  id: string
  kind: ReviewFindingKind
  severity: ReviewSeverity
  source: FindingSource
  /** Chinese, e.g. 「标题」「正文」「附件“名单.docx”：修订记录中的删除内容（文档中已不可见）」. */
  sourceLabel: string
  /** For attachment findings. */
  attachmentId: string | null
  attachmentName: string | null
  /** UTF-16 offsets into the source's plain text (title; body text; attachment's extracted text). */
  start: number
  end: number
  /** The matched text. */
  text: string
  /** Up to ~30 characters either side of the match, for display. */
  context: string
  /** Chinese: which rule flagged it and why. */
  reason: string
  suggestion: string | null
  /** The masked form when the kind can be masked (personal data), else null. */
  masked: string | null
  /** True when `review:mask` can mask it (a maskable kind found in the title or body). */
  maskable: boolean
}

/** `review:scan`: the scanner's view of an item's current revision. */
export interface ReviewScanResult {
  itemId: string
  revision: number
  contentHash: string
  findings: ReviewFinding[]
  counts: SeverityCounts
  /** Chinese: attachments that could not be read (encrypted, corrupt…) and similar notes. */
  warnings: string[]
}

// ── Checklist ────────────────────────────────────────────────────────────────────────────────

/** 是 / 否 / 不适用. */
export const CHECKLIST_ANSWERS = ['yes', 'no', 'na'] as const
export type ChecklistAnswer = (typeof CHECKLIST_ANSWERS)[number]

/** One checklist question; `id` is stable across versions (q1…q11, then new ids). */
export interface ChecklistQuestion {
  id: string
  text: string
  /** Answers that flag a risk: a note is required with them (e.g. 是 on Q1–Q7, 否 on Q8–Q11). */
  noteRequiredOn: ChecklistAnswer[]
}

/** A version of the checklist; reviews record which version they used. */
export interface ChecklistVersion {
  version: number
  questions: ChecklistQuestion[]
  createdAt: string
  /** null for the built-in version 1. */
  createdByName: string | null
  /** True for the version new submissions use. */
  current: boolean
}

/** An answer as sent with a submission or decision. */
export interface ChecklistAnswerInput {
  questionId: string
  answer: ChecklistAnswer
  note?: string | undefined
}

/** An answer as shown, with its question's text as it was in the version used. */
export interface ChecklistAnswerView {
  questionId: string
  question: string
  answer: ChecklistAnswer
  note: string | null
}

// ── Chain of steps ──────────────────────────────────────────────────────────────────────────

/** Roles a review step may require. */
export const REVIEW_STEP_ROLES = ['reviewer', 'leader'] as const
export type ReviewStepRole = Extract<Role, (typeof REVIEW_STEP_ROLES)[number]>

export interface ReviewChainStep {
  /** e.g. 保密审核, 领导签发. */
  name: string
  role: ReviewStepRole
}

/** The configured chain; a review keeps the chain it started with. */
export interface ReviewChain {
  version: number
  steps: ReviewChainStep[]
  updatedAt: string
  updatedByName: string | null
}

// ── Reviews, steps, decisions ─────────────────────────────────────────────────────────────────

/** One submission (审查轮次) of an item: open until approved, returned, withheld or cancelled. */
export const REVIEW_STATES = ['open', 'approved', 'returned', 'withheld', 'cancelled'] as const
export type ReviewState = (typeof REVIEW_STATES)[number]

export const REVIEW_STEP_STATUSES = [
  'waiting',
  'current',
  'referred',
  'approved',
  'returned',
  'withheld',
  'cancelled',
] as const
export type ReviewStepStatus = (typeof REVIEW_STEP_STATUSES)[number]

/** 同意公开 / 退回修改 / 不予公开 / 报上级审查. */
export const REVIEW_DECISIONS = ['approve', 'return', 'withhold', 'refer'] as const
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number]

/** The articles of the 条例 a 不予公开 cites. */
export const WITHHOLD_ARTICLES = ['art14', 'art15', 'art16'] as const
export type WithholdArticle = (typeof WITHHOLD_ARTICLES)[number]

/** 载体形式. */
export const CARRIER_FORMS = ['official', 'non_official'] as const
export type CarrierForm = (typeof CARRIER_FORMS)[number]

/** 拟公开方式. */
export const PUBLISH_CHANNELS = [
  'website',
  'gazette',
  'new_media',
  'notice_board',
  'other',
] as const
export type PublishChannel = (typeof PUBLISH_CHANNELS)[number]

/** Why the acting user may not decide (for the UI to show; core refuses anyway). */
export const CANNOT_DECIDE_REASONS = [
  'not_open',
  'own_item',
  'wrong_role',
  'referred_needs_leader',
  /** Separation of duties: each step of one round is decided by a different person. */
  'decided_other_step',
  /** The account was created after the item was submitted. */
  'account_after_submission',
  /** An administrator reset the account's password after the item was submitted. */
  'password_reset_after_submission',
] as const
export type CannotDecideReason = (typeof CANNOT_DECIDE_REASONS)[number]

export interface ReviewComment {
  text: string
  /** The finding this comment is about, if any. */
  findingId: string | null
}

/** The written reason an approver gave for one high finding. */
export interface HighFindingReason {
  findingId: string
  reason: string
}

/** The superior's answer recorded on a referred review (报上级审查). */
export interface SuperiorAnswer {
  /** e.g. 区保密局, 上级主管部门. */
  authority: string
  opinion: string
}

export interface ReviewDecisionView {
  id: string
  stepIndex: number
  stepName: string
  decision: ReviewDecision
  deciderId: string
  deciderName: string
  decidedAt: string
  /** The revision and content hash the decider saw. */
  revision: number
  contentHash: string
  checklist: ChecklistAnswerView[]
  comments: ReviewComment[]
  article: WithholdArticle | null
  /** 不予公开 / 报上级审查 reason. */
  reason: string | null
  highReasons: HighFindingReason[]
  /** Set when this decision records a referred review's superior answer. */
  superior: SuperiorAnswer | null
}

export interface ReviewStepView {
  index: number
  name: string
  role: ReviewStepRole
  status: ReviewStepStatus
  decisions: ReviewDecisionView[]
}

/** One submission, briefly (the item's review history). */
export interface ReviewSummary {
  id: string
  itemId: string
  round: number
  state: ReviewState
  /** 「已报上级」: the current step was referred upward and waits for the superior's answer. */
  referred: boolean
  revision: number
  contentHash: string
  checklistVersion: number
  submittedAt: string
  submittedById: string
  submittedByName: string
  /** Index of the step waiting for a decision; null when the review is closed. */
  currentStep: number | null
  closedAt: string | null
  /** For a withheld review: the article cited. */
  article: WithholdArticle | null
  counts: SeverityCounts
}

/** `review:get`: everything the review screen shows for an item. */
export interface ReviewView {
  item: ItemView
  /** The latest submission (open or closed); null when never submitted. */
  review: ReviewSummary | null
  /** Earlier submissions, newest first. */
  history: ReviewSummary[]
  /** The chain snapshot of `review`. */
  steps: ReviewStepView[]
  /** The findings snapshot stored at submission (empty when never submitted). */
  findings: ReviewFinding[]
  /** The checklist version `review` uses (the current version when never submitted). */
  checklist: ChecklistVersion
  /** The author's self-check. */
  selfCheck: ChecklistAnswerView[]
  carrier: CarrierForm | null
  channels: PublishChannel[]
  channelOther: string | null
  /** Since the revision the previous submission reviewed; null when none or identical revision. */
  diff: ItemDiff | null
  /** True when the acting user may decide at the current step now. */
  canDecide: boolean
  cannotDecideReason: CannotDecideReason | null
  /** True when the content changed after submission (the review is then cancelled). */
  stale: boolean
  /** 政策解读 ↔ 政策文件: the other item(s) of the pair, shown beside this one. */
  paired: ReviewPairing[]
  /**
   * The interpretation rule (a 政策解读 is approved only after its policy), said BEFORE the checklist:
   * null when it does not hold 同意公开 up; otherwise core's Chinese reason, and whether the current
   * step is the final one (同意公开 would be refused now).
   */
  approvalNotice: ApprovalNotice | null
}

/** The other item of a 政策文件 ↔ 政策解读 pair. */
export interface ReviewPairing {
  /** What the other item is to this one: its `policy`, or one of its `interpretation`s. */
  relation: 'policy' | 'interpretation'
  item: ItemRef
}

/** Why 同意公开 at the final step is held up before the checklist is even filled in. */
export interface ApprovalNotice {
  message: string
  /** True when the review's current step is its final one: core refuses 同意公开 there now. */
  atFinalStep: boolean
}

/** `review:queue` scopes: the 待审查 tabs (open reviews) and the 已完成 tabs (closed rounds). */
export const REVIEW_QUEUE_SCOPES = ['mine', 'all', 'done-mine', 'done-all'] as const
export type ReviewQueueScope = (typeof REVIEW_QUEUE_SCOPES)[number]

/** One row of `review:queue`. */
export interface ReviewQueueRow {
  reviewId: string
  itemId: string
  kind: ItemKind
  title: string
  status: ItemStatus
  revision: number
  contentHash: string
  authorName: string | null
  submittedAt: string
  submittedByName: string
  stepIndex: number
  stepName: string
  stepRole: ReviewStepRole
  stepCount: number
  referred: boolean
  counts: SeverityCounts
  canDecide: boolean
  cannotDecideReason: CannotDecideReason | null
  /** The round's state: open in the 待审查 tabs; approved / returned / withheld in 已完成. */
  state: ReviewState
  round: number
  closedAt: string | null
  /** The last decision of a closed round (who decided what, when); null while open. */
  lastDecision: { decision: ReviewDecision; deciderName: string; decidedAt: string } | null
  /** Due date from the catalogue entry's 时限 (core/items/due-date), null when none applies. */
  dueDate: string | null
  /** Past the due date and not published (as of today). */
  late: boolean
  /** 政策解读 ↔ 政策文件 of this row's item. */
  paired: ReviewPairing[]
  /** As ReviewView.approvalNotice: the interpretation rule holds 同意公开 up. */
  approvalNotice: ApprovalNotice | null
}

// ── Department keywords ───────────────────────────────────────────────────────────────────────

export interface ReviewKeyword {
  id: string
  word: string
  severity: ReviewSeverity
  note: string | null
  createdAt: string
  createdByName: string | null
}

export interface KeywordImportResult {
  added: number
  /** Already listed (same word): severity raised if the import's is more serious. */
  updated: number
  unchanged: number
  total: number
  format: 'txt' | 'xlsx'
}

/** `review:record-export`. */
export interface RecordExportResult {
  path: string
  reviewId: string
}
