import { readFile } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { isIsoDate } from '../core/deadlines'
import { AppError } from '../core/errors'
import { newId } from '../core/ids'
import { importLedger, openLedger } from '../core/requests/import'
import { listRequests } from '../core/requests/views'
import { APPLICANT_TYPE_LABELS, STATUS_LABELS } from '../shared/requests/labels'
import type { CliEnv } from './commands'
import { actorFor, withExistingStore } from './drafting-commands'

/**
 * 依申请公开 CLI twins: `import-requests --db <file> <ledger.xlsx|.xls|.csv> [--user <用户名>]` and
 * `requests-due --db <file> [--on <YYYY-MM-DD>] [--json]`. Personal data is never printed.
 */

export const REQUESTS_USAGE = `  import-requests  导入申请登记台账（.xlsx/.xls/.csv）；任何一行有误则整个文件不导入
                  --db <文件>  <台账文件>  [--user <用户名>]
  requests-due  列出办理中的政府信息公开申请及答复期限（按期限排序）
                  --db <文件>  [--on <YYYY-MM-DD>]（按该日计算，默认今天）  [--json]`

export interface RequestsCliArgs {
  db?: string
  user?: string
  on?: string
  json?: boolean
}

function usage(env: CliEnv, message: string): number {
  env.io.err(`${message}。运行 --help 查看用法。`)
  return 2
}

/** Runs `import-requests` or `requests-due`; returns the exit code (2 for usage errors). */
export async function requestsCommand(
  command: 'import-requests' | 'requests-due',
  positionals: string[],
  args: RequestsCliArgs,
  env: CliEnv,
): Promise<number> {
  if (!args.db) return usage(env, '缺少选项 --db')
  if (command === 'import-requests') {
    if (positionals.length !== 1) return usage(env, 'import-requests 需要且只需要一个台账文件')
    return importRequestsCommand({ db: args.db, file: positionals[0]!, user: args.user }, env)
  }
  if (positionals.length > 0) return usage(env, `多余的参数：${positionals.join(' ')}`)
  if (args.on !== undefined && !isIsoDate(args.on)) {
    return usage(env, `--on 的日期应为 YYYY-MM-DD：${args.on}`)
  }
  return requestsDueCommand({ db: args.db, on: args.on, json: args.json === true }, env)
}

/** `import-requests`: all-or-nothing import with the recognised columns. */
export async function importRequestsCommand(
  args: { db: string; file: string; user?: string },
  env: CliEnv,
): Promise<number> {
  const path = resolve(args.file)
  const bytes = await readFile(path).catch(() => {
    throw new AppError('NOT_FOUND', `找不到文件：${path}`)
  })
  return withExistingStore(args.db, env, async ({ db }) => {
    const actor = args.user ? await actorFor(db, args.user) : null
    const ledger = openLedger(bytes, basename(path))
    const result = await importLedger(db, actor, ledger, ledger.mapping, env.clock, newId)
    env.io.out(
      `已导入 ${result.imported} 件申请：已办结 ${result.answered} 件，办理中 ${result.open} 件。`,
    )
    return 0
  })
}

/** `requests-due`: open requests by due date, as text or `{"requests":[…]}`. */
export async function requestsDueCommand(
  args: { db: string; on?: string; json: boolean },
  env: CliEnv,
): Promise<number> {
  return withExistingStore(args.db, env, async ({ db }) => {
    // --on: count as of noon that day in Beijing (12:00 UTC+8 = 04:00 UTC), the officer's
    // calendar day whatever the machine's time zone.
    const clock = args.on
      ? () => {
          const [y, m, d] = args.on!.split('-').map(Number)
          return new Date(Date.UTC(y!, m! - 1, d!, 4))
        }
      : env.clock
    const rows = []
    for (let offset = 0; ; offset += 500) {
      const page = await listRequests(db, { tab: 'open', text: '', offset, limit: 500 }, clock)
      rows.push(...page.rows)
      if (rows.length >= page.total || page.rows.length === 0) break
    }
    const requests = rows.map((r) => ({
      no: r.no,
      receivedDate: r.receivedDate,
      dueDate: r.dueDate,
      status: r.status,
      provisional: r.provisional,
      daysLeft: r.daysLeft,
      applicantType: r.applicantType,
      flags: r.flags,
    }))
    if (args.json) {
      env.io.out(JSON.stringify({ requests }))
      return 0
    }
    env.io.out(`办理中的申请共 ${requests.length} 件：`)
    for (const r of requests) {
      const due = r.dueDate
        ? `${r.dueDate}${r.provisional ? '（暂定）' : ''}${r.daysLeft !== null ? (r.daysLeft < 0 ? `，已逾期 ${-r.daysLeft} 个工作日` : `，剩 ${r.daysLeft} 个工作日`) : ''}`
        : '暂停计时'
      env.io.out(
        `${r.no}\t收到 ${r.receivedDate}\t${APPLICANT_TYPE_LABELS[r.applicantType]}\t${STATUS_LABELS[r.status]}\t期限 ${due}`,
      )
    }
    return 0
  })
}
