import { calendarSyncExtension } from '../calendar/sync-extension'
import { engagementSyncExtension } from '../engagement/sync-extension'
import { reportSyncExtension } from '../report/sync-extension'
import { scheduleSyncExtension } from '../schedule/sync-extension'
import type { SyncExtension } from './extensions'

/**
 * Every domain's sync extension, in the order they run after the items phase (one line per
 * domain, e.g. `scheduleSyncExtension,` imported from src/core/schedule/sync-extension.ts).
 */
export const SYNC_EXTENSIONS: readonly SyncExtension[] = [
  calendarSyncExtension,
  scheduleSyncExtension,
  engagementSyncExtension,
  reportSyncExtension,
]
