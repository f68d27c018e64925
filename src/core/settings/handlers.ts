import { getSettings, updateSettings } from './settings'
import type { CoreContext } from '../api/context'
import { withActor } from '../api/session-guard'
import type { HandlerTable } from '../api/types'

type SettingsChannel = Extract<keyof HandlerTable, `${'settings'}:${string}`>

/** Handlers for the app settings; the service checks the actor's role. */
export function settingsHandlers(ctx: CoreContext): Pick<HandlerTable, SettingsChannel> {
  const db = () => ctx.holder.store.db
  return {
    'settings:get': withActor(ctx, (actor) => getSettings(db(), actor)),
    'settings:update': withActor(ctx, (actor, input) =>
      updateSettings(db(), actor, input, ctx.clock),
    ),
  }
}
