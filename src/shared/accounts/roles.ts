/** Local user roles. A user may hold several. */
export const ROLES = ['officer', 'reviewer', 'leader', 'admin'] as const
export type Role = (typeof ROLES)[number]
