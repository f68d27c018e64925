import type { CoreContext } from '../api/context'
import { withActor, applyIdleLock, requireActor } from '../api/session-guard'
import type { HandlerTable } from '../api/types'
import { acknowledgePasswordReset, passwordResetNotice } from './reset-notice'
import { capabilitiesOf } from '../../shared/accounts/capabilities'
import type { SessionInfo, UserView } from '../../shared/accounts/types'
import { changePassword, login, unlock } from './auth'
import { getDepartment } from './department'
import { completeSetup, isInitialised } from './setup'
import { loadUserView } from './users-repo'
import { appendAudit } from '../audit/append'
import { maybeAutoBackup } from '../backup/create-backup'
import { AppError } from '../errors'
import { readSettings } from '../settings/settings'
import { auditActor } from './actor'
import { createUser, listUsers, resetPassword, unlockUser, updateUser } from './users'

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

type AuthChannel = Extract<keyof HandlerTable, `${'app' | 'setup' | 'auth'}:${string}`>

/**
 * Handlers for first-run setup and the session: app state, login, logout, lock/unlock (with the idle
 * lock) and the password change.
 */
export function authHandlers(ctx: CoreContext): Pick<HandlerTable, AuthChannel> {
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

type UsersChannel = Extract<keyof HandlerTable, `${'users'}:${string}`>

/** Handlers for user management; each service checks the actor's role. */
export function usersHandlers(ctx: CoreContext): Pick<HandlerTable, UsersChannel> {
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
  }
}
