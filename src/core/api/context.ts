import type { SessionManager } from '../accounts/session'
import type { Clock } from '../clock'
import type { StoreHolder } from '../db/store-holder'
import type { EventBus } from '../events/bus'
import type { IdSource } from '../ids'
import type { Logger } from '../logger'
import type { SyncWorker } from '../sync/worker'
import type { Platform } from '../platform'

/** Everything the handlers of one AppCore share; built once by createAppCore. */
export interface CoreContext {
  /** Swapped in place by a restore, so always read `holder.store` at call time. */
  holder: StoreHolder
  dataDir: string
  appVersion: string
  platform: Platform
  clock: Clock
  ids: IdSource
  logger: Logger
  session: SessionManager
  /** The sync worker (started when sync is configured; see core/sync/README.md). */
  sync: SyncWorker
  /** Domain events (core/events); listeners are registered in core/events/listeners.ts. */
  events: EventBus
}
