import { requireRole, auditActor } from '../accounts/actor'
import { appendAudit } from './append'
import { listAudit } from './list'
import { verifyAudit } from './verify'
import { fetchServerAnchors } from '../sync/anchors'
import type { CoreContext } from '../api/context'
import { withActor } from '../api/session-guard'
import type { HandlerTable } from '../api/types'

type AuditChannel = Extract<keyof HandlerTable, `${'audit'}:${string}`>

/** Handlers for the audit trail (listing and verifying the chain against its anchors). */
export function auditHandlers(ctx: CoreContext): Pick<HandlerTable, AuditChannel> {
  const db = () => ctx.holder.store.db
  return {
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
  }
}
