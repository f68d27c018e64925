import { ROLE_LABELS } from '../../../shared/accounts/labels'
import { ROLES, type Role } from '../../../shared/accounts/roles'

export const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))

export const ROLE_COLORS: Record<Role, string> = {
  officer: 'gov',
  reviewer: 'teal',
  leader: 'grape',
  admin: 'red',
}

export const ROLE_HELP =
  '起草人：起草公开信息；审核人：保密审查；签发人：批准发布；管理员：管理用户和系统。'
