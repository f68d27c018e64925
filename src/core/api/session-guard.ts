import type { Actor } from '../accounts/actor'
import { toActor, loadUserView } from '../accounts/users-repo'
import { appendAudit } from '../audit/append'
import { AppError } from '../errors'
import { readSettings } from '../settings/settings'
import type { CoreContext } from './context'

/**
 * Locks the session if it has been idle too long (auditing the automatic lock once).
 * Returns the lock timeout, which callers report in SessionInfo.
 */
export async function applyIdleLock(ctx: CoreContext): Promise<number> {
  const { lockAfterMinutes } = await readSettings(ctx.holder.store.db)
  const session = ctx.session.current
  if (session && ctx.session.lockIfIdle(ctx.clock(), lockAfterMinutes)) {
    const user = await loadUserView(ctx.holder.store.db, session.userId)
    await appendAudit(
      ctx.holder.store.db,
      {
        actor: user ? { id: user.id, name: user.displayName } : null,
        action: 'auth.lock',
        target: `user:${session.userId}`,
        detail: { reason: 'idle', lockAfterMinutes },
      },
      ctx.clock,
    )
  }
  return lockAfterMinutes
}

/** Why every channel but change-password, logout and app:state refuses a first-login account. */
export const MUST_CHANGE_PASSWORD_MESSAGE =
  '请先设置您自己的密码：该账号的密码由管理员设置，修改后才能继续使用'

export interface ActorOptions {
  allowLocked?: boolean
  /** Allowed before the owner has replaced an administrator-set password (issue 10). */
  allowMustChange?: boolean
}

/**
 * The acting user of the current session. Throws UNAUTHENTICATED without a session (or when the
 * account was deactivated meanwhile), LOCKED when locked, unless `allowLocked`, and FORBIDDEN
 * (details `{ mustChangePassword: true }`) while the password set by an administrator has not
 * been changed by its owner, unless `allowMustChange`.
 */
export async function requireActor(ctx: CoreContext, options: ActorOptions = {}): Promise<Actor> {
  const session = ctx.session.current
  if (!session) throw new AppError('UNAUTHENTICATED', '请先登录')
  await applyIdleLock(ctx)
  if (session.locked && !options.allowLocked) {
    throw new AppError('LOCKED', '已锁定，请输入密码解锁')
  }
  const user = await loadUserView(ctx.holder.store.db, session.userId)
  if (!user || !user.active) {
    ctx.session.end()
    throw new AppError('UNAUTHENTICATED', '账号已停用或不存在，请重新登录')
  }
  if (user.mustChangePassword && !options.allowMustChange) {
    throw new AppError('FORBIDDEN', MUST_CHANGE_PASSWORD_MESSAGE, { mustChangePassword: true })
  }
  return toActor(user)
}

/**
 * Wraps a handler body that needs a logged-in, unlocked user; a successful call counts as
 * activity and postpones the automatic lock.
 */
export function withActor<I, O>(
  ctx: CoreContext,
  body: (actor: Actor, input: I) => Promise<O>,
  options: ActorOptions = {},
): (input: I) => Promise<O> {
  return async (input) => {
    const actor = await requireActor(ctx, options)
    const result = await body(actor, input)
    ctx.session.touch(ctx.clock())
    return result
  }
}
