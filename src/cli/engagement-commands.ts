import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { exportCommentsFile, exportQaFile } from '../core/engagement/export'
import { AppError, INTERNAL_MESSAGE } from '../core/errors'
import type { CliEnv } from './commands'
import { withExistingStore } from './drafting-commands'

/** The engagement commands' --help lines. */
export const ENGAGEMENT_USAGE = `  export-comments  导出一次意见征集收到的全部意见及处理结果（.xlsx；联系方式不导出）
                  --db <文件>  --consultation <征集编号>  --out <xlsx文件>（不得已存在）
  export-qa     导出本单位的政策问答库（.xlsx；依据政策已修改或废止的标明须复核）
                  --db <文件>  --out <xlsx文件>（不得已存在）`

export const ENGAGEMENT_COMMANDS = ['export-comments', 'export-qa'] as const

/**
 * `export-comments` and `export-qa` (the CLI twins of the 政民互动 exports). Exit 0 on success, 1
 * on a failure (the Chinese message on stderr), 2 on wrong arguments. The export is audited with
 * no user (the CLI).
 */
export async function engagementCommand(argv: string[], env: CliEnv): Promise<number> {
  const [command, ...rest] = argv
  let values: { db?: string; consultation?: string; out?: string }
  try {
    values = parseArgs({
      args: rest,
      options: {
        db: { type: 'string' },
        consultation: { type: 'string' },
        out: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }).values
  } catch {
    env.io.err('参数有误。运行 --help 查看用法。')
    return 2
  }
  const need = command === 'export-comments' ? ['db', 'consultation', 'out'] : ['db', 'out']
  const missing = need.filter((k) => !values[k as keyof typeof values]?.trim())
  if (missing.length > 0) {
    env.io.err(`缺少选项 ${missing.map((m) => `--${m}`).join('、')}。运行 --help 查看用法。`)
    return 2
  }
  const out = resolve(values.out!)
  try {
    if (existsSync(out)) throw new AppError('CONFLICT', `输出文件已存在：${out}（请换一个文件名）`)
    const result = await withExistingStore(values.db!, env, (store) =>
      command === 'export-comments'
        ? exportCommentsFile(store.db, null, values.consultation!, out, env.clock)
        : exportQaFile(store.db, null, out, env.clock),
    )
    env.io.out(`已导出 ${result.rows} 条：${result.path}`)
    return 0
  } catch (e) {
    env.io.err(e instanceof AppError ? e.message : INTERNAL_MESSAGE)
    return 1
  }
}
