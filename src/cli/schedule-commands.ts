import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { exportActivitiesFile } from '../core/activities/export-activities'
import { AppError } from '../core/errors'
import { newId } from '../core/ids'
import { exportScheduleFile, importBreakdownFile } from '../core/schedule/schedule-files'
import type { CliEnv } from './commands'
import { actorFor, withExistingStore } from './drafting-commands'

/** The 工作配档表 / 开放活动 commands and their --help lines. */
export const SCHEDULE_COMMANDS = [
  'import-schedule',
  'export-schedule',
  'export-activities',
] as const

export const SCHEDULE_USAGE = `  import-schedule   导入区里下发的重点工作分解表（.xlsx/.xls/.csv）为该年度的工作配档表；
                    有任何一处读不出则整表不导入；再次导入修订后的分解表时按序号和内容更新，
                    保留本单位已填写的措施和进展
                    --db <文件>  --year <年度>  <分解表文件>  [--user <用户名>（起草人）]
  export-schedule   导出该年度的工作配档表（.xlsx，A4 横向，可直接打印报送）
                    --db <文件>  --year <年度>  --out <xlsx文件>（不得已存在）  [--all 含非本单位任务]
  export-activities 导出该年度的政府开放活动计划安排报送表（.xlsx）
                    --db <文件>  --year <年度>  --out <xlsx文件>（不得已存在）`

export type ScheduleCommand = (typeof SCHEDULE_COMMANDS)[number]

export const isScheduleCommand = (command: string | undefined): command is ScheduleCommand =>
  (SCHEDULE_COMMANDS as readonly string[]).includes(command ?? '')

/** Options the schedule commands read (parsed by the CLI's one parseArgs). */
export interface ScheduleArgs {
  db?: string | undefined
  year?: string | undefined
  out?: string | undefined
  user?: string | undefined
  all?: boolean | undefined
}

/** A usage problem: the CLI prints it with a hint to --help and exits 2. */
export class ScheduleUsageError extends Error {}

function need(value: string | undefined, name: string): string {
  if (value === undefined || value.trim() === '') throw new ScheduleUsageError(`缺少选项 --${name}`)
  return value
}

function yearOf(value: string | undefined): number {
  const text = need(value, 'year')
  const year = Number(text)
  if (!/^\d{4}$/.test(text) || year < 2000 || year > 2100) {
    throw new ScheduleUsageError(`年度应为 2000 至 2100 之间的四位数字：${text}`)
  }
  return year
}

function freshOut(value: string | undefined): string {
  const out = need(value, 'out')
  if (existsSync(out)) {
    throw new AppError('CONFLICT', `目标文件已存在：${resolve(out)}，请换一个文件名`)
  }
  return resolve(out)
}

/**
 * Runs one schedule command; returns the exit code. Usage problems are printed here (exit 2);
 * AppErrors are thrown on to the CLI, which prints them (exit 1).
 */
export async function runScheduleCommand(
  command: ScheduleCommand,
  args: ScheduleArgs,
  files: string[],
  env: CliEnv,
): Promise<number> {
  try {
    return await run(command, args, files, env)
  } catch (e) {
    if (!(e instanceof ScheduleUsageError)) throw e
    env.io.err(`${e.message}。运行 --help 查看用法。`)
    return 2
  }
}

async function run(
  command: ScheduleCommand,
  args: ScheduleArgs,
  files: string[],
  env: CliEnv,
): Promise<number> {
  const db = need(args.db, 'db')
  const year = yearOf(args.year)
  if (command === 'import-schedule') {
    if (files.length !== 1)
      throw new ScheduleUsageError('import-schedule 需要且只需要一个分解表文件')
    const file = resolve(files[0] as string)
    return withExistingStore(db, env, async (store) => {
      const actor = args.user ? await actorFor(store.db, args.user) : null
      const r = await importBreakdownFile(store.db, actor, file, { year }, env.clock, newId)
      env.io.out(
        `已导入 ${r.year} 年重点工作分解表「${r.fileName}」：共 ${r.total} 项任务，新增 ${r.added} 项，更新 ${r.updated} 项，未变 ${r.unchanged} 项，移除 ${r.removed} 项。`,
      )
      env.io.out(`其中责任单位为本单位的任务 ${r.own} 项。`)
      return 0
    })
  }
  if (files.length > 0) throw new ScheduleUsageError(`多余的参数：${files.join(' ')}`)
  const out = freshOut(args.out)
  return withExistingStore(db, env, async (store) => {
    if (command === 'export-schedule') {
      const r = await exportScheduleFile(
        store.db,
        null,
        year,
        out,
        env.clock,
        args.all ? 'all' : 'own',
      )
      env.io.out(`已导出 ${year} 年工作配档表（${r.count} 项任务）：${r.file}`)
      return 0
    }
    const r = await exportActivitiesFile(store.db, null, year, out, env.clock)
    env.io.out(`已导出 ${year} 年政府开放活动计划安排报送表（${r.count} 项活动）：${r.file}`)
    return 0
  })
}
