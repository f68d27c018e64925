/**
 * 依申请公开 (the request register): enum codes and view types that cross the IPC boundary.
 * Codes are English; Chinese labels live in ./labels.ts. Rules live in core/requests.
 */

/** The six applicant columns of the annual report's table 三 (自然人 + five 法人或其他组织). */
export const APPLICANT_TYPES = [
  'natural',
  'commercial',
  'research',
  'public_interest',
  'legal_service',
  'other',
] as const
export type ApplicantType = (typeof APPLICANT_TYPES)[number]

/** How the request arrived; decides the statutory receipt date (条例第三十一条). */
export const REQUEST_CHANNELS = ['in_person', 'post', 'letter', 'online', 'fax', 'other'] as const
export type RequestChannel = (typeof REQUEST_CHANNELS)[number]

/** The form the applicant wants the information in (条例第二十九条). */
export const REQUEST_FORMS = ['paper', 'electronic', 'disc', 'other'] as const
export type RequestForm = (typeof REQUEST_FORMS)[number]

/**
 * Every outcome of table 三 (办理结果), coded after its row: `1` = （一）予以公开, `3.4` =
 * （三）4 保护第三方合法权益, `6.1` = （六）1 逾期不补正 … A request has exactly one.
 */
export const REQUEST_OUTCOMES = [
  '1',
  '2',
  '3.1',
  '3.2',
  '3.3',
  '3.4',
  '3.5',
  '3.6',
  '3.7',
  '3.8',
  '4.1',
  '4.2',
  '4.3',
  '5.1',
  '5.2',
  '5.3',
  '5.4',
  '5.5',
  '6.1',
  '6.2',
  '6.3',
] as const
export type RequestOutcome = (typeof REQUEST_OUTCOMES)[number]

/**
 * The kinds of answer: the seven of 条例第三十六条, 区分处理 (第三十七条), 不予处理 (第三十五条、
 * 第三十九条) and 其他.
 */
export const ANSWER_TYPES = [
  'already_public',
  'disclose',
  'partial',
  'withhold',
  'not_exist',
  'not_held',
  'repeat',
  'registration',
  'not_handled',
  'other',
] as const
export type AnswerType = (typeof ANSWER_TYPES)[number]

/**
 * The outcomes of table 三 each kind of answer may be counted under (enforced in core; the answer
 * form offers only these). （六）1 and （六）2 come from the lapse events, never from an answer.
 */
export const OUTCOMES_BY_ANSWER: Record<AnswerType, readonly RequestOutcome[]> = {
  already_public: ['1', '5.3'],
  disclose: ['1'],
  partial: ['2'],
  withhold: ['3.1', '3.2', '3.3', '3.4', '3.5', '3.6', '3.7', '3.8'],
  not_exist: ['4.1', '4.2'],
  not_held: ['4.1'],
  repeat: ['5.2'],
  registration: ['3.8', '6.3'],
  not_handled: ['5.1', '5.3', '5.4', '5.5'],
  other: ['4.3', '5.4', '6.3'],
}

/** A request's state; `correction`, `consultation` and `fee` stop the clock. */
export const REQUEST_STATUSES = [
  'open',
  'correction',
  'consultation',
  'fee',
  'answered',
  'closed',
] as const
export type RequestStatus = (typeof REQUEST_STATUSES)[number]

export const PAUSED_STATUSES: readonly RequestStatus[] = ['correction', 'consultation', 'fee']
export const OPEN_STATUSES: readonly RequestStatus[] = ['open', 'correction', 'consultation', 'fee']

/** What happened to a request, in order. */
export const REQUEST_EVENT_KINDS = [
  'received',
  'receipt_changed',
  'correction_requested',
  'correction_received',
  'correction_lapsed',
  'consultation_started',
  'consultation_ended',
  'extension',
  'fee_notice',
  'fee_paid',
  'fee_lapsed',
  'answer',
] as const
export type RequestEventKind = (typeof REQUEST_EVENT_KINDS)[number]

/** Who is consulted: a third party (条例第三十二条) or another agency (第三十四条). */
export const CONSULTATION_PARTIES = ['third_party', 'agency'] as const
export type ConsultationParty = (typeof CONSULTATION_PARTIES)[number]

/** 信息处理费: per request or by volume (国办函〔2020〕109号), never both for one request. */
export const FEE_SCHEMES = ['per_request', 'per_page'] as const
export type FeeScheme = (typeof FEE_SCHEMES)[number]

/** 行政复议, 行政诉讼 without reconsideration first, 行政诉讼 after reconsideration (table 四). */
export const CASE_KINDS = ['reconsideration', 'litigation_direct', 'litigation_after'] as const
export type CaseKind = (typeof CASE_KINDS)[number]

export const CASE_OUTCOMES = ['upheld', 'corrected', 'other', 'pending'] as const
export type CaseOutcome = (typeof CASE_OUTCOMES)[number]

/** The letters the register produces. */
export const LETTER_KINDS = ['answer', 'correction', 'extension', 'consultation', 'fee'] as const
export type LetterKind = (typeof LETTER_KINDS)[number]

/** Editable templates: one per non-answer letter and one per answer type. */
export type TemplateKey = Exclude<LetterKind, 'answer'> | `answer.${AnswerType}`

/** The request-list tabs. */
export const REQUEST_TABS = ['open', 'due_soon', 'overdue', 'paused', 'done', 'all'] as const
export type RequestTab = (typeof REQUEST_TABS)[number]

/** Event data by kind (stored as JSON in request_events.data_json). */
export interface RequestEventData {
  received: { channel: RequestChannel; receiptDate: string }
  receipt_changed: { from: string; to: string; reason: string }
  correction_requested: { deadline: string; items: string }
  correction_received: Record<string, never>
  correction_lapsed: Record<string, never>
  consultation_started: { party: ConsultationParty; partyName: string; replyBy: string }
  consultation_ended: { note: string }
  extension: { days: number; approver: string; reason: string }
  fee_notice: { scheme: FeeScheme; quantity: number; amount: number; payBy: string }
  fee_paid: { amount: number }
  fee_lapsed: Record<string, never>
  answer: { answerType: AnswerType; outcome: RequestOutcome; note: string }
}

/** One event as shown in the timeline. */
export interface RequestEventView {
  id: string
  seq: number
  kind: RequestEventKind
  date: string
  /** Chinese one-line description (e.g. 「延期 20 个工作日（批准人：李主任）」). */
  summary: string
  /** The article the step rests on, e.g. 「条例第三十条」. */
  article: string | null
  data: Record<string, unknown>
  byName: string | null
  at: string
}

/** One step of how the due date was computed (from the deadline engine). */
export interface DueStep {
  date?: string
  from?: string
  to?: string
  kind: 'start' | 'count' | 'skip' | 'pause' | 'extend' | 'due' | 'provisional'
  text: string
  article?: string
}

/** A row of the request list (personal data masked). */
export interface RequestRow {
  id: string
  no: string
  receivedDate: string
  applicantType: ApplicantType
  /** Masked for natural persons (张某). */
  applicantName: string
  channel: RequestChannel
  content: string
  status: RequestStatus
  dueDate: string | null
  provisional: boolean
  /** Working days left until the due date (0 = due today, negative = overdue); null when paused/done. */
  daysLeft: number | null
  answeredDate: string | null
  outcome: RequestOutcome | null
  /** Chinese warnings for the row (补正告知期限临近, 暂定 …). */
  flags: string[]
}

export interface RequestListResult {
  rows: RequestRow[]
  total: number
  counts: RequestCounts
}

/** The badge and home-card figures. */
export interface RequestCounts {
  open: number
  dueSoon: number
  overdue: number
  paused: number
  provisional: number
}

export interface RequestCaseView {
  id: string
  requestId: string
  kind: CaseKind
  filedDate: string
  organ: string
  caseNo: string
  outcome: CaseOutcome
  decidedDate: string | null
  note: string
}

/** The detail screen: the request (personal data in full — local only), timeline and actions. */
export interface RequestView {
  id: string
  no: string
  applicantType: ApplicantType
  applicantName: string
  applicantIdNo: string
  applicantContact: string
  applicantAddress: string
  /** True when the applicant's personal data is shown masked (roles other than officer/admin, 条例第二十九条). */
  personalMasked: boolean
  channel: RequestChannel
  submittedDate: string | null
  receivedDate: string
  /** The date 第三十一条 gives for the channel; differs from receivedDate when edited. */
  derivedReceivedDate: string | null
  receiptReason: string | null
  content: string
  form: RequestForm
  formNote: string
  status: RequestStatus
  dueDate: string | null
  provisional: boolean
  /** How the due date was computed (every pause, every holiday skipped, each article). */
  dueSteps: DueStep[]
  /** The due date before the extension, when there is one. */
  dueBeforeExtension: string | null
  /** The last day a 补正 notice may go out (条例第三十条), while one still can. */
  correctionLimit: string | null
  /** The correction limit falls in a year whose holiday calendar is unknown (暂定). */
  correctionLimitProvisional: boolean
  answeredDate: string | null
  answerType: AnswerType | null
  outcome: RequestOutcome | null
  imported: boolean
  events: RequestEventView[]
  cases: RequestCaseView[]
  /** Which events may be recorded now (the UI shows only these buttons). */
  allowed: RequestEventKind[]
  /** Which letters can be generated now. */
  letters: LetterKind[]
  /** Chinese warnings (暂定, 补正期限临近 …). */
  warnings: string[]
  createdAt: string
  createdByName: string | null
}

export interface RequestSettings {
  /** e.g. `GK{year}-{seq:3}`. */
  numberPattern: string
  /** The unit named on letters (落款); defaults to the department name. */
  letterUnit: string
  /** 行政复议机关 named in the remedy notice. */
  reconsiderationOrgan: string
  /** 人民法院 named in the remedy notice. */
  court: string
}

export interface LetterTemplate {
  key: TemplateKey
  title: string
  body: string
  /** True while the built-in text is used. */
  builtIn: boolean
  updatedAt: string | null
  updatedByName: string | null
}

export interface LetterResult {
  path: string
  fileName: string
}

/** A field the import recognises, and the column it maps to. */
export const IMPORT_FIELDS = [
  'no',
  'receivedDate',
  'applicantType',
  'channel',
  'content',
  'answeredDate',
  'outcome',
] as const
export type ImportField = (typeof IMPORT_FIELDS)[number]

export interface ImportPreview {
  importId: string
  fileName: string
  sheetName: string
  /** The header row's cells, in order. */
  headers: string[]
  /** Their column letters (A, B, … AA). */
  columns: string[]
  headerRow: number
  /** Column index per field (auto-recognised or as given). */
  mapping: Partial<Record<ImportField, number>>
  /** Fields no column was found for. */
  missing: ImportField[]
  /** The first rows after mapping, for the preview table. */
  sample: Record<ImportField, string>[]
  rowCount: number
  /** The first error found with this mapping, naming row and cell; null when the file would import. */
  error: string | null
}

export interface ImportResult {
  imported: number
  open: number
  answered: number
}

/** A due date that moved after a calendar change. */
export interface MovedRequest {
  id: string
  no: string
  from: string | null
  to: string | null
  provisionalBefore: boolean
  provisionalAfter: boolean
}
