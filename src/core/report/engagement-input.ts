import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'
import { engagementFigures } from '../engagement/figures'

/**
 * ENGAGEMENT's reader (`engagementFigures(db, year)`) as the narrative's live fields: consultations,
 * comments and how they were decided, 列席 meetings, supervisors, trainings, the Q&A base.
 */
export async function engagementInputs(
  db: Kysely<DB>,
  year: number,
): Promise<{ key: string; label: string; value: number }[]> {
  const f = await engagementFigures(db, year)
  return [
    { key: 'consultations', label: '开展意见征集（次）', value: f.consultations.count },
    { key: 'comments', label: '收到意见（条）', value: f.consultations.comments },
    {
      key: 'adopted',
      label: '采纳和部分采纳意见（条）',
      value: f.consultations.adopted + f.consultations.partly,
    },
    {
      key: 'resultsPublished',
      label: '公开采纳情况（次）',
      value: f.consultations.resultsPublished,
    },
    { key: 'meetings', label: '邀请列席会议（次）', value: f.attendance.meetings },
    { key: 'attendees', label: '列席人员（人次）', value: f.attendance.attendees },
    { key: 'supervisors', label: '政务公开监督员（名）', value: f.supervisors },
    { key: 'trainings', label: '开展政务公开培训（次）', value: f.trainings.count },
    { key: 'trainees', label: '参加培训（人次）', value: f.trainings.participants },
    { key: 'qa', label: '政策问答库条目（条）', value: f.qa.approved },
  ]
}
