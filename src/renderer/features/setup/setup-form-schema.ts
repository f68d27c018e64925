import { z } from 'zod'
import {
  departmentSchema,
  displayNameSchema,
  orgCodeSchema,
  passwordSchema,
  usernameSchema,
} from '../../../shared/accounts/schemas'

/** The setup form, flat, built from the same field schemas core validates `setup:complete` with. */
export const setupFormSchema = z
  .object({
    name: departmentSchema.shape.name,
    orgCode: orgCodeSchema,
    username: usernameSchema,
    displayName: displayNameSchema,
    password: passwordSchema,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, {
    message: '两次输入的密码不一致',
    path: ['confirm'],
    when: () => true,
  })

export type SetupFormValues = z.input<typeof setupFormSchema>

export const emptySetupForm: SetupFormValues = {
  name: '',
  orgCode: '',
  username: '',
  displayName: '',
  password: '',
  confirm: '',
}
