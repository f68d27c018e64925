import { z } from 'zod'
import { ROLES } from './roles'
import { idSchema } from '../fields'
import { plainText } from '../text'
import { isValidUscc } from '../uscc'

/** zod schemas of the accounts channels (setup, login, users). Messages are Chinese and say what to do. */

export const usernameSchema = z
  .string()
  .trim()
  .min(2, '用户名至少 2 个字符')
  .max(32, '用户名最多 32 个字符')
  .regex(/^[A-Za-z0-9_.\-\u4e00-\u9fa5]+$/, '用户名只能包含中文、字母、数字、下划线、点和连字符')

export const displayNameSchema = z
  .string()
  .trim()
  .min(1, '请填写姓名')
  .max(40, '姓名最多 40 个字符')

/** At least 8 characters with both letters and digits; at most 128 so hashing cost stays bounded. */
export const passwordSchema = z
  .string()
  .min(8, '密码至少 8 位')
  .max(128, '密码最多 128 位')
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), '密码须同时包含字母和数字')

/** A password typed to log in or unlock: not checked for strength, only bounded. */
export const passwordAttemptSchema = z.string().min(1, '请输入密码').max(128, '密码最多 128 位')

export const rolesSchema = z.array(z.enum(ROLES)).min(1, '至少选择一个角色').max(ROLES.length)

export const orgCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .length(18, '统一社会信用代码应为 18 位')
  .refine(isValidUscc, '统一社会信用代码校验位不正确，请核对（GB 32100）')

export const departmentSchema = z.strictObject({
  name: plainText().trim().min(2, '请填写单位名称').max(60, '单位名称最多 60 个字符'),
  orgCode: orgCodeSchema,
})

export const setupSchema = z.strictObject({
  department: departmentSchema,
  admin: z.strictObject({
    username: usernameSchema,
    displayName: displayNameSchema,
    password: passwordSchema,
  }),
})

export const loginSchema = z.strictObject({
  username: plainText().trim().min(1, '请输入用户名').max(32),
  password: passwordAttemptSchema,
})

export const createUserSchema = z.strictObject({
  username: usernameSchema,
  displayName: displayNameSchema,
  password: passwordSchema,
  roles: rolesSchema,
})

export const updateUserSchema = z.strictObject({
  id: idSchema,
  displayName: displayNameSchema.optional(),
  roles: rolesSchema.optional(),
  active: z.boolean().optional(),
})

export const resetPasswordSchema = z.strictObject({ id: idSchema, password: passwordSchema })

/** One user by id (users:unlock). */
export const userIdSchema = z.strictObject({ id: idSchema })

export const changePasswordSchema = z.strictObject({
  oldPassword: passwordAttemptSchema,
  newPassword: passwordSchema,
})
