import type { CoreContext } from '../api/context'
import { withActor } from '../api/session-guard'
import type { HandlerTable } from '../api/types'
import { acknowledgePasswordReset, passwordResetNotice } from './reset-notice'

type AccountsChannel = Extract<keyof HandlerTable, `accounts:${string}`>

/** The logged-in user's own account: the password-reset notice and its acknowledgement. */
export function accountsHandlers(ctx: CoreContext): Pick<HandlerTable, AccountsChannel> {
  const db = () => ctx.holder.store.db
  return {
    'accounts:reset-notice': withActor(ctx, (actor) => passwordResetNotice(db(), actor)),
    'accounts:acknowledge-reset': withActor(ctx, (actor) =>
      acknowledgePasswordReset(db(), actor, ctx.clock),
    ),
  }
}
