import type { Selectable } from 'kysely'
import type {
  AnswerType,
  ApplicantType,
  CaseKind,
  CaseOutcome,
  RequestChannel,
  RequestEventKind,
  RequestForm,
  RequestOutcome,
  RequestStatus,
} from '../../../shared/requests/types'

/** `requests`: one 政府信息公开申请 with its stored, derived due date (migration 0050). */
export interface RequestsTable {
  id: string
  no: string
  year: number
  applicant_type: ApplicantType
  /** Personal data (local only, masked in lists, never synced or logged). */
  applicant_name: string
  applicant_id_no: string
  applicant_contact: string
  applicant_address: string
  channel: RequestChannel
  submitted_date: string | null
  /** The date 第三十一条 takes for the channel. */
  channel_date: string | null
  received_date: string
  receipt_reason: string | null
  content: string
  form: RequestForm
  form_note: string
  status: RequestStatus
  due_date: string | null
  provisional: number
  /** JSON DueStep[]: how the due date was computed. */
  due_json: string
  correction_limit: string | null
  answered_date: string | null
  answer_type: AnswerType | null
  outcome: RequestOutcome | null
  imported: number
  created_at: string
  created_by: string | null
  created_by_name: string | null
  updated_at: string
}
export type RequestRowDb = Selectable<RequestsTable>

/** `request_events`: what happened, in order. */
export interface RequestEventsTable {
  id: string
  request_id: string
  seq: number
  kind: RequestEventKind
  date: string
  data_json: string
  by_id: string | null
  by_name: string | null
  at: string
}
export type RequestEventRowDb = Selectable<RequestEventsTable>

/** `request_cases`: 行政复议 / 行政诉讼 linked to a request. */
export interface RequestCasesTable {
  id: string
  request_id: string
  kind: CaseKind
  filed_date: string
  organ: string
  case_no: string
  outcome: CaseOutcome
  decided_date: string | null
  note: string
  created_at: string
  updated_at: string
  updated_by_name: string | null
}

export interface RequestSequencesTable {
  year: number
  last_seq: number
}

export interface RequestSettingsTable {
  key: string
  value: string
}

export interface RequestLetterTemplatesTable {
  key: string
  title: string
  body: string
  updated_at: string
  updated_by_name: string | null
}
