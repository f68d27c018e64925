import type { Role } from '../../shared/accounts/roles'
import { AppError } from '../errors'

/** The logged-in user on whose behalf a service runs; every service checks its roles itself. */
export interface Actor {
  id: string
  username: string
  displayName: string
  roles: Role[]
}

/** Throws FORBIDDEN unless `actor` holds `role`. */
export function requireRole(actor: Actor, role: Role): void {
  if (!actor.roles.includes(role)) {
    throw new AppError('FORBIDDEN', '没有权限执行此操作，请联系管理员')
  }
}

/** How an actor is named in an audit entry: `{ id, name }`. */
export function auditActor(actor: Pick<Actor, 'id' | 'displayName'>): { id: string; name: string } {
  return { id: actor.id, name: actor.displayName }
}
