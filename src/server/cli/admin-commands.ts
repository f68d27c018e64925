import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { parseArgs } from 'node:util'
import { listAnchors } from '../changes/audit-anchors-service'
import { publishItem, returnItem } from '../changes/district-actions'
import { openServerDatabase, resolveTarget } from '../db/connect'
import { AdminError, listDepartments } from '../departments/departments-service'
import {
  createDepartmentAs,
  revokeDepartmentTokenAs,
  rotateDepartmentTokenAs,
} from '../district/department-admin'
import { CLI_ACTOR, createDistrictUser, generatePassword, ROLE_LABEL } from '../district/accounts'
import { publishCalendarNotice } from '../calendar/calendar-service'
import {
  BreakdownFileError,
  parseBreakdownFile,
  publishBreakdown,
} from '../schedule/breakdown-service'
import { CONSOLIDATE_USAGE, runConsolidateReport } from '../consolidate/admin'
import { purgeAbandonedUploads } from '../uploads/expiry'
import { DEFAULT_UPLOAD_LIMITS, sizeText } from '../uploads/uploads-service'

/** Where the admin CLI writes; tests pass collectors. */
export interface AdminIo {
  out: (line: string) => void
  err: (line: string) => void
}

export const ADMIN_USAGE = `用法：npm run server:admin -- --data <目录> <命令> [选项]
  create-department --code <代码> --name <名称> [--expires YYYY-MM-DD]
                                                 创建部门并签发令牌（令牌只显示一次）
  list-departments                               列出部门（不显示令牌）
  rotate-token --code <代码> [--expires YYYY-MM-DD]
                                                 换发新令牌，旧令牌立即失效
  revoke-token --code <代码>                      吊销令牌，部门无法再报送
  publish --item <条目编号> --url <发布地址>       登记已发布，通知部门
  return --item <条目编号> --reason <原因>         退回部门修改
  list-anchors --code <代码>                      列出部门审计链的锚点（供部门 verify-audit --anchors 比对）
  publish-breakdown --year <年度> <分解表.xlsx>   发布该年度的重点工作分解表（.xlsx/.xls/.csv），
                                                 各部门下次同步时收到，责任单位写明本部门的任务标为本部门任务；
                                                 再次发布修正后的表格时就地更新，保留部门的措施和进展
  publish-calendar [--year <年度>] <通知.txt>      发布国务院节假日安排通知（原文粘贴成的文本文件），
                                                 各部门下次同步时收到；部门自行录入的年度有差异时会收到提示
  create-district-user --username <用户名> --name <姓名> [--role admin|publisher|viewer]
                                                 创建区级账户（默认管理员），随机初始密码只显示一次；
                                                 有区级账户后总览页须登录（--view-password 不再适用）
  purge-uploads [--older-than <天数>]             清理过期的未完成附件上传：删除其分块、释放部门配额
                                                 （默认按 UPLOAD_EXPIRY_DAYS，未设置为 7 天；已到齐的文件不受影响）
${CONSOLIDATE_USAGE}
--expires：令牌有效期的最后一天（北京时间），过期后该令牌被拒绝（401），须换发；不给则长期有效。
设置 DATABASE_URL=postgres://… 时使用 PostgreSQL（此时不需要 --data）。
每个命令的最后一行输出为 JSON。`

/** 「，有效期至 2027-06-30（北京时间）」 or nothing. */
function expiryNote(expiresAt: string | undefined): string {
  return expiresAt ? `，有效期至 ${expiresAt}（北京时间）` : ''
}

function need(value: string | undefined, flag: string): string {
  if (!value) throw new AdminError(`缺少 ${flag}。\n${ADMIN_USAGE}`)
  return value
}

/**
 * Runs one admin command; returns the exit code (0 ok, 1 failed, 2 wrong usage). The last line on
 * `out` is always JSON so scripts can read it; Chinese explanations go before it or to `err`.
 */
export async function runAdmin(
  argv: string[],
  env: NodeJS.ProcessEnv,
  io: AdminIo,
  now = () => new Date(),
): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        data: { type: 'string' },
        code: { type: 'string' },
        name: { type: 'string' },
        item: { type: 'string' },
        url: { type: 'string' },
        reason: { type: 'string' },
        expires: { type: 'string' },
        year: { type: 'string' },
        username: { type: 'string' },
        role: { type: 'string' },
        out: { type: 'string' },
        own: { type: 'string' },
        'older-than': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    })
  } catch (e) {
    io.err(`参数有误：${e instanceof Error ? e.message : String(e)}\n${ADMIN_USAGE}`)
    return 2
  }
  const { values, positionals } = parsed
  const command = positionals[0]
  const positionalCount = command === 'publish-breakdown' || command === 'publish-calendar' ? 2 : 1
  if (values.help || !command || positionals.length !== positionalCount) {
    ;(values.help ? io.out : io.err)(ADMIN_USAGE)
    return values.help ? 0 : 2
  }
  const known = [
    'create-department',
    'list-departments',
    'rotate-token',
    'revoke-token',
    'publish',
    'return',
    'list-anchors',
    'publish-breakdown',
    'create-district-user',
    'publish-calendar',
    'consolidate-report',
    'purge-uploads',
  ]
  if (!known.includes(command)) {
    io.err(`未知命令：${command}\n${ADMIN_USAGE}`)
    return 2
  }

  let database
  try {
    database = await openServerDatabase(resolveTarget(values.data, env.DATABASE_URL), {
      poolSize: 2,
    })
  } catch (e) {
    io.err(`无法打开数据库：${e instanceof Error ? e.message : String(e)}`)
    return 1
  }
  const { db } = database
  const at = now().toISOString()
  try {
    switch (command) {
      case 'create-department': {
        const input = {
          code: need(values.code, '--code'),
          name: need(values.name, '--name'),
          ...(values.expires === undefined ? {} : { expiresAt: values.expires }),
        }
        const created = await createDepartmentAs(db, input, CLI_ACTOR, at)
        io.out(
          `已创建部门「${created.name}」（${created.code}）${expiryNote(created.expiresAt)}。令牌只显示这一次，请立即交给该部门妥善保存：`,
        )
        io.out(JSON.stringify(created))
        break
      }
      case 'list-departments': {
        const list = await listDepartments(db, now())
        for (const d of list) {
          const expiry = d.tokenExpired
            ? `，已于 ${d.tokenExpiresAt} 过期`
            : d.tokenExpiresAt
              ? `，有效期至 ${d.tokenExpiresAt}`
              : ''
          io.out(
            `${d.code}\t${d.name}\t${d.tokenPrefix ? `${d.tokenPrefix}…（签发于 ${d.tokenIssuedAt}${expiry}）` : '令牌已吊销'}`,
          )
        }
        if (list.length === 0) io.out('尚无部门。')
        io.out(JSON.stringify(list))
        break
      }
      case 'rotate-token': {
        const code = need(values.code, '--code')
        const rotated = await rotateDepartmentTokenAs(
          db,
          code,
          CLI_ACTOR,
          at,
          values.expires === undefined ? {} : { expiresAt: values.expires },
        )
        io.out(
          `已为 ${rotated.code} 换发新令牌${expiryNote(rotated.expiresAt)}，旧令牌已失效。新令牌只显示这一次：`,
        )
        io.out(JSON.stringify(rotated))
        break
      }
      case 'revoke-token': {
        const revoked = await revokeDepartmentTokenAs(
          db,
          need(values.code, '--code'),
          CLI_ACTOR,
          at,
        )
        io.out(`已吊销 ${revoked.code} 的令牌；如需恢复报送，请用 rotate-token 签发新令牌。`)
        io.out(JSON.stringify(revoked))
        break
      }
      case 'publish': {
        const done = await publishItem(
          db,
          need(values.item, '--item').toLowerCase(),
          need(values.url, '--url'),
          at,
          { actor: CLI_ACTOR },
        )
        io.out(done.changed ? `已登记发布：${done.url}` : '该条目已以相同地址登记发布，未作更改。')
        io.out(JSON.stringify(done))
        break
      }
      case 'list-anchors': {
        const code = need(values.code, '--code')
        const department = await db
          .selectFrom('departments')
          .select('id')
          .where('code', '=', code)
          .executeTakeFirst()
        if (!department) throw new AdminError(`没有代码为 ${code} 的部门。`)
        const anchors = []
        let epochs: Awaited<ReturnType<typeof listAnchors>>['epochs'] = []
        for (let after = 0; ;) {
          const page = await listAnchors(db, department.id, after)
          anchors.push(...page.anchors)
          epochs = page.epochs
          const last = page.anchors[page.anchors.length - 1]
          if (!page.hasMore || !last) break
          after = last.seq
        }
        const newest = anchors[anchors.length - 1]
        io.out(
          newest
            ? `${code} 共 ${anchors.length} 个审计锚点，最新为第 ${newest.seq} 条（${newest.receivedAt}）。把最后一行保存为文件，部门可用 verify-audit --anchors <文件> 比对。`
            : `${code} 尚无审计锚点。`,
        )
        for (const e of epochs) {
          io.out(
            `第 ${e.epoch} 段：已从备份恢复（${e.rebasedAt}），恢复记录为第 ${e.restoreSeq} 条；此前区级确认到第 ${e.replacedSeq ?? '—'} 条，恢复前记录 ${e.carried} 条，原锚点另行保留。`,
          )
        }
        io.out(JSON.stringify({ code, anchors, epochs }))
        break
      }
      case 'publish-breakdown': {
        const year = Number(need(values.year, '--year'))
        if (!Number.isInteger(year) || year < 2000 || year > 2100) {
          throw new AdminError('--year 应为 2000 至 2100 之间的年度，例如 --year 2025。')
        }
        const path = positionals[1] as string
        let bytes: Buffer
        try {
          bytes = readFileSync(path)
        } catch {
          throw new AdminError(`无法读取文件「${path}」，请检查路径。`)
        }
        const parsed = parseBreakdownFile(bytes, basename(path), year)
        const done = await publishBreakdown(db, parsed, CLI_ACTOR, at)
        io.out(
          done.changed
            ? `已发布 ${year} 年重点工作分解表「${parsed.title}」（第 ${done.version} 版，${done.taskCount} 项任务），各部门下次同步时收到。`
            : `${year} 年重点工作分解表与已发布的第 ${done.version} 版相同，未作更改。`,
        )
        io.out(JSON.stringify({ ...done, title: parsed.title, fileName: parsed.fileName }))
        break
      }
      case 'purge-uploads': {
        const given = values['older-than'] ?? (env.UPLOAD_EXPIRY_DAYS || undefined)
        const days = given === undefined ? DEFAULT_UPLOAD_LIMITS.expiryDays : Number(given)
        if (!Number.isInteger(days) || days < 1) {
          throw new AdminError(
            values['older-than'] === undefined
              ? `UPLOAD_EXPIRY_DAYS=${given}：上传不过期；如需清理，请用 --older-than <天数> 指定（至少 1 天）。`
              : '--older-than 应为至少 1 的整数天数，例如 --older-than 7。',
          )
        }
        const done = await purgeAbandonedUploads(db, {
          now: now(),
          olderThanDays: days,
          actor: CLI_ACTOR,
          auditEmpty: true,
        })
        for (const p of done.purged) {
          io.out(
            `${p.departmentCode}\t${p.sha256.slice(0, 12)}…\t已收到 ${sizeText(p.receivedBytes)} / ${sizeText(p.size)}\t最后分块 ${p.lastActivityAt}`,
          )
        }
        io.out(
          done.purged.length
            ? `已清理 ${done.purged.length} 个超过 ${days} 天未完成的上传，删除分块 ${sizeText(done.deletedBytes)}，释放配额 ${sizeText(done.releasedBytes)}。部门下次同步时重新上传这些文件。`
            : `没有超过 ${days} 天未完成的上传。`,
        )
        io.out(JSON.stringify(done))
        break
      }
      case 'consolidate-report':
        if (!(await runConsolidateReport(db, values, io.out))) return 1
        break
      case 'publish-calendar': {
        const path = positionals[1] as string
        let text: string
        try {
          text = readFileSync(path, 'utf8')
        } catch {
          throw new AdminError(`无法读取文件「${path}」，请检查路径。`)
        }
        const year = values.year === undefined ? undefined : Number(values.year)
        if (year !== undefined && (!Number.isInteger(year) || year < 2000 || year > 2100)) {
          throw new AdminError('--year 应为 2000 至 2100 之间的年度，例如 --year 2027。')
        }
        const done = await publishCalendarNotice(db, text, year, CLI_ACTOR, at)
        io.out(
          done.changed
            ? `已发布 ${done.year} 年节假日安排（第 ${done.version} 版：放假 ${done.holidays} 天，调休上班 ${done.workdays} 天），各部门下次同步时收到。`
            : `${done.year} 年节假日安排与已发布的第 ${done.version} 版相同，未作更改。`,
        )
        io.out(JSON.stringify(done))
        break
      }
      case 'create-district-user': {
        const password = generatePassword()
        const user = await createDistrictUser(
          db,
          {
            username: need(values.username, '--username'),
            displayName: need(values.name, '--name'),
            role: values.role ?? 'admin',
            password,
          },
          CLI_ACTOR,
          at,
        )
        io.out(
          `已创建区级账户「${user.username}」（${user.displayName}，${ROLE_LABEL[user.role]}）。初始密码只显示这一次，请当面交给本人：`,
        )
        io.out(`初始密码：${password}`)
        io.out('有区级账户后，区级总览页须用账户登录（--view-password 不再适用）。')
        io.out(JSON.stringify({ ...user, password }))
        break
      }
      case 'return': {
        const done = await returnItem(
          db,
          need(values.item, '--item').toLowerCase(),
          need(values.reason, '--reason'),
          at,
          { actor: CLI_ACTOR },
        )
        io.out(done.changed ? '已退回部门修改。' : '该条目已以相同原因退回，未作更改。')
        io.out(JSON.stringify(done))
        break
      }
    }
    return 0
  } catch (e) {
    if (e instanceof AdminError || e instanceof BreakdownFileError) {
      io.err(e.message)
      return 1
    }
    io.err(`操作失败：${e instanceof Error ? e.message : String(e)}`)
    return 1
  } finally {
    await database.close()
  }
}
