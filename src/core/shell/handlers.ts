import type { CoreContext } from '../api/context'
import { withActor } from '../api/session-guard'
import type { HandlerTable } from '../api/types'

type ShellChannel = Extract<keyof HandlerTable, `${'shell'}:${string}`>

/** Opening a link in the system browser (the Platform asks the user first). */
export function shellHandlers(ctx: CoreContext): Pick<HandlerTable, ShellChannel> {
  return {
    'shell:open-external': withActor(ctx, (_actor, input) => ctx.platform.openExternal(input.url)), // eng-disable OPEN_EXTERNAL_JS_CHECK
  }
}
