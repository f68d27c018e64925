import type { RequestStatus } from '../../../shared/requests/types'

/** Badge colours of the request statuses (labels come from shared/requests/labels). */
export const STATUS_COLORS: Record<RequestStatus, string> = {
  open: 'blue',
  correction: 'orange',
  consultation: 'grape',
  fee: 'yellow',
  answered: 'teal',
  closed: 'gray',
}

/** Fired after any change to requests, so the badge and lists refresh. */
export const REQUESTS_CHANGED = 'dd:requests-changed'

export function announceRequestsChanged(): void {
  window.dispatchEvent(new Event(REQUESTS_CHANGED))
}

/** 「剩 3 个工作日」「今天到期」「逾期 2 个工作日」. */
export function daysLeftText(days: number | null): string {
  if (days === null) return ''
  if (days === 0) return '今天到期'
  if (days < 0) return `逾期 ${-days} 个工作日`
  return `剩 ${days} 个工作日`
}

export function daysLeftColor(days: number | null): string {
  if (days === null) return 'dimmed'
  if (days < 0) return 'red'
  if (days <= 3) return 'orange'
  return 'dimmed'
}
