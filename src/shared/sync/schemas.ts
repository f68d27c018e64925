import { z } from 'zod'

/** zod schemas of the sync channels (同步 settings, test, retry, withdrawal). */

const MAX_URL = 2048

/** The server's base URL: http or https, no credentials, query or fragment. */
export const serverUrlSchema = z
  .string()
  .trim()
  .min(1, '请填写服务器地址')
  .max(MAX_URL, '服务器地址过长')
  .refine((value) => {
    try {
      const url = new URL(value)
      return (
        (url.protocol === 'http:' || url.protocol === 'https:') &&
        url.username === '' &&
        url.password === '' &&
        url.search === '' &&
        url.hash === ''
      )
    } catch {
      return false
    }
  }, '服务器地址应以 http:// 或 https:// 开头，例如 https://sync.example.gov.cn，不能带用户名、密码或查询参数')

/** A department token as issued by `server:admin` (`ddt_…`); only bounded and trimmed here. */
export const syncTokenSchema = z
  .string()
  .trim()
  .min(8, '令牌过短，请粘贴区级管理员发放的完整令牌')
  .max(256, '令牌过长，请粘贴区级管理员发放的完整令牌')
  .regex(/^[\x21-\x7e]+$/, '令牌只能包含字母、数字和符号，不能有空格或中文')

/** `sync:update-settings`: change the URL and/or the token (or clear the token). */
export const syncSettingsPatchSchema = z
  .strictObject({
    serverUrl: serverUrlSchema.nullable().optional(),
    token: syncTokenSchema.optional(),
    clearToken: z.boolean().optional(),
  })
  .refine((p) => !(p.token !== undefined && p.clearToken), {
    message: '不能同时设置和清除令牌',
    path: ['token'],
  })

/** `sync:test-connection`: tests the given values, falling back to the saved ones. */
export const syncTestSchema = z.strictObject({
  serverUrl: serverUrlSchema.optional(),
  token: syncTokenSchema.optional(),
})

/** `sync:retry`: puts a failed entry back in the queue. */
export const syncRetrySchema = z.strictObject({ seq: z.int().min(1) })

/** `sync:withdraw`: withdraws an approved or published item, with the reason. */
export const itemWithdrawSchema = z.strictObject({
  id: z.string().min(1).max(64),
  reason: z.string().trim().min(2, '请填写撤回原因（至少 2 个字）').max(500, '撤回原因最多 500 字'),
})
