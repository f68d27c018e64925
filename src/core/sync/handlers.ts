import { loadItemView } from '../items/item-view'
import { getSyncSettings, testConnection, updateSyncSettings } from './sync-config'
import { syncOverview } from './sync-views'
import { retryEntry, withdrawItem } from './withdraw'
import type { CoreContext } from '../api/context'
import { withActor } from '../api/session-guard'
import type { HandlerTable } from '../api/types'

type SyncChannel = Extract<keyof HandlerTable, `${'sync'}:${string}`>

/**
 * Handlers for sync with the district: settings (administrators; the token goes to the platform's
 * secret store and never comes back), status and the queue (everyone logged in), 立即同步 (kicks
 * the worker and returns at once), retry and 撤回 (officers and administrators).
 */
export function syncHandlers(ctx: CoreContext): Pick<HandlerTable, SyncChannel> {
  const db = () => ctx.holder.store.db
  const secrets = ctx.platform.secrets
  return {
    'sync:get-settings': withActor(ctx, () => getSyncSettings(db(), secrets)),
    'sync:update-settings': withActor(ctx, async (actor, input) => {
      const { view } = await updateSyncSettings(db(), secrets, actor, input, ctx.clock)
      // New settings: try at once (this also lifts a pause after a refused token).
      if (view.configured) ctx.sync.kick(true)
      return view
    }),
    'sync:test-connection': withActor(ctx, (actor, input) =>
      testConnection(db(), secrets, actor, input, ctx.sync.fetch, ctx.clock),
    ),
    'sync:status': withActor(ctx, () => ctx.sync.status()),
    'sync:overview': withActor(ctx, async () => syncOverview(db(), await ctx.sync.status())),
    'sync:run': withActor(ctx, async () => {
      ctx.sync.kick(true)
      return ctx.sync.status()
    }),
    'sync:retry': withActor(ctx, async (actor, input) => {
      await retryEntry(db(), actor, input.seq, ctx.clock)
      ctx.sync.kick(false)
      return ctx.sync.status()
    }),
    'sync:withdraw': withActor(ctx, async (actor, input) => {
      const { queued } = await withdrawItem(db(), actor, input, ctx.clock, ctx.events)
      if (queued) ctx.sync.kick(false)
      return loadItemView(db(), actor, input.id, ctx.clock)
    }),
  }
}
