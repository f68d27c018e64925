import type { ReviewState, ReviewStepStatus } from '../../../../shared/review/types'

/** Badge colours for review states and step statuses (labels come from shared/review/labels.ts). */
export const REVIEW_STATE_COLORS: Record<ReviewState, string> = {
  open: 'blue',
  approved: 'teal',
  returned: 'red',
  withheld: 'dark',
  cancelled: 'gray',
}

export const STEP_STATUS_COLORS: Record<ReviewStepStatus, string> = {
  waiting: 'gray',
  current: 'blue',
  referred: 'violet',
  approved: 'teal',
  returned: 'red',
  withheld: 'dark',
  cancelled: 'gray',
}

/** Shown instead of the decision buttons on the acting user's own item. */
export const OWN_ITEM_NOTICE = '您是本条信息的起草人，不能审查'
