import type { Selectable } from 'kysely'
import type {
  CommentDecision,
  CommenterType,
  ConsultationChannel,
  DecisionType,
  QaState,
} from '../../../shared/engagement/types'

/** `consultations` (migration 0190): a draft opened for comment (意见征集). */
export interface ConsultationsTable {
  id: string
  title: string
  decision_type: DecisionType
  start_date: string
  end_date: string
  short_reason: string
  questions: string
  contact: string
  /** JSON array of ConsultationChannel. */
  channels_json: string
  /** JSON array of DraftParagraph, frozen when the consultation is opened or edited. */
  paragraphs_json: string
  draft_item_id: string
  draft_revision: number
  notice_item_id: string | null
  result_item_id: string | null
  /** sha256 of the result text the decisions gave when it was last generated (migration 0240). */
  result_basis_hash: string | null
  final_item_id: string | null
  /** Hash of the consultation as last accepted by the district (null: never pushed). */
  pushed_hash: string | null
  pushed_at: string | null
  created_at: string
  created_by_name: string | null
  updated_at: string
  deleted_at: string | null
}
export type ConsultationRow = Selectable<ConsultationsTable>

/** `consultation_comments`: one opinion received, with the officer's decision. */
export interface ConsultationCommentsTable {
  id: string
  consultation_id: string
  receipt_no: string
  paragraph_no: number | null
  body: string
  commenter_name: string
  contact_masked: string
  commenter_type: CommenterType
  channel: ConsultationChannel
  received_at: string
  group_id: string | null
  /** 1 when the officer set the group by hand (regrouping keeps it). */
  group_manual: number
  decision: CommentDecision | null
  reason: string
  decision_paragraph_no: number | null
  changed_revision: number | null
  decided_at: string | null
  decided_by_name: string | null
  created_at: string
  updated_at: string
}
export type CommentRow = Selectable<ConsultationCommentsTable>

export interface EngagementSupervisorsTable {
  id: string
  name: string
  organisation: string
  appointed_on: string | null
  note: string
  created_at: string
  updated_at: string
  deleted_at: string | null
}

export interface EngagementAttendanceTable {
  id: string
  meeting: string
  held_on: string
  /** JSON array of Attendee. */
  attendees_json: string
  opinions: string
  handling: string
  created_at: string
  created_by_name: string | null
  updated_at: string
  deleted_at: string | null
}

export interface EngagementTrainingsTable {
  id: string
  held_on: string
  topic: string
  organiser: string
  participant_count: number
  participant_roles: string
  hours: number
  materials: string
  created_at: string
  updated_at: string
  deleted_at: string | null
}

export interface QaEntriesTable {
  id: string
  question: string
  answer: string
  policy_item_id: string
  interpretation_item_id: string | null
  keywords: string
  valid_from: string | null
  valid_to: string | null
  state: QaState
  author_id: string
  author_name: string | null
  reviewed_by_name: string | null
  reviewed_at: string | null
  review_note: string
  pushed_hash: string | null
  created_at: string
  updated_at: string
  deleted_at: string | null
  /** JSON array of user ids who edited the entry since its last approval (migration 0220). */
  editor_ids_json: string
}
export type QaRow = Selectable<QaEntriesTable>

export interface EngagementSyncTable {
  key: string
  value: string
}
