import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { completeSetup, isInitialised, setupDepartment } from '../core/accounts/setup'
import { verifyAudit } from '../core/audit/verify'
import { readAnchorFile } from './anchor-file'
import { verifyCarried } from '../core/backup/carried-audit'
import { createBackupUnattended } from '../core/backup/create-backup'
import type { Clock } from '../core/clock'
import { closeDatabase, openDatabase, type Store } from '../core/db/database'
import { AppError } from '../core/errors'
import { firstIssueMessage } from '../core/api/validation-message'
import type { z } from 'zod'
import { departmentSchema, setupSchema } from '../shared/accounts/schemas'

/** Where a command writes; injected so the commands are testable without a child process. */
export interface CliIo {
  out(line: string): void
  err(line: string): void
}

export interface CliEnv {
  io: CliIo
  clock: Clock
  appVersion: string
}

/** Runs `body` with the store open, always closing it. */
async function withStore<T>(
  path: string,
  env: CliEnv,
  body: (store: Store) => Promise<T>,
  readonly = false,
): Promise<T> {
  const store = await openDatabase(resolve(path), { appVersion: env.appVersion, readonly })
  try {
    return await body(store)
  } finally {
    await closeDatabase(store)
  }
}

/** Parses with a zod schema, turning the first issue into a Chinese VALIDATION error. */
function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value)
  if (!parsed.success) throw new AppError('VALIDATION', firstIssueMessage(parsed.error.issues))
  return parsed.data
}

export interface InitArgs {
  db: string
  department: string
  orgCode: string
  admin?: string
  passwordFile?: string
  displayName?: string
}

/**
 * `init`: creates and migrates the store and records the department. With `--admin` and
 * `--password-file` it also creates the first administrator (all roles); without them the
 * administrator is created by first-run setup when the app starts.
 */
export async function initCommand(args: InitArgs, env: CliEnv): Promise<number> {
  const department = parseOrThrow(departmentSchema, {
    name: args.department,
    orgCode: args.orgCode,
  })
  let admin: { username: string; displayName: string; password: string } | undefined
  if (args.admin !== undefined || args.passwordFile !== undefined) {
    if (!args.admin || !args.passwordFile) {
      throw new AppError('VALIDATION', '创建管理员需要同时提供 --admin 和 --password-file')
    }
    if (!existsSync(args.passwordFile)) {
      throw new AppError('NOT_FOUND', `找不到密码文件：${args.passwordFile}`)
    }
    // Only the first line: files written by editors usually end with a newline.
    const password = readFileSync(args.passwordFile, 'utf8').split(/\r?\n/)[0] ?? ''
    admin = parseOrThrow(setupSchema, {
      department,
      admin: { username: args.admin, displayName: args.displayName ?? args.admin, password },
    }).admin
  }
  await withStore(args.db, env, async (store) => {
    if (await isInitialised(store.db)) {
      throw new AppError('CONFLICT', `数据库已初始化，未做修改：${resolve(args.db)}`)
    }
    if (admin) await completeSetup(store.db, { department, admin }, env.clock)
    else await setupDepartment(store.db, department, env.clock)
  })
  env.io.out(`已初始化数据库：${resolve(args.db)}`)
  env.io.out(`单位：${department.name}（${department.orgCode}）`)
  env.io.out(
    admin
      ? `已创建管理员：${admin.username}`
      : '尚未创建管理员：请启动政务公开工作台，按提示完成初始化。',
  )
  return 0
}

/** `backup`: an online copy of the database to a new file (never overwrites one). */
export async function backupCommand(
  args: { db: string; out: string },
  env: CliEnv,
): Promise<number> {
  if (!existsSync(args.db)) throw new AppError('NOT_FOUND', `找不到数据库文件：${resolve(args.db)}`)
  if (existsSync(args.out)) {
    throw new AppError('CONFLICT', `目标文件已存在：${resolve(args.out)}，请换一个文件名`)
  }
  const info = await withStore(args.db, env, (store) =>
    createBackupUnattended(store, resolve(args.out), env.clock, 'cli'),
  )
  env.io.out(`备份完成：${info.file}（${info.sizeBytes} 字节）`)
  return 0
}

/** `verify-audit`: checks the hash chain read-only; exit 1 naming the first broken entry. */
export async function verifyAuditCommand(
  args: { db: string; anchors?: string | undefined },
  env: CliEnv,
): Promise<number> {
  if (!existsSync(args.db)) throw new AppError('NOT_FOUND', `找不到数据库文件：${resolve(args.db)}`)
  // The district's anchors (server:admin list-anchors), compared with the chain (issue 8 point 9).
  const serverAnchors = args.anchors ? readAnchorFile(args.anchors) : null
  const { result, carried } = await withStore(
    args.db,
    env,
    async (store) => ({
      result: await verifyAudit(store.db, { serverAnchors }),
      carried: await store.db
        .selectFrom('audit_log')
        .select(['seq', 'detail_json'])
        .where('action', '=', 'backup.restore.carried')
        .orderBy('seq')
        .execute(),
    }),
    true,
  )
  if (result.anchors) {
    const a = result.anchors
    env.io.out(
      a.checked > 0
        ? `已与 ${a.checked} 个审计锚点比对（${a.source === 'local' ? '本机保存的区级回执' : '含区级服务器的锚点'}；最新为第 ${a.lastSeq} 条）。`
        : '尚无可比对的审计锚点。',
    )
  }
  if (result.ok) {
    env.io.out(`审计链完整：已校验 ${result.checked} 条记录。`)
    // 恢复前记录: the replaced databases' entries carried into this one by a restore.
    let bad = 0
    for (const entry of carried) {
      const detail = entry.detail_json ? (JSON.parse(entry.detail_json) as unknown) : null
      const problem = verifyCarried(detail)
      const section = detail as { count?: number; replacedDatabase?: string } | null
      if (problem) {
        bad++
        env.io.err(`第 ${entry.seq} 条「恢复前记录」校验失败：${problem}`)
      } else {
        env.io.out(
          `第 ${entry.seq} 条为「恢复前记录」：被替换的数据库 ${section?.replacedDatabase ?? ''} 在备份之后的 ${section?.count ?? 0} 条记录，原哈希均相符。`,
        )
      }
    }
    return bad > 0 ? 1 : 0
  }
  env.io.err(`审计链校验失败：第 ${result.firstBrokenSeq} 条记录异常。`)
  env.io.err(`原因：${result.reason}`)
  env.io.err(`此前已通过校验的记录：${result.checked} 条。请立即联系管理员并保留数据库文件。`)
  return 1
}
