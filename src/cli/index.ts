import { parseArgs } from 'node:util'
import { AppError, INTERNAL_MESSAGE } from '../core/errors'
import { systemClock } from '../core/clock'
import { createLogger } from '../core/logger'
import { readAppVersion } from './app-version'
import { backupCommand, initCommand, verifyAuditCommand, type CliEnv } from './commands'
import {
  catalogueExportCommand,
  catalogueImportCommand,
  importDocxCommand,
  searchCommand,
} from './drafting-commands'
import { reviewRecordCommand } from './review-commands'
import { calendarAddCommand } from './calendar-commands'
import { isScheduleCommand, runScheduleCommand, SCHEDULE_USAGE } from './schedule-commands'
import { REQUESTS_USAGE, requestsCommand } from './requests-commands'
import { CHECK_REPORT_USAGE, checkReportCommand } from './check-report-commands'
import { REPORT_USAGE, reportCommand } from './report-commands'
import { ENGAGEMENT_COMMANDS, ENGAGEMENT_USAGE, engagementCommand } from './engagement-commands'

/** Chinese usage text for `--help`. */
export const USAGE = `政务公开工作台 命令行工具

用法：npm run cli -- <命令> [选项]

命令：
  init          创建并初始化数据库，登记本单位
                  --db <文件>            数据库文件（不存在则创建）
                  --department <名称>    单位名称
                  --org-code <代码>      统一社会信用代码（18 位，GB 32100）
                  --admin <用户名>       可选：同时创建首个管理员
                  --password-file <文件> 与 --admin 一起使用：首行为管理员密码
                  --display-name <姓名>  可选：管理员姓名（默认同用户名）
  backup        备份数据库（联机备份，不影响正在运行的程序）
                  --db <文件>            数据库文件
                  --out <文件>           备份文件（不得已存在）
  verify-audit  校验审计链是否完整；发现篡改时以退出码 1 结束并指出第一条异常记录
                  --db <文件>            数据库文件
                  --anchors <文件>       可选：区级 server:admin list-anchors 输出的锚点，一并比对
  import-docx   把 Word 文档（.docx）导入为草稿，识别标题、发文字号、成文日期
                  --db <文件>  --file <docx文件>  --user <用户名>（须为起草人）
  catalogue-import  导入主动公开事项目录（.xlsx）；有任何一行出错则整表不导入
                  --db <文件>  --file <xlsx文件>  --user <用户名>（起草人或管理员）
  catalogue-export  导出主动公开事项目录为 .xlsx
                  --db <文件>  --out <xlsx文件>（不得已存在）
  search        全文检索条目并逐行列出（不足 3 个字的词只匹配标题）
                  --db <文件>  <关键词…>
  review-record 导出条目最近一次保密审查的审查单（.docx）
                  --db <文件>  --item <条目编号>  --out <docx文件>（不得已存在）  --user <用户名>
  calendar-add  添加或更新一年的节假日安排：国务院办公厅放假通知全文（.txt）或 .ics 日历；
                重新计算受影响的期限并列出变动
                  --db <文件>  <通知.txt|日历.ics>  [--year <年份>]  [--json]
${SCHEDULE_USAGE}
${REQUESTS_USAGE}
${CHECK_REPORT_USAGE}
${REPORT_USAGE}
${ENGAGEMENT_USAGE}

选项：
  -h, --help    显示本帮助

退出码：0 成功；1 失败或审计链异常；2 参数有误。`

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  db: { type: 'string' },
  anchors: { type: 'string' },
  department: { type: 'string' },
  'org-code': { type: 'string' },
  admin: { type: 'string' },
  'password-file': { type: 'string' },
  'display-name': { type: 'string' },
  out: { type: 'string' },
  file: { type: 'string' },
  user: { type: 'string' },
  item: { type: 'string' },
  year: { type: 'string' },
  json: { type: 'boolean' },
  all: { type: 'boolean' },
  on: { type: 'string' },
} as const

/** A usage error: printed with a hint to `--help`, exit code 2. */
class UsageError extends Error {}

/** Chinese text for node:util parseArgs errors (which are English). */
function usageMessage(e: unknown): string {
  const err = e as { code?: string; message?: string }
  const option = /'([^']+)'/.exec(err.message ?? '')?.[1] ?? ''
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `未知的选项：${option}`
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `选项 ${option} 的值有误（可能缺少参数值）`
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `多余的参数：${option}`
    default:
      return '参数有误'
  }
}

/** Requires a string option, naming it in Chinese when missing. */
function required(values: Record<string, unknown>, name: string): string {
  const value = values[name]
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`缺少选项 --${name}`)
  return value
}

/** Runs the CLI with `argv` (without node and script); returns the exit code. Never throws. */
export async function runCli(argv: string[], env: CliEnv): Promise<number> {
  if (argv[0] === 'check-report') return checkReportCommand(argv.slice(1), env)
  if ((ENGAGEMENT_COMMANDS as readonly string[]).includes(argv[0] ?? ''))
    return engagementCommand(argv, env)
  let parsed
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true })
  } catch (e) {
    env.io.err(`${usageMessage(e)}。运行 --help 查看用法。`)
    return 2
  }
  const { values, positionals } = parsed
  const [command, ...extra] = positionals
  if (values.help) {
    env.io.out(USAGE)
    return 0
  }
  try {
    if (!command) throw new UsageError('缺少命令')
    if (command === 'search') {
      const query = extra.join(' ').trim()
      if (query === '') throw new UsageError('缺少检索词')
      return await searchCommand({ db: required(values, 'db'), query }, env)
    }
    if (command === 'import-requests' || command === 'requests-due') {
      return await requestsCommand(command, extra, values, env)
    }
    if (isScheduleCommand(command)) return await runScheduleCommand(command, values, extra, env)
    if (command === 'calendar-add') {
      if (extra.length !== 1) throw new UsageError('calendar-add 需要且只需要一个通知或日历文件')
      const db = required(values, 'db')
      return await calendarAddCommand(
        { db, file: extra[0], year: values.year, json: values.json === true },
        env,
      )
    }
    if (extra.length > 0) throw new UsageError(`多余的参数：${extra.join(' ')}`)
    switch (command) {
      case 'report':
        return await reportCommand(
          {
            db: required(values, 'db'),
            year: required(values, 'year'),
            out: required(values, 'out'),
          },
          env,
        )
      case 'init':
        return await initCommand(
          {
            db: required(values, 'db'),
            department: required(values, 'department'),
            orgCode: required(values, 'org-code'),
            admin: values.admin,
            passwordFile: values['password-file'],
            displayName: values['display-name'],
          },
          env,
        )
      case 'backup':
        return await backupCommand(
          { db: required(values, 'db'), out: required(values, 'out') },
          env,
        )
      case 'verify-audit':
        return await verifyAuditCommand(
          { db: required(values, 'db'), anchors: values.anchors },
          env,
        )
      case 'import-docx':
        return await importDocxCommand(
          {
            db: required(values, 'db'),
            file: required(values, 'file'),
            user: required(values, 'user'),
          },
          env,
        )
      case 'catalogue-import':
        return await catalogueImportCommand(
          {
            db: required(values, 'db'),
            file: required(values, 'file'),
            user: required(values, 'user'),
          },
          env,
        )
      case 'catalogue-export':
        return await catalogueExportCommand(
          { db: required(values, 'db'), out: required(values, 'out') },
          env,
        )
      case 'review-record':
        return await reviewRecordCommand(
          {
            db: required(values, 'db'),
            item: required(values, 'item'),
            out: required(values, 'out'),
            user: required(values, 'user'),
          },
          env,
        )
      default:
        throw new UsageError(`未知的命令：${command}`)
    }
  } catch (e) {
    if (e instanceof UsageError) {
      env.io.err(`${e.message}。运行 --help 查看用法。`)
      return 2
    }
    if (e instanceof AppError) {
      env.io.err(`错误：${e.message}`)
      return 1
    }
    createLogger().error('命令行执行失败', { command, error: e })
    env.io.err(`错误：${INTERNAL_MESSAGE}`)
    return 1
  }
}

/** True when this file is the program being run (not imported by a test). */
const isMain = typeof require !== 'undefined' && require.main === module

if (isMain) {
  const env: CliEnv = {
    io: {
      out: (line) => process.stdout.write(line + '\n'),
      err: (line) => process.stderr.write(line + '\n'),
    },
    clock: systemClock,
    appVersion: readAppVersion(),
  }
  void runCli(process.argv.slice(2), env).then((code) => {
    process.exitCode = code
  })
}
