import { z } from 'zod'
import { passwordAttemptSchema, passwordSchema } from '../../../shared/accounts/schemas'

/**
 * The owner's own password change (the first-login page and the 修改密码 dialog): the current
 * password, the new one by the shared rule, typed twice. Core validates `auth:change-password`
 * with the same field schemas.
 */
export const changePasswordFormSchema = z
  .object({ oldPassword: passwordAttemptSchema, newPassword: passwordSchema, confirm: z.string() })
  .refine((v) => v.newPassword === v.confirm, {
    message: '两次输入的新密码不一致',
    path: ['confirm'],
    when: () => true,
  })

export const emptyChangePasswordForm = { oldPassword: '', newPassword: '', confirm: '' }
