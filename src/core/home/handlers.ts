import type { CoreContext } from '../api/context'
import { withActor } from '../api/session-guard'
import type { HandlerTable } from '../api/types'
import { homeTodo } from './todo'

type HomeChannel = Extract<keyof HandlerTable, `home:${string}`>

/** The home page's to-do list (我的待办), for the signed-in user. */
export function homeHandlers(ctx: CoreContext): Pick<HandlerTable, HomeChannel> {
  return {
    'home:todo': withActor(ctx, (actor) =>
      homeTodo(ctx.holder.store.db, actor, ctx.clock, () => ctx.sync.status()),
    ),
  }
}
