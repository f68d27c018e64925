import { join } from 'node:path'
import { requireRole } from '../../accounts/actor'
import { backupFileName, backupsDir, samePath, scanBackups } from '../../backup/backup-files'
import { createBackup, listBackups } from '../../backup/create-backup'
import { restoreBackup } from '../../backup/restore-backup'
import { AppError } from '../../errors'
import type { CoreContext } from '../context'
import { withActor } from '../session-guard'
import type { FileDialogOptions, HandlerTable } from '../types'

type BackupChannels = 'backup:create' | 'backup:list' | 'backup:restore' | 'shell:open-external'

const BACKUP_FILTERS: FileDialogOptions['filters'] = [
  { name: '政务公开工作台数据库备份', extensions: ['sqlite'] },
]

/** Handlers for backups, restore, and opening links; dialogs go through the Platform. */
export function backupHandlers(ctx: CoreContext): Pick<HandlerTable, BackupChannels> {
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

    // A named file must come from the backup list: the renderer cannot point at arbitrary paths.
    'backup:restore': withActor(ctx, async (actor, input) => {
      requireRole(actor, 'admin')
      let file = input.file
      if (file !== undefined) {
        const listed = file
        if (!scanBackups(ctx.dataDir).some((b) => samePath(b.file, listed))) {
          throw new AppError(
            'VALIDATION',
            '只能从备份列表中选择要恢复的文件，或通过「选择文件」恢复',
          )
        }
      } else {
        const chosen = await ctx.platform.chooseOpenFile({
          title: '选择要恢复的数据库备份',
          defaultPath: backupsDir(ctx.dataDir),
          filters: BACKUP_FILTERS,
        })
        if (chosen === null) return null
        file = chosen
      }
      const result = await restoreBackup(ctx.holder, actor, file, {
        dataDir: ctx.dataDir,
        appVersion: ctx.appVersion,
        clock: ctx.clock,
      })
      // The restored database has its own accounts: everyone signs in again against them.
      ctx.session.end()
      return result
    }),

    'shell:open-external': withActor(ctx, (_actor, input) => ctx.platform.openExternal(input.url)),
  }
}
