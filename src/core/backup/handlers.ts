import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { requireRole, type Actor } from '../accounts/actor'
import { backupFileName, backupsDir, samePath, scanBackups } from './backup-files'
import { createBackup, listBackups } from './create-backup'
import { previewRestore, restoreBackup } from './restore-backup'
import { AppError } from '../errors'
import type { CoreContext } from '../api/context'
import { withActor } from '../api/session-guard'
import type { HandlerTable } from '../api/types'
import type { FileDialogOptions } from '../platform'

const BACKUP_FILTERS: FileDialogOptions['filters'] = [
  { name: '政务公开工作台数据库备份', extensions: ['sqlite'] },
]

type BackupChannel = Extract<keyof HandlerTable, `${'backup'}:${string}`>

/** Handlers for backups and restore; dialogs go through the Platform. */
export function backupHandlers(ctx: CoreContext): Pick<HandlerTable, BackupChannel> {
  // Files previewed with `backup:inspect`, by token: the renderer never names a path itself.
  const tokens = new Map<string, { file: string; userId: string }>()

  /** A named file must come from the backup list: the renderer cannot point at arbitrary paths. */
  const listedFile = (file: string): string => {
    if (!scanBackups(ctx.dataDir).some((b) => samePath(b.file, file))) {
      throw new AppError('VALIDATION', '只能从备份列表中选择要恢复的文件，或通过「选择文件」恢复')
    }
    return file
  }

  /** The file to act on: listed, or chosen in the open dialog (null when cancelled). */
  const fileFor = async (actor: Actor, file: string | undefined): Promise<string | null> => {
    // The role is checked before any dialog opens (issue 8 point 10).
    requireRole(actor, 'admin')
    if (file !== undefined) return listedFile(file)
    return ctx.platform.chooseOpenFile({
      title: '选择要恢复的数据库备份',
      defaultPath: backupsDir(ctx.dataDir),
      filters: BACKUP_FILTERS,
    })
  }

  const options = () => ({ dataDir: ctx.dataDir, appVersion: ctx.appVersion, clock: ctx.clock })

  return {
    'backup:create': withActor(ctx, async (actor) => {
      requireRole(actor, 'admin')
      const file = await ctx.platform.chooseSaveFile({
        title: '保存数据库备份',
        defaultPath: join(backupsDir(ctx.dataDir), backupFileName('manual', ctx.clock())),
        filters: BACKUP_FILTERS,
      })
      if (file === null) return null
      return createBackup(ctx.holder.store, ctx.dataDir, actor, file, ctx.clock)
    }),

    'backup:list': withActor(ctx, async (actor) => listBackups(ctx.dataDir, actor)),

    // Choose first, then see what the backup holds and what a restore would set aside.
    'backup:inspect': withActor(ctx, async (actor, input) => {
      const file = await fileFor(actor, input.file)
      if (file === null) return null
      const token = randomUUID()
      const preview = await previewRestore(ctx.holder, actor, file, options(), token)
      tokens.set(token, { file, userId: actor.id })
      return preview
    }),

    'backup:restore': withActor(ctx, async (actor, input) => {
      requireRole(actor, 'admin')
      let file: string | null
      if (input.token !== undefined) {
        const entry = tokens.get(input.token)
        if (!entry || entry.userId !== actor.id) {
          throw new AppError('VALIDATION', '请重新选择要恢复的备份文件（预览已失效）')
        }
        file = entry.file
      } else {
        file = await fileFor(actor, input.file)
      }
      if (file === null) return null
      const result = await restoreBackup(ctx.holder, actor, file, options())
      tokens.clear()
      // The restored database has its own accounts: everyone signs in again against them.
      ctx.session.end()
      return result
    }),

    // The platform port asks the officer and opens http(s) only (src/main/platform.ts).
  }
}
