import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Viewer } from '../view/layout'
import {
  ROLE_LABEL,
  roleAllows,
  type DistrictActor,
  type DistrictPermission,
  type DistrictSession,
} from './accounts'

/**
 * How a request to the district pages is authorised: by a district account's session (once any
 * account exists), or — before the first account — by the old view password (HTTP Basic) or by
 * being on loopback without one.
 */
export type DistrictAccess =
  | { mode: 'accounts'; session: DistrictSession | null; token: string | undefined }
  | { mode: 'password' }
  | { mode: 'open' }

declare module 'fastify' {
  interface FastifyRequest {
    districtAccess: DistrictAccess | null
  }
}

export function accessOf(req: FastifyRequest): DistrictAccess {
  return req.districtAccess ?? { mode: 'open' }
}

/** The header's 「姓名（角色）」 and the forms' CSRF token; null when open on loopback. */
export function viewerOf(req: FastifyRequest): Viewer | null {
  const access = accessOf(req)
  if (access.mode === 'accounts') {
    return access.session
      ? {
          name: access.session.user.displayName,
          role: ROLE_LABEL[access.session.user.role],
          csrf: access.session.csrf,
        }
      : null
  }
  return access.mode === 'password' ? { name: '区级', role: '访问密码', csrf: '' } : null
}

/** Who the audit trail names for this request's actions. */
export function actorOf(req: FastifyRequest): DistrictActor & { username?: string } {
  const access = accessOf(req)
  if (access.mode === 'accounts' && access.session) {
    return {
      id: access.session.user.id,
      name: access.session.user.displayName,
      username: access.session.user.username,
    }
  }
  return { id: null, name: access.mode === 'password' ? '区级（访问密码）' : '区级（本机访问）' }
}

/**
 * Whether the request may do `permission`. Before the first account exists, whoever passes the
 * password (or is on loopback) may view and publish as before; account administration needs an
 * account (the first one is made with `server:admin create-district-user`).
 */
export function allowed(req: FastifyRequest, permission: DistrictPermission): boolean {
  const access = accessOf(req)
  if (access.mode === 'accounts') {
    return access.session !== null && roleAllows(access.session.user.role, permission)
  }
  return permission !== 'admin'
}

/** The nav shows 区级账户 / 操作记录 to administrators. */
export const linksOf = (req: FastifyRequest) => ({ accounts: allowed(req, 'admin') })

/** Reads one cookie from the request. */
export function cookieOf(req: FastifyRequest, name: string): string | undefined {
  const header = req.headers.cookie
  if (!header) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}

/** The session cookie: HttpOnly, SameSite=Strict, Secure over TLS, for `maxAgeS` seconds (0 clears). */
export function setSessionCookie(
  req: FastifyRequest,
  reply: FastifyReply,
  name: string,
  value: string,
  maxAgeS: number,
): void {
  const secure = req.protocol === 'https' ? '; Secure' : ''
  reply.header(
    'set-cookie',
    `${name}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeS}${secure}`,
  )
}
