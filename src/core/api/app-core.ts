import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { isInitialised } from '../accounts/setup'
import { SessionManager } from '../accounts/session'
import { DB_FILE_NAME } from '../backup/backup-files'
import { maybeAutoBackup } from '../backup/create-backup'
import { systemClock } from '../clock'
import { packageCalendarYears } from '../calendar/package-years'
import { addMissingPackageYears } from '../calendar/service'
import { closeDatabase, openDatabase } from '../db/database'
import { createEventBus } from '../events/bus'
import { registerListeners } from '../events/listeners'
import { newId } from '../ids'
import { createLogger } from '../logger'
import { SyncWorker } from '../sync/worker'
import { startRequestReminders } from '../requests/reminders'
import type { CoreContext } from './context'
import { createDispatch } from './dispatch'
import { buildHandlers } from './handlers'
import type { AppCore, AppCoreOptions } from './types'

/**
 * Opens (creating and migrating) the local store, takes today's automatic backup if due, and
 * builds the handler table and dispatcher. Throws AppError('DB_ERROR') with a Chinese message
 * when the database is damaged, foreign, or from a newer version — the caller shows it and stops.
 */
export async function createAppCore(options: AppCoreOptions): Promise<AppCore> {
  const clock = options.clock ?? systemClock
  const logger = options.logger ?? createLogger()
  mkdirSync(options.dataDir, { recursive: true })
  const dbPath = options.dbPath ?? join(options.dataDir, DB_FILE_NAME)
  const store = await openDatabase(dbPath, { appVersion: options.appVersion })

  const holder = { store }
  const events = registerListeners(createEventBus())
  const sync = new SyncWorker(
    {
      getDb: () => holder.store.db,
      secrets: options.platform.secrets,
      clock,
      logger,
      events,
      dataDir: options.dataDir,
    },
    options.sync,
  )
  const ctx: CoreContext = {
    holder,
    dataDir: options.dataDir,
    appVersion: options.appVersion,
    platform: options.platform,
    clock,
    ids: options.ids ?? newId,
    logger,
    session: new SessionManager(),
    sync,
    events,
  }

  try {
    if (await isInitialised(store.db)) await maybeAutoBackup(store, options.dataDir, clock)
  } catch (e) {
    // A failed automatic backup must not keep the officer out of the app.
    logger.warn('启动时自动备份失败', { error: e })
  }

  try {
    // A newer chinese-days may know next year's holidays: add years the store lacks, never replace.
    await addMissingPackageYears(
      { db: store.db, clock, events: ctx.events },
      packageCalendarYears(),
    )
  } catch (e) {
    logger.warn('补充内置节假日数据失败', { error: e })
  }

  const handlers = buildHandlers(ctx)
  // The worker does nothing until a server URL and token are set; then it carries on by itself.
  if (options.sync?.autoStart ?? true) sync.start()
  // 依申请公开: an OS notification about requests due soon or overdue, at start-up and daily.
  const reminders = startRequestReminders({ getDb: () => holder.store.db, ...ctx })
  let closed = false
  return {
    handlers,
    dispatch: createDispatch(handlers, logger),
    sync,
    events,
    close: async () => {
      if (closed) return
      closed = true
      await sync.stop()
      reminders.stop()
      ctx.session.end()
      await closeDatabase(ctx.holder.store)
    },
  }
}
