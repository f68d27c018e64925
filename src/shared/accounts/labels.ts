import type { Role } from './roles'

/** The one label table of the accounts domain (architecture doc, principle 11). */

/** The one place that maps domain codes to Chinese labels (architecture doc, principle 11). */
export const ROLE_LABELS: Record<Role, string> = {
  officer: '起草人',
  reviewer: '审核人',
  leader: '签发人',
  admin: '管理员',
}
