import { createUser, listUsers, resetPassword, unlockUser, updateUser } from '../../accounts/users'
import { requireRole, auditActor } from '../../accounts/actor'
import { appendAudit } from '../../audit/append'
import { listAudit } from '../../audit/list'
import { verifyAudit } from '../../audit/verify'
import { getSettings, updateSettings } from '../../settings/settings'
import { fetchServerAnchors } from '../../sync/anchors'
import type { CoreContext } from '../context'
import { withActor } from '../session-guard'
import type { HandlerTable } from '../types'

type AdminChannels =
  | 'users:list'
  | 'users:create'
  | 'users:update'
  | 'users:reset-password'
  | 'users:unlock'
  | 'audit:list'
  | 'audit:verify'
  | 'settings:get'
  | 'settings:update'

/** Handlers for users, the audit trail and settings; each service checks the actor's role. */
export function adminHandlers(ctx: CoreContext): Pick<HandlerTable, AdminChannels> {
  const db = () => ctx.holder.store.db
  return {
    'users:list': withActor(ctx, (actor) => listUsers(db(), actor, ctx.clock())),
    'users:create': withActor(ctx, (actor, input) =>
      createUser(db(), actor, input, ctx.clock, ctx.ids),
    ),
    'users:update': withActor(ctx, (actor, input) => updateUser(db(), actor, input, ctx.clock)),
    'users:reset-password': withActor(ctx, async (actor, input) => {
      await resetPassword(db(), actor, input, ctx.clock)
      return null
    }),
    'users:unlock': withActor(ctx, (actor, input) => unlockUser(db(), actor, input, ctx.clock)),

    'audit:list': withActor(ctx, (actor, input) => listAudit(db(), actor, input)),
    'audit:verify': withActor(ctx, async (actor) => {
      requireRole(actor, 'admin')
      // The district's anchors live outside this file: a chain rewritten here still fails them.
      const server = await fetchServerAnchors(db(), ctx.platform.secrets, ctx.sync.fetch)
      const result = await verifyAudit(db(), {
        serverAnchors: server.anchors?.map((a) => ({ seq: a.seq, hash: a.hash, at: a.receivedAt })),
        serverError: server.error,
      })
      await appendAudit(
        db(),
        {
          actor: auditActor(actor),
          action: 'audit.verify',
          target: 'audit_log',
          detail: { ...result },
        },
        ctx.clock,
      )
      return result
    }),

    'settings:get': withActor(ctx, (actor) => getSettings(db(), actor)),
    'settings:update': withActor(ctx, (actor, input) =>
      updateSettings(db(), actor, input, ctx.clock),
    ),
  }
}
