import { requestsHandlers } from '../../requests/handlers'
import { activitiesHandlers } from '../../activities/handlers'
import { engagementHandlers } from '../../engagement/handlers'
import { reportHandlers } from '../../report/handlers'
import type { CoreContext } from '../context'
import { scheduleHandlers } from '../../schedule/handlers'
import type { HandlerTable } from '../types'
import { accountsHandlers, authHandlers, usersHandlers } from '../../accounts/handlers'
import { attachmentsHandlers } from '../../attachments/handlers'
import { auditHandlers } from '../../audit/handlers'
import { backupHandlers } from '../../backup/handlers'
import { catalogueHandlers } from '../../catalogue/handlers'
import { itemsHandlers } from '../../items/handlers'
import { reviewHandlers } from '../../review/handlers'
import { settingsHandlers } from '../../settings/handlers'
import { shellHandlers } from '../../shell/handlers'
import { syncHandlers } from '../../sync/handlers'
import { calendarHandlers } from '../../calendar/handlers'
import { homeHandlers } from '../../home/handlers'

/**
 * The full handler table: one spread line per domain (each domain's `core/<domain>/handlers.ts`);
 * the `HandlerTable` annotation makes TypeScript demand every channel.
 */
export function buildHandlers(ctx: CoreContext): HandlerTable {
  const handlers: HandlerTable = {
    ...authHandlers(ctx),
    ...usersHandlers(ctx),
    ...auditHandlers(ctx),
    ...settingsHandlers(ctx),
    ...backupHandlers(ctx),
    ...shellHandlers(ctx),
    ...itemsHandlers(ctx),
    ...attachmentsHandlers(ctx),
    ...catalogueHandlers(ctx),
    ...reviewHandlers(ctx),
    ...syncHandlers(ctx),
    ...requestsHandlers(ctx),
    ...calendarHandlers(ctx),
    ...accountsHandlers(ctx),
    ...scheduleHandlers(ctx),
    ...activitiesHandlers(ctx),
    ...engagementHandlers(ctx),
    ...reportHandlers(ctx),
    ...homeHandlers(ctx),
  }
  return Object.freeze(handlers)
}
