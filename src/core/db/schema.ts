import type {
  DepartmentTable,
  LoginFailuresTable,
  UserRolesTable,
  UsersTable,
} from './tables/accounts'
import type { AuditAnchorsTable, AuditLogTable } from './tables/audit'
import type {
  AttachmentBlobsTable,
  CatalogueEntriesTable,
  GenresTable,
  IndexSequencesTable,
  ItemAttachmentsTable,
  ItemLinksTable,
  ItemRevisionsTable,
  ItemsTable,
  TopicsTable,
} from './tables/drafting'
import type { MetaTable } from './tables/meta'
import type {
  ReviewChainsTable,
  ReviewChecklistsTable,
  ReviewDecisionsTable,
  ReviewKeywordsTable,
  ReviewsTable,
} from './tables/review'
import type {
  RequestCasesTable,
  RequestEventsTable,
  RequestLetterTemplatesTable,
  RequestSequencesTable,
  RequestSettingsTable,
  RequestsTable,
} from './tables/requests'
import type {
  ActivityOpinionsTable,
  OpenActivitiesTable,
  ScheduleEvidenceTable,
  ScheduleMeasuresTable,
  ScheduleProgressTable,
  ScheduleSyncTable,
  ScheduleTasksTable,
  ScheduleYearsTable,
} from './tables/schedule'
import type { SettingsTable } from './tables/settings'
import type {
  ReportDraftsTable,
  ReportFiguresTable,
  ReportPriorFiguresTable,
} from './tables/report'
import type { CalendarYearsTable } from './tables/calendar'
import type {
  ConsultationCommentsTable,
  ConsultationsTable,
  EngagementAttendanceTable,
  EngagementSupervisorsTable,
  EngagementSyncTable,
  EngagementTrainingsTable,
  QaEntriesTable,
} from './tables/engagement'
import type { QaReviewDecisionsTable, QaReviewsTable } from './tables/qa-review'
import type {
  SyncIntegrityFlagsTable,
  SyncItemsTable,
  SyncOutboxTable,
  SyncRemoteBlobsTable,
  SyncRemoteItemFilesTable,
  SyncStateTable,
} from './tables/sync'

/** The kysely database interface: every table the app owns, by its SQL name. */
export interface DB {
  meta: MetaTable
  department: DepartmentTable
  users: UsersTable
  user_roles: UserRolesTable
  login_failures: LoginFailuresTable
  audit_log: AuditLogTable
  settings: SettingsTable
  topics: TopicsTable
  genres: GenresTable
  catalogue_entries: CatalogueEntriesTable
  items: ItemsTable
  item_revisions: ItemRevisionsTable
  item_links: ItemLinksTable
  attachment_blobs: AttachmentBlobsTable
  item_attachments: ItemAttachmentsTable
  index_sequences: IndexSequencesTable
  sync_outbox: SyncOutboxTable
  sync_state: SyncStateTable
  sync_items: SyncItemsTable
  review_checklists: ReviewChecklistsTable
  review_chains: ReviewChainsTable
  review_keywords: ReviewKeywordsTable
  reviews: ReviewsTable
  review_decisions: ReviewDecisionsTable
  calendar_years: CalendarYearsTable
  sync_integrity_flags: SyncIntegrityFlagsTable
  sync_remote_blobs: SyncRemoteBlobsTable
  sync_remote_item_files: SyncRemoteItemFilesTable
  audit_anchors: AuditAnchorsTable
  requests: RequestsTable
  request_events: RequestEventsTable
  request_cases: RequestCasesTable
  request_sequences: RequestSequencesTable
  request_settings: RequestSettingsTable
  request_letter_templates: RequestLetterTemplatesTable
  schedule_years: ScheduleYearsTable
  schedule_tasks: ScheduleTasksTable
  schedule_measures: ScheduleMeasuresTable
  schedule_progress: ScheduleProgressTable
  schedule_evidence: ScheduleEvidenceTable
  schedule_sync: ScheduleSyncTable
  open_activities: OpenActivitiesTable
  activity_opinions: ActivityOpinionsTable
  report_drafts: ReportDraftsTable
  report_figures: ReportFiguresTable
  report_prior_figures: ReportPriorFiguresTable
  consultations: ConsultationsTable
  consultation_comments: ConsultationCommentsTable
  engagement_supervisors: EngagementSupervisorsTable
  engagement_attendance: EngagementAttendanceTable
  engagement_trainings: EngagementTrainingsTable
  qa_entries: QaEntriesTable
  qa_reviews: QaReviewsTable
  qa_review_decisions: QaReviewDecisionsTable
  engagement_sync: EngagementSyncTable
}
