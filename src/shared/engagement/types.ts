import type {
  CannotDecideReason,
  HighFindingReason,
  ReviewFinding,
  ReviewStepRole,
  ReviewStepStatus,
  SeverityCounts,
} from '../review/types'

/**
 * 政民互动 (public engagement): consultations on drafts (意见征集), the comments they receive and
 * what was made of them, 政务公开监督员 / 列席 records, training records and the policy Q&A base.
 * Codes are English; Chinese labels live in labels.ts.
 */

/** Which rule sets the period warning (domain file: 713号令第十五条, 国办发〔2018〕37号). */
export const DECISION_TYPES = ['major', 'normative', 'other'] as const
export type DecisionType = (typeof DECISION_TYPES)[number]

/** How the public may send opinions (practice on government sites). */
export const CONSULTATION_CHANNELS = ['online', 'email', 'letter', 'fax'] as const
export type ConsultationChannel = (typeof CONSULTATION_CHANNELS)[number]

/** Who a comment comes from (the adoption result counts by type). */
export const COMMENTER_TYPES = ['public', 'company', 'association', 'expert', 'other'] as const
export type CommenterType = (typeof COMMENTER_TYPES)[number]

/** What the officer decided about a comment. */
export const COMMENT_DECISIONS = ['adopted', 'partly', 'rejected', 'out_of_scope'] as const
export type CommentDecision = (typeof COMMENT_DECISIONS)[number]

/** Where a consultation stands, derived from its notice item, the dates and the result. */
export const CONSULTATION_STATES = [
  'preparing',
  'in_review',
  'approved',
  'scheduled',
  'open',
  'closed',
  'result_drafted',
  'result_published',
] as const
export type ConsultationState = (typeof CONSULTATION_STATES)[number]

/** One numbered paragraph of the draft as the public sees it (comments may name one). */
export interface DraftParagraph {
  no: number
  text: string
}

/** A warning about the period (never a block: local rules differ). */
export interface PeriodWarning {
  code: 'major_short' | 'normative_short' | 'short_unexplained' | 'end_before_start'
  message: string
}

export interface PeriodCheck {
  calendarDays: number
  workingDays: number
  warnings: PeriodWarning[]
}

export interface ItemBrief {
  id: string
  title: string
  status: string
  revision: number
  kind: string
}

export interface ConsultationView {
  id: string
  title: string
  decisionType: DecisionType
  startDate: string
  endDate: string
  shortReason: string
  questions: string
  contact: string
  channels: ConsultationChannel[]
  /** Where online comments go: the district server's public page (known once synced). */
  publicPath: string
  /** The page's full address on the configured district server (null: sync not set up). */
  publicUrl: string | null
  paragraphs: DraftParagraph[]
  /** The draft (征求意见稿) the consultation was opened from, and its revision then. */
  draft: ItemBrief
  draftRevisionAtOpen: number
  /** The notice (类别 意见征集) that passes 保密审查 and goes out. */
  notice: ItemBrief | null
  /** The 意见采纳情况说明, once generated. */
  result: ItemBrief | null
  /** The policy finally adopted (may be the draft itself once approved). */
  finalPolicy: ItemBrief | null
  state: ConsultationState
  period: PeriodCheck
  commentCount: number
  undecidedCount: number
  /** The period's last day is past (Beijing office day): the adoption result may be generated. */
  periodOver: boolean
  /** 需更新: the result no longer says what the decisions say (a decision changed, a late comment). */
  resultStale: boolean
  /** The result passed review: the decisions it counted may not change (a late comment may). */
  resultLocked: boolean
  lastPushedAt: string | null
  createdAt: string
  createdByName: string | null
  updatedAt: string
}

export interface ConsultationListRow {
  id: string
  title: string
  startDate: string
  endDate: string
  state: ConsultationState
  commentCount: number
  undecidedCount: number
}

export interface CommentView {
  id: string
  consultationId: string
  receiptNo: string
  paragraphNo: number | null
  body: string
  /** As the commenter gave it (may be empty); never published. */
  commenterName: string
  /** Masked on receipt (138****5678, z***@example.com); never published. */
  contactMasked: string
  commenterType: CommenterType
  channel: ConsultationChannel
  receivedAt: string
  groupId: string | null
  /** How many comments share the group (1 when alone). */
  groupSize: number
  decision: CommentDecision | null
  reason: string
  /** The paragraph the decision concerns (defaults to the commented one). */
  decisionParagraphNo: number | null
  /** The draft revision that changed because of the comment (采纳/部分采纳). */
  changedRevision: number | null
  decidedAt: string | null
  decidedByName: string | null
}

export interface CommentGroup {
  id: string
  /** The first comment's text, shown for the group. */
  sample: string
  commentIds: string[]
}

export interface CommentList {
  comments: CommentView[]
  groups: CommentGroup[]
}

/** The figures of an adoption result (what the generated item states). */
export interface AdoptionFigures {
  total: number
  /** Distinct opinions after grouping duplicates and form letters. */
  distinct: number
  formLetterGroups: number
  byType: Record<CommenterType, number>
  byDecision: Record<CommentDecision, number>
}

export const ATTENDEE_TYPES = ['stakeholder', 'public', 'expert', 'media', 'supervisor'] as const
export type AttendeeType = (typeof ATTENDEE_TYPES)[number]

export interface Attendee {
  name: string
  type: AttendeeType
}

/** A 政务公开监督员 on the department's roster. */
export interface SupervisorView {
  id: string
  name: string
  organisation: string
  appointedOn: string | null
  note: string
}

/** A meeting attended (列席) by stakeholders, the public, experts, media or supervisors. */
export interface AttendanceView {
  id: string
  meeting: string
  heldOn: string
  attendees: Attendee[]
  opinions: string
  handling: string
  createdByName: string | null
}

export interface TrainingView {
  id: string
  heldOn: string
  topic: string
  organiser: string
  participantCount: number
  participantRoles: string
  hours: number
  materials: string
}

export const QA_STATES = ['draft', 'pending', 'approved', 'returned'] as const
export type QaState = (typeof QA_STATES)[number]

export interface QaView {
  id: string
  question: string
  answer: string
  policy: ItemBrief & { validity: string }
  interpretation: (ItemBrief & { validity: string }) | null
  keywords: string
  validFrom: string | null
  validTo: string | null
  state: QaState
  /** Set when its policy (or interpretation) was amended, repealed or expired (立改废). */
  flag: string | null
  authorName: string | null
  /** Who approved the final step of the 保密审查 chain, and when. */
  reviewedByName: string | null
  reviewedAt: string | null
  reviewNote: string
  updatedAt: string
  /** sha256 over the entry's content: every review decision is bound to the hash its decider saw. */
  contentHash: string
  /** While 待审核: the step of the chain waiting (第 index+1/count 步) and the round's findings. */
  pendingStep: {
    index: number
    count: number
    name: string
    role: ReviewStepRole
    counts: SeverityCounts
  } | null
}

/** A 政策问答 review round (审核轮次): open, approved at the final step, returned, or cancelled by an edit. */
export const QA_REVIEW_STATES = ['open', 'approved', 'returned', 'cancelled'] as const
export type QaReviewState = (typeof QA_REVIEW_STATES)[number]

/** One decision of a round: 同意 (advances; at the final step approves) or 退回修改. */
export interface QaDecisionView {
  id: string
  stepIndex: number
  stepName: string
  decision: 'approve' | 'return'
  deciderName: string | null
  decidedAt: string
  note: string
  highReasons: HighFindingReason[]
}

/** One step of a round's chain and how it stands. */
export interface QaStepView {
  index: number
  name: string
  role: ReviewStepRole
  status: Extract<ReviewStepStatus, 'waiting' | 'current' | 'approved' | 'returned' | 'cancelled'>
  decisions: QaDecisionView[]
}

/** One entry waiting for the signed-in user's step (我的待办, the 保密审查 queue's note). */
export interface QaQueueRow {
  id: string
  question: string
  stepIndex: number
  stepName: string
  stepCount: number
  submittedByName: string | null
  submittedAt: string
}

/** `engagement:qa-review-get`: the entry's latest round as the signed-in user sees it. */
export interface QaReviewView {
  entry: QaView
  /** The latest round; null when never submitted. */
  round: {
    id: string
    round: number
    state: QaReviewState
    currentStep: number | null
    contentHash: string
    submittedByName: string | null
    submittedAt: string
    closedAt: string | null
    findings: ReviewFinding[]
    counts: SeverityCounts
  } | null
  steps: QaStepView[]
  /** True when the signed-in user may decide the current step now (separation of duties). */
  canDecide: boolean
  /** Why not (CANNOT_DECIDE_LABELS), null when they may or nothing is open. */
  cannotDecideReason: CannotDecideReason | null
  /** Earlier rounds, newest first. */
  history: { round: number; state: QaReviewState; submittedAt: string; closedAt: string | null }[]
}

/** The home card: the training duty (at least one specialised training a year). */
export interface EngagementHome {
  year: number
  trainings: number
  /** From October (Beijing) when no training is recorded in the year. */
  trainingWarning: string | null
  openConsultations: number
  undecidedComments: number
  flaggedQa: number
}

/** Figures for the annual report's section 一 (live fields). `source` says where each comes from. */
export interface EngagementFigures {
  year: number
  consultations: {
    count: number
    comments: number
    adopted: number
    partly: number
    rejected: number
    outOfScope: number
    resultsPublished: number
  }
  attendance: { meetings: number; attendees: number; byType: Record<AttendeeType, number> }
  supervisors: number
  trainings: { count: number; participants: number; hours: number }
  qa: { approved: number; flagged: number }
  sources: Record<string, string>
}

export interface ExportResult {
  path: string
  rows: number
}
