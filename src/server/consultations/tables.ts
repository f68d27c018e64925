import type { ColumnType } from 'kysely'

/** `consultations` (server migration 0200): a consultation online from an approved notice. */
export interface ServerConsultationsTable {
  id: string
  department_id: string
  notice_item_id: string
  notice_revision: number
  title: string
  draft_title: string
  decision_type: string
  start_date: string
  end_date: string
  short_reason: string
  questions: string
  contact: string
  channels_json: string
  paragraphs_json: string
  attachments_json: string
  content_hash: string
  received_at: string
  updated_at: string
  /** The adoption result item the desk named (migration 0270); linked once published here. */
  result_item_id: string | null
}

/** `consultation_comments`: what the public sent; `seq` is the department's feed cursor. */
export interface ServerConsultationCommentsTable {
  /** pg returns int8 as a string, hence the union. */
  seq: ColumnType<number | string, never, never>
  id: string
  consultation_id: string
  department_id: string
  receipt_no: string
  paragraph_no: number | null
  body: string
  name: string
  /**
   * Masked at intake (migration 0270 masked the rows stored in full before): no one on the
   * district side uses it, and the department only ever receives the masked form.
   */
  contact: string
  /** 身份 chosen on the public form (COMMENTER_TYPES), null when not chosen (migration 0270). */
  commenter_type: string | null
  received_at: string
}

/** `qa_entries`: a department's approved Q&A entry as it last sent it. */
export interface ServerQaEntriesTable {
  id: string
  department_id: string
  entry_json: string
  valid: number
  content_hash: string
  updated_at: string
}
