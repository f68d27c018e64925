import type { Kysely } from 'kysely'
import type { Platform } from '../platform'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import type { Logger } from '../logger'
import type { RequestCounts } from '../../shared/requests/types'
import { requestCounts } from './views'

/**
 * The OS notification about requests due within 3 working days or overdue: at start-up and then
 * daily, through the platform port (Electron's Notification in the app, a recorder in tests).
 * It names counts only — never an applicant.
 */

export const REMINDER_INTERVAL_MS = 24 * 60 * 60 * 1000

/** The notification for `counts`, or null when nothing is due soon or overdue. */
export function reminderText(counts: RequestCounts): { title: string; body: string } | null {
  if (counts.dueSoon === 0 && counts.overdue === 0) return null
  const parts: string[] = []
  if (counts.overdue > 0) parts.push(`${counts.overdue} 件已超过答复期限`)
  if (counts.dueSoon > 0) parts.push(`${counts.dueSoon} 件将在 3 个工作日内到期`)
  return {
    title: '依申请公开：有申请即将到期',
    body: `${parts.join('，')}。请在「依申请公开」中查看并及时答复（条例第三十三条）。`,
  }
}

export interface ReminderDeps {
  getDb: () => Kysely<DB>
  platform: Pick<Platform, 'notify'>
  clock: Clock
  logger: Logger
}

/** Checks once and notifies when something is due; returns what was shown (or null). */
export async function remindDueRequests(
  deps: ReminderDeps,
): Promise<{ title: string; body: string } | null> {
  const text = reminderText(await requestCounts(deps.getDb(), deps.clock))
  if (text) await deps.platform.notify(text.title, text.body)
  return text
}

export interface ReminderTimers {
  setInterval: (fn: () => void, ms: number) => unknown
  clearInterval: (handle: unknown) => void
}

const realTimers: ReminderTimers = {
  setInterval: (fn, ms) => {
    const h = setInterval(fn, ms)
    h.unref?.()
    return h
  },
  clearInterval: (h) => clearInterval(h as NodeJS.Timeout),
}

/** Starts the start-up check and the daily one; `stop()` ends them. A failed check is logged. */
export function startRequestReminders(
  deps: ReminderDeps,
  timers: ReminderTimers = realTimers,
  intervalMs = REMINDER_INTERVAL_MS,
): { stop(): void; check(): Promise<{ title: string; body: string } | null> } {
  const check = async () => {
    try {
      return await remindDueRequests(deps)
    } catch (e) {
      deps.logger.warn('检查即将到期的申请失败', { error: e })
      return null
    }
  }
  void check()
  const handle = timers.setInterval(() => void check(), intervalMs)
  return { stop: () => timers.clearInterval(handle), check }
}
