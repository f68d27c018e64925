import { z } from 'zod'

/** zod schema of the shell channel (opening a link in the system browser). */

export const openExternalSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: '只能打开 http 或 https 链接' }).max(2048, '链接过长'),
})
