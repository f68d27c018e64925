import { capabilitiesOf } from '../../../shared/accounts/capabilities'
import type { SessionInfo, UserView } from '../../../shared/accounts/types'
import { changePassword, login, unlock } from '../../accounts/auth'
import { getDepartment } from '../../accounts/department'
import { completeSetup, isInitialised } from '../../accounts/setup'
import { loadUserView } from '../../accounts/users-repo'
import { appendAudit } from '../../audit/append'
import { maybeAutoBackup } from '../../backup/create-backup'
import { AppError } from '../../errors'
import { readSettings } from '../../settings/settings'
import type { CoreContext } from '../context'
import { applyIdleLock, requireActor, withActor } from '../session-guard'
import type { HandlerTable } from '../types'
import { auditActor } from '../../accounts/actor'

type AuthChannels =
  | 'app:state'
  | 'setup:complete'
  | 'auth:login'
  | 'auth:logout'
  | 'auth:lock'
  | 'auth:unlock'
  | 'auth:change-password'

/** Builds the SessionInfo the renderer keeps for the logged-in user. */
async function sessionInfo(ctx: CoreContext, user: UserView): Promise<SessionInfo> {
  const { lockAfterMinutes } = await readSettings(ctx.holder.store.db)
  return { user, lockAfterMinutes, capabilities: capabilitiesOf(user.roles) }
}

/** Today's automatic backup, if due; a failure is logged and never blocks the login. */
async function autoBackupQuietly(ctx: CoreContext): Promise<void> {
  try {
    await maybeAutoBackup(ctx.holder.store, ctx.dataDir, ctx.clock)
  } catch (e) {
    ctx.logger.warn('自动备份失败', { error: e })
  }
}

/** Handlers for app state, first-run setup, login, lock and passwords. */
export function authHandlers(ctx: CoreContext): Pick<HandlerTable, AuthChannels> {
  const db = () => ctx.holder.store.db
  return {
    'app:state': async () => {
      const lockAfterMinutes = await applyIdleLock(ctx)
      const session = ctx.session.current
      const user = session ? await loadUserView(db(), session.userId) : undefined
      if (session && (!user || !user.active)) ctx.session.end()
      const live = user?.active ? ctx.session.current : null
      return {
        initialised: await isInitialised(db()),
        department: await getDepartment(db()),
        session:
          live && user
            ? { user, lockAfterMinutes, capabilities: capabilitiesOf(user.roles) }
            : null,
        locked: live?.locked ?? false,
        appVersion: ctx.appVersion,
      }
    },

    'setup:complete': async (input) => {
      const user = await completeSetup(db(), input, ctx.clock, ctx.ids)
      ctx.session.start(user.id, ctx.clock())
      return sessionInfo(ctx, user)
    },

    'auth:login': async (input) => {
      const user = await login(db(), input, ctx.clock)
      ctx.session.start(user.id, ctx.clock())
      await autoBackupQuietly(ctx)
      return sessionInfo(ctx, user)
    },

    // Allowed while locked, so someone else can sign in on a locked screen ("switch user").
    'auth:logout': withActor(
      ctx,
      async (actor) => {
        await appendAudit(
          db(),
          {
            actor: auditActor(actor),
            action: 'auth.logout',
            target: `user:${actor.id}`,
          },
          ctx.clock,
        )
        ctx.session.end()
        return null
      },
      { allowLocked: true, allowMustChange: true },
    ),

    'auth:lock': withActor(
      ctx,
      async (actor) => {
        if (ctx.session.lock()) {
          await appendAudit(
            db(),
            {
              actor: auditActor(actor),
              action: 'auth.lock',
              target: `user:${actor.id}`,
              detail: { reason: 'manual' },
            },
            ctx.clock,
          )
        }
        return null
      },
      { allowLocked: true },
    ),

    'auth:unlock': async (input) => {
      if (!ctx.session.current) throw new AppError('UNAUTHENTICATED', '请先登录')
      const actor = await requireActor(ctx, { allowLocked: true, allowMustChange: true })
      try {
        await unlock(db(), actor, input.password, ctx.clock)
      } catch (e) {
        // Locked after too many wrong passwords: the session ends, the login page says how long.
        if (e instanceof AppError && (e.details as { accountLocked?: boolean })?.accountLocked) {
          ctx.session.end()
        }
        throw e
      }
      ctx.session.unlock(ctx.clock())
      const user = await loadUserView(db(), actor.id)
      if (!user) throw new AppError('UNAUTHENTICATED', '账号已停用或不存在，请重新登录')
      return sessionInfo(ctx, user)
    },

    'auth:change-password': withActor(
      ctx,
      async (actor, input) => {
        await changePassword(db(), actor, input, ctx.clock)
        return null
      },
      { allowMustChange: true },
    ),
  }
}
