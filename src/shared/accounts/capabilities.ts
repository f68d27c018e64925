import type { Role } from './roles'

/**
 * What the signed-in user may do, derived once in core from their roles and carried in the session
 * (`SessionInfo.capabilities`), so pages show or hide actions without restating role rules. Core
 * still enforces each rule on every call (items/permissions.ts, review/workflow/access.ts, …); these
 * flags only decide what the UI offers, and they say the same thing those checks say.
 */
export interface Capabilities {
  /** 起草人: create and edit items, submit them for review, edit schedule tasks and activities. */
  draft: boolean
  /** Works the review queue: 保密审核 (reviewer), 领导签发 (leader) or the administrator. */
  review: boolean
  /** 领导签发 and reviews referred to a leader (leader or administrator). */
  sign: boolean
  /**
   * Keeps the department's shared registers: the catalogue and taxonomies, the holiday calendar,
   * withdrawing and retrying synced items (起草人 or 管理员).
   */
  maintain: boolean
  /** 管理员: users, audit log, settings, review chain and checklist, templates. */
  admin: boolean
}

/** The one mapping from roles to capabilities (core builds the session with it). */
export function capabilitiesOf(roles: readonly Role[]): Capabilities {
  const has = (r: Role) => roles.includes(r)
  return {
    draft: has('officer'),
    review: has('reviewer') || has('leader') || has('admin'),
    sign: has('leader') || has('admin'),
    maintain: has('officer') || has('admin'),
    admin: has('admin'),
  }
}
