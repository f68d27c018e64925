import { requestsHandlers } from '../../requests/handlers'
import { accountsHandlers } from '../../accounts/handlers'
import { activitiesHandlers } from '../../activities/handlers'
import { engagementHandlers } from '../../engagement/handlers'
import type { CoreContext } from '../context'
import { scheduleHandlers } from '../../schedule/handlers'
import type { HandlerTable } from '../types'
import { adminHandlers } from './admin-handlers'
import { authHandlers } from './auth-handlers'
import { backupHandlers } from './backup-handlers'
import { draftingHandlers } from './drafting-handlers'
import { reviewHandlers } from './review-handlers'
import { syncHandlers } from './sync-handlers'
import { calendarHandlers } from '../../calendar/handlers'
import { homeHandlers } from '../../home/handlers'

/** The full handler table; the `HandlerTable` annotation makes TypeScript demand every channel. */
export function buildHandlers(ctx: CoreContext): HandlerTable {
  const handlers: HandlerTable = {
    ...authHandlers(ctx),
    ...adminHandlers(ctx),
    ...backupHandlers(ctx),
    ...draftingHandlers(ctx),
    ...reviewHandlers(ctx),
    ...syncHandlers(ctx),
    ...requestsHandlers(ctx),
    ...calendarHandlers(ctx),
    ...accountsHandlers(ctx),
    ...scheduleHandlers(ctx),
    ...activitiesHandlers(ctx),
    ...engagementHandlers(ctx),
    ...homeHandlers(ctx),
  }
  return Object.freeze(handlers)
}
