import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { AppError } from '../core/errors'
import { exportReviewRecord } from '../core/review/workflow'
import type { CliEnv } from './commands'
import { actorFor, withExistingStore } from './drafting-commands'

/** `review-record`: the 保密审查单 (.docx) of an item's latest review, as `--user` (never overwrites). */
export async function reviewRecordCommand(
  args: { db: string; item: string; out: string; user: string },
  env: CliEnv,
): Promise<number> {
  if (existsSync(args.out))
    throw new AppError('CONFLICT', `目标文件已存在：${resolve(args.out)}，请换一个文件名`)
  return withExistingStore(args.db, env, async ({ db }) => {
    const actor = await actorFor(db, args.user)
    const result = await exportReviewRecord(
      db,
      actor,
      args.item,
      undefined,
      resolve(args.out),
      env.clock,
    )
    env.io.out(`已导出保密审查单：${result.path}`)
    return 0
  })
}
