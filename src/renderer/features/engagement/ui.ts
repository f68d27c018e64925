import type { ConsultationState, QaState } from '../../../shared/engagement/types'

/** Badge colours of the engagement screens (labels come from shared/engagement/labels). */
export const STATE_COLORS: Record<ConsultationState, string> = {
  preparing: 'gray',
  in_review: 'yellow',
  approved: 'blue',
  scheduled: 'cyan',
  open: 'green',
  closed: 'orange',
  result_drafted: 'grape',
  result_published: 'teal',
}

export const QA_COLORS: Record<QaState, string> = {
  draft: 'gray',
  pending: 'yellow',
  approved: 'green',
  returned: 'red',
}

/** The current year in Beijing (the duty year of trainings and records). */
export const thisYear = () => Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4))
