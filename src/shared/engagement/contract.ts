import { z } from 'zod'
import type { ItemView } from '../items/types'
import { out } from '../channel-output'
import * as s from './schemas'
import type {
  AttendanceView,
  CommentList,
  CommentView,
  ConsultationListRow,
  ConsultationView,
  EngagementFigures,
  EngagementHome,
  ExportResult,
  PeriodCheck,
  QaQueueRow,
  QaReviewView,
  QaView,
  SupervisorView,
  TrainingView,
} from './types'

const empty = z.strictObject({})

/** 政民互动 channels; changes need the officer role, Q&A review the reviewer role (core checks). */
export const engagementContract = {
  'engagement:consultations': { input: empty, output: out<ConsultationListRow[]>() },
  'engagement:consultation-get': {
    input: s.engagementIdSchema,
    output: out<ConsultationView>(),
  },
  /** The period's warnings (30 days / 7 working days) before saving. */
  'engagement:period-check': { input: s.periodCheckSchema, output: out<PeriodCheck>() },
  /** Opens a consultation from a draft item and generates its notice (类别 意见征集) for review. */
  'engagement:consultation-open': {
    input: s.consultationOpenSchema,
    output: out<ConsultationView>(),
  },
  'engagement:consultation-update': {
    input: s.consultationUpdateSchema,
    output: out<ConsultationView>(),
  },
  'engagement:consultation-final': {
    input: s.finalPolicySchema,
    output: out<ConsultationView>(),
  },
  'engagement:comments': { input: s.engagementIdSchema, output: out<CommentList>() },
  'engagement:comment-add': { input: s.commentAddSchema, output: out<CommentView>() },
  'engagement:comment-decide': { input: s.commentDecideSchema, output: out<CommentList>() },
  'engagement:comment-type': { input: s.commentTypeSchema, output: out<CommentView>() },
  'engagement:comment-group': { input: s.groupEditSchema, output: out<CommentList>() },
  /** Recomputes the automatic duplicate / form-letter groups (manual changes are kept). */
  'engagement:regroup': { input: s.engagementIdSchema, output: out<CommentList>() },
  /** Generates (or refreshes) the 意见采纳情况说明 as a disclosure item; returns it. */
  'engagement:result-generate': { input: s.engagementIdSchema, output: out<ItemView>() },
  'engagement:comments-export': {
    input: s.exportCommentsSchema,
    output: out<ExportResult | null>(),
  },

  'engagement:supervisors': { input: empty, output: out<SupervisorView[]>() },
  'engagement:supervisor-save': { input: s.supervisorSaveSchema, output: out<SupervisorView>() },
  'engagement:supervisor-remove': { input: s.engagementIdSchema, output: out<null>() },
  'engagement:attendance': { input: s.engagementYearSchema, output: out<AttendanceView[]>() },
  'engagement:attendance-save': {
    input: s.attendanceSaveSchema,
    output: out<AttendanceView>(),
  },
  'engagement:attendance-remove': { input: s.engagementIdSchema, output: out<null>() },
  /** A disclosure draft from a 列席 record (what attendees said and how it was adopted). */
  'engagement:attendance-draft': { input: s.engagementIdSchema, output: out<ItemView>() },
  'engagement:trainings': { input: s.engagementYearSchema, output: out<TrainingView[]>() },
  'engagement:training-save': { input: s.trainingSaveSchema, output: out<TrainingView>() },
  'engagement:training-remove': { input: s.engagementIdSchema, output: out<null>() },

  'engagement:qa-list': { input: empty, output: out<QaView[]>() },
  'engagement:qa-save': { input: s.qaSaveSchema, output: out<QaView>() },
  'engagement:qa-submit': { input: s.engagementIdSchema, output: out<QaView>() },
  'engagement:qa-review': { input: s.qaReviewSchema, output: out<QaView>() },
  /** The entry's latest round: steps, findings, decisions, and whether the user may decide now. */
  'engagement:qa-review-get': { input: s.engagementIdSchema, output: out<QaReviewView>() },
  /** Entries whose current step the signed-in user may decide now (待我审核, oldest first). */
  'engagement:qa-queue': { input: empty, output: out<QaQueueRow[]>() },
  'engagement:qa-remove': { input: s.engagementIdSchema, output: out<null>() },
  'engagement:qa-export': { input: empty, output: out<ExportResult | null>() },

  'engagement:home': { input: empty, output: out<EngagementHome>() },
  'engagement:figures': { input: s.engagementYearSchema, output: out<EngagementFigures>() },
} as const
