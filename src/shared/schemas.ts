import { z } from 'zod'
import { ROLES } from './roles'
import { isValidUscc } from './uscc'
import { plainText } from './text'
import { zodZh } from './zod-zh'

/** zod schemas for what crosses the IPC boundary. Messages are Chinese and say what to do. */

// zod's own messages (wrong type, missing field …) in Chinese, in both worlds: one error map.
z.config(zodZh())

export const empty = z.strictObject({})

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

const idSchema = z.string().min(1).max(64)

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

export const auditFilterSchema = z.strictObject({
  action: z.string().max(64).optional(),
  actorId: idSchema.optional(),
  /** ISO date (YYYY-MM-DD) inclusive bounds, local time. */
  from: z.iso.date('日期格式应为 YYYY-MM-DD').optional(),
  to: z.iso.date('日期格式应为 YYYY-MM-DD').optional(),
  text: z.string().max(100).optional(),
  offset: z.int().min(0).max(10_000_000).default(0),
  limit: z.int().min(1).max(500).default(50),
})

/** A whole number in [min, max]; out of range is refused with the range in the message. */
const intInRange = (min: number, max: number, unit: string) => {
  const message = `须在 ${min}–${max} ${unit}之间`
  return z.int(`请填写 ${min}–${max} 之间的整数`).min(min, message).max(max, message)
}

export const settingsPatchSchema = z.strictObject({
  lockAfterMinutes: intInRange(1, 240, '分钟').optional(),
  autoBackupEnabled: z.boolean().optional(),
  autoBackupKeep: intInRange(1, 365, '份').optional(),
  maxFailedLogins: intInRange(3, 10, '次').optional(),
  lockoutMinutes: intInRange(1, 1440, '分钟').optional(),
})

/** The [min, max] of a whole-number settings field, read from the schema (forms use it). */
export function settingRange(
  key: 'lockAfterMinutes' | 'autoBackupKeep' | 'maxFailedLogins' | 'lockoutMinutes',
): {
  min: number
  max: number
} {
  const field = settingsPatchSchema.shape[key].unwrap()
  return { min: field.minValue ?? 0, max: field.maxValue ?? Number.MAX_SAFE_INTEGER }
}

export const restoreSchema = z.strictObject({
  /** A file from `backup:list`, or omitted to let the user choose a file in a dialog. */
  file: z.string().min(1).max(4096).optional(),
  /** The token of a `backup:inspect` preview: restores exactly the file that was previewed. */
  token: z.string().min(1).max(64).optional(),
})

/** `backup:inspect`: a file from `backup:list`, or omitted to choose one in a dialog first. */
export const inspectBackupSchema = z.strictObject({
  file: z.string().min(1).max(4096).optional(),
})

export const openExternalSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: '只能打开 http 或 https 链接' }).max(2048, '链接过长'),
})
