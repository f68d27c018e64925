import type { Kysely } from 'kysely'
import { newId } from '../../core/ids'
import { generateToken, hashToken, tokenDisplayPrefix } from '../auth/tokens'
import type { ServerDB } from '../db/schema'
import {
  findDepartmentByCode,
  insertDepartment,
  listDepartmentRows,
  setDepartmentToken,
} from './departments-repo'
import { tokenExpired, tokenExpiryProblem } from './token-expiry'

/** A Chinese, user-facing failure of an administrative action. */
export class AdminError extends Error {
  override readonly name = 'AdminError'
}

/** What an administrator sees about a department (never the token or its hash). */
export interface DepartmentSummary {
  code: string
  name: string
  tokenPrefix: string | null
  tokenIssuedAt: string | null
  /** Last valid day of the token (`YYYY-MM-DD`, Beijing time), or null: no expiry. */
  tokenExpiresAt: string | null
  /** True when the token has an expiry that has passed (it is refused with 401). */
  tokenExpired: boolean
  createdAt: string
}

/** Checks an optional `--expires` date (see token-expiry.ts); undefined means no expiry. */
function checkExpiry(expiresAt: string | undefined, now: string): string | null {
  if (expiresAt === undefined) return null
  const problem = tokenExpiryProblem(expiresAt, new Date(now))
  if (problem) throw new AdminError(problem)
  return expiresAt
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/

/** Validates a department code; codes appear in URLs and logs, so they are plain ASCII. */
function checkCode(code: string): void {
  if (!CODE.test(code)) {
    throw new AdminError('部门代码只能包含字母、数字、点、下划线和连字符，且不超过 64 个字符。')
  }
}

/**
 * Creates a department with a fresh token and returns the token in clear. This is the only time
 * the token exists outside the department's hands: only its hash is stored.
 */
export async function createDepartment(
  db: Kysely<ServerDB>,
  input: { code: string; name: string; expiresAt?: string },
  now: string,
): Promise<{ code: string; name: string; token: string; expiresAt?: string }> {
  checkCode(input.code)
  const expiresAt = checkExpiry(input.expiresAt, now)
  const name = input.name.trim()
  if (!name || name.length > 200) throw new AdminError('部门名称不能为空，且不超过 200 个字符。')
  if (await findDepartmentByCode(db, input.code)) {
    throw new AdminError(`部门代码 ${input.code} 已存在；如需新令牌请使用 rotate-token。`)
  }
  const token = generateToken()
  await insertDepartment(db, {
    id: newId(),
    code: input.code,
    name,
    token_hash: hashToken(token),
    token_prefix: tokenDisplayPrefix(token),
    token_issued_at: now,
    token_expires_at: expiresAt,
    created_at: now,
    updated_at: now,
  })
  return { code: input.code, name, token, ...(expiresAt ? { expiresAt } : {}) }
}

/**
 * Replaces a department's token; the old one stops working at once. The new token gets
 * `expiresAt` (or none: an expiry is never carried over from the old token silently).
 */
export async function rotateDepartmentToken(
  db: Kysely<ServerDB>,
  code: string,
  now: string,
  options: { expiresAt?: string } = {},
): Promise<{ code: string; token: string; expiresAt?: string }> {
  const expiresAt = checkExpiry(options.expiresAt, now)
  const token = generateToken()
  const found = await setDepartmentToken(
    db,
    code,
    { hash: hashToken(token), prefix: tokenDisplayPrefix(token), issuedAt: now, expiresAt },
    now,
  )
  if (!found) throw new AdminError(`没有代码为 ${code} 的部门，请用 list-departments 查看。`)
  return { code, token, ...(expiresAt ? { expiresAt } : {}) }
}

/** Removes a department's token; it can push nothing until a new one is issued by rotate-token. */
export async function revokeDepartmentToken(
  db: Kysely<ServerDB>,
  code: string,
  now: string,
): Promise<{ code: string; revoked: true }> {
  const found = await setDepartmentToken(db, code, null, now)
  if (!found) throw new AdminError(`没有代码为 ${code} 的部门，请用 list-departments 查看。`)
  return { code, revoked: true }
}

/** Every department, for the admin listing. */
export async function listDepartments(
  db: Kysely<ServerDB>,
  now = new Date(),
): Promise<DepartmentSummary[]> {
  const rows = await listDepartmentRows(db)
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    tokenPrefix: r.token_prefix,
    tokenIssuedAt: r.token_issued_at,
    tokenExpiresAt: r.token_expires_at,
    tokenExpired: r.token_prefix !== null && tokenExpired(r.token_expires_at, now),
    createdAt: r.created_at,
  }))
}
