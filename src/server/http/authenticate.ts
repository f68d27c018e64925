import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import { bearerToken, hashToken } from '../auth/tokens'
import type { ServerDB } from '../db/schema'
import { findDepartmentByTokenHash } from '../departments/departments-repo'
import { tokenExpired } from '../departments/token-expiry'
import { ApiError } from '../errors'

/** The department a request acts for, resolved from its bearer token. */
export interface AuthedDepartment {
  id: string
  code: string
  name: string
}

declare module 'fastify' {
  interface FastifyRequest {
    department: AuthedDepartment | null
  }
}

/**
 * An `onRequest` hook that resolves the bearer token to a department or answers 401. It runs
 * before the body is read, so an unauthenticated client cannot make the server parse 20 MB.
 * Every request looks the hash up in the database: no token cache, so a revoked or rotated token
 * stops working at once on every instance. A token past its expiry day (Beijing time) is refused.
 * Runs after the per-address limiter (rate-limit.ts), which also counts the 401s this answers.
 */
export function authenticateHook(db: Kysely<ServerDB>, clock: () => Date = () => new Date()) {
  return async (req: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const token = bearerToken(req.headers.authorization)
    if (!token) {
      throw new ApiError(
        'UNAUTHENTICATED',
        '缺少令牌：请在请求头中提供 Authorization: Bearer <部门令牌>。',
      )
    }
    const department = await findDepartmentByTokenHash(db, hashToken(token))
    if (!department) {
      throw new ApiError('UNAUTHENTICATED', '令牌无效或已被吊销，请向区级管理员申请新令牌。')
    }
    if (tokenExpired(department.token_expires_at, clock())) {
      throw new ApiError(
        'UNAUTHENTICATED',
        `令牌已于 ${department.token_expires_at} 到期失效，请向区级管理员申请换发新令牌（rotate-token）。`,
      )
    }
    req.department = { id: department.id, code: department.code, name: department.name }
  }
}

/** The authenticated department of `req` (routes behind the hook only). */
export function departmentOf(req: FastifyRequest): AuthedDepartment {
  if (!req.department) throw new ApiError('UNAUTHENTICATED', '未认证的请求。')
  return req.department
}
