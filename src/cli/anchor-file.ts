import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { z } from 'zod'
import type { AnchorPoint } from '../core/audit/verify'
import { AppError } from '../core/errors'
import { auditAnchorSchema } from '../shared/sync/wire'

const fileSchema = z.object({ anchors: z.array(auditAnchorSchema) })

/**
 * The district's anchors for `verify-audit --anchors <file>`: the JSON that
 * `server:admin list-anchors --code <代码>` prints as its last line (or `GET /api/v1/audit-anchors`
 * answers). They come from outside the desk's file, so a chain rewritten there still fails them.
 */
export function readAnchorFile(path: string): AnchorPoint[] {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    throw new AppError('NOT_FOUND', `找不到锚点文件：${resolve(path)}`)
  }
  const candidates = [text, ...text.trim().split('\n').reverse()]
  for (const candidate of candidates) {
    try {
      const parsed = fileSchema.safeParse(JSON.parse(candidate))
      if (parsed.success) {
        return parsed.data.anchors.map((a) => ({ seq: a.seq, hash: a.hash, at: a.receivedAt }))
      }
    } catch {
      // not this line
    }
  }
  throw new AppError(
    'VALIDATION',
    '锚点文件格式不正确：应为 server:admin list-anchors 输出的最后一行（{"code":…,"anchors":[…]}）',
  )
}
