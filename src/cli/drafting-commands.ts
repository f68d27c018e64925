import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Actor } from '../core/accounts/actor'
import { findUserByUsername, rolesOf } from '../core/accounts/users-repo'
import { getDepartment } from '../core/accounts/department'
import { exportCatalogueXlsx, importCatalogueXlsx } from '../core/catalogue/catalogue-xlsx'
import { closeDatabase, openDatabase, type Store } from '../core/db/database'
import type { DB } from '../core/db/schema'
import { AppError } from '../core/errors'
import { createEventBus } from '../core/events/bus'
import { registerListeners } from '../core/events/listeners'
import { newId } from '../core/ids'
import { importDocx } from '../core/items/docx-import'
import { loadItemView } from '../core/items/item-view'
import { searchItems } from '../core/search/search-items'
import {
  INDEX_NUMBER_PENDING_LABEL,
  ITEM_KIND_LABELS,
  ITEM_STATUS_LABELS,
} from '../shared/items/labels'
import type { Kysely } from 'kysely'
import type { CliEnv } from './commands'

/** Opens an existing database (never creates one from a typo), runs `body`, closes it. */
export async function withExistingStore<T>(
  path: string,
  env: CliEnv,
  body: (store: Store) => Promise<T>,
): Promise<T> {
  if (!existsSync(path)) throw new AppError('NOT_FOUND', `找不到数据库文件：${resolve(path)}`)
  const store = await openDatabase(resolve(path), { appVersion: env.appVersion })
  try {
    return await body(store)
  } finally {
    await closeDatabase(store)
  }
}

/**
 * The active user named `username`, as the actor of a CLI command. The name is marked 「（命令行）」,
 * so everything the command records (audit entries first of all) says it came from the CLI
 * rather than from the app (issue 8 point 10).
 */
export async function actorFor(db: Kysely<DB>, username: string): Promise<Actor> {
  const user = await findUserByUsername(db, username)
  if (!user || user.active !== 1)
    throw new AppError('NOT_FOUND', `用户「${username}」不存在或已停用`)
  return {
    id: user.id,
    username: user.username,
    displayName: `${user.display_name}（命令行）`,
    roles: await rolesOf(db, user.id),
  }
}

/** `import-docx`: a .docx as a new draft, as `--user`. */
export async function importDocxCommand(
  args: { db: string; file: string; user: string },
  env: CliEnv,
): Promise<number> {
  return withExistingStore(args.db, env, async ({ db }) => {
    const actor = await actorFor(db, args.user)
    const events = registerListeners(createEventBus())
    const id = await importDocx(db, actor, resolve(args.file), env.clock, newId, events)
    const item = await loadItemView(db, actor, id, env.clock)
    env.io.out(`已导入为草稿：${item.title}`)
    env.io.out(`编号：${item.id}`)
    env.io.out(
      `发文字号：${item.docNumber || '（未识别）'}，成文日期：${item.signedDate ?? '（未识别）'}`,
    )
    for (const w of item.warnings) env.io.out(`提示：${w}`)
    return 0
  })
}

/** `catalogue-import`: all-or-nothing import of a catalogue .xlsx, as `--user`. */
export async function catalogueImportCommand(
  args: { db: string; file: string; user: string },
  env: CliEnv,
): Promise<number> {
  return withExistingStore(args.db, env, async ({ db }) => {
    const actor = await actorFor(db, args.user)
    const result = await importCatalogueXlsx(db, actor, resolve(args.file), env.clock, newId)
    env.io.out(`目录导入完成：新增 ${result.added} 条，更新 ${result.updated} 条。`)
    if (result.unparsedTimeLimitRows.length > 0) {
      env.io.out(
        `提示：第 ${result.unparsedTimeLimitRows.join('、')} 行的公开时限无法识别，这些事项下的条目不计算到期日。`,
      )
    }
    return 0
  })
}

/** `catalogue-export`: the catalogue as .xlsx (never overwrites a file). */
export async function catalogueExportCommand(
  args: { db: string; out: string },
  env: CliEnv,
): Promise<number> {
  if (existsSync(args.out))
    throw new AppError('CONFLICT', `目标文件已存在：${resolve(args.out)}，请换一个文件名`)
  return withExistingStore(args.db, env, async ({ db }) => {
    const department = await getDepartment(db)
    const result = await exportCatalogueXlsx(
      db,
      null,
      resolve(args.out),
      env.clock,
      department?.name ?? '',
    )
    env.io.out(`已导出 ${result.count} 条目录事项：${result.file}`)
    return 0
  })
}

/** `search`: prints matching items (first 50), one per line, with the total. */
export async function searchCommand(
  args: { db: string; query: string },
  env: CliEnv,
): Promise<number> {
  return withExistingStore(args.db, env, async ({ db }) => {
    const page = await searchItems(
      db,
      { text: args.query, sort: 'updated', order: 'desc', offset: 0, limit: 50 },
      env.clock,
    )
    env.io.out(
      `共 ${page.total} 条${page.total > page.rows.length ? `（显示前 ${page.rows.length} 条）` : ''}：`,
    )
    for (const r of page.rows) {
      const cells = [
        r.indexNumber ?? INDEX_NUMBER_PENDING_LABEL,
        ITEM_KIND_LABELS[r.kind],
        ITEM_STATUS_LABELS[r.status],
        r.title,
        r.docNumber,
        r.signedDate ?? '',
        r.late ? '逾期' : '',
      ]
      env.io.out(cells.join('\t'))
      if (r.snippet) env.io.out(`\t${r.snippet}`)
    }
    return 0
  })
}
