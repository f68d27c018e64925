import { join } from 'node:path'
import { requireRole } from '../accounts/actor'
import { getDepartment } from '../accounts/department'
import { deleteCatalogueEntry, listCatalogue, saveCatalogueEntry } from './catalogue-service'
import { exportCatalogueXlsx, importCatalogueXlsx } from './catalogue-xlsx'
import { addGenre, addTopic, listTaxonomy } from './taxonomy'
import { fileStamp } from '../clock'
import { getDraftingSettings, updateDraftingSettings } from '../items/drafting-settings'
import { requireCatalogueEditor } from '../items/permissions'
import type { CoreContext } from '../api/context'
import { withActor } from '../api/session-guard'
import type { HandlerTable } from '../api/types'

type CatalogueChannel = Extract<
  keyof HandlerTable,
  `${'catalogue' | 'taxonomy' | 'drafting'}:${string}`
>

/** Handlers for the catalogue, the taxonomies and the drafting settings. */
export function catalogueHandlers(ctx: CoreContext): Pick<HandlerTable, CatalogueChannel> {
  const db = () => ctx.holder.store.db
  return {
    'catalogue:list': withActor(ctx, () => listCatalogue(db())),
    'catalogue:save': withActor(ctx, (actor, input) =>
      saveCatalogueEntry(db(), actor, input, ctx.clock, ctx.ids),
    ),
    'catalogue:delete': withActor(ctx, async (actor, input) => {
      await deleteCatalogueEntry(db(), actor, input.id, ctx.clock)
      return null
    }),
    'catalogue:import-xlsx': withActor(ctx, async (actor) => {
      requireCatalogueEditor(actor)
      const file = await ctx.platform.chooseOpenFile({
        title: '导入主动公开事项目录',
        // Read by src/core/spreadsheet: Excel and WPS workbooks, old .xls, and .csv.
        filters: [
          { name: 'Excel / WPS 表格（.xlsx .xls .csv）', extensions: ['xlsx', 'xls', 'csv'] },
        ],
      })
      if (file === null) return null
      return importCatalogueXlsx(db(), actor, file, ctx.clock, ctx.ids)
    }),
    'catalogue:export-xlsx': withActor(ctx, async (actor) => {
      const department = await getDepartment(db())
      const file = await ctx.platform.chooseSaveFile({
        title: '导出主动公开事项目录',
        defaultPath: join(
          ctx.dataDir,
          `主动公开事项目录-${fileStamp(ctx.clock()).slice(0, 8)}.xlsx`,
        ),
        filters: [{ name: 'Excel 表格', extensions: ['xlsx'] }],
      })
      if (file === null) return null
      return exportCatalogueXlsx(db(), actor, file, ctx.clock, department?.name ?? '')
    }),

    'taxonomy:list': withActor(ctx, () => listTaxonomy(db())),
    'taxonomy:add-topic': withActor(ctx, (actor, input) =>
      addTopic(db(), actor, input, ctx.clock, ctx.ids),
    ),
    'taxonomy:add-genre': withActor(ctx, (actor, input) =>
      addGenre(db(), actor, input, ctx.clock, ctx.ids),
    ),

    'drafting:get-settings': withActor(ctx, () => getDraftingSettings(db(), ctx.clock)),
    'drafting:update-settings': withActor(ctx, (actor, input) => {
      requireRole(actor, 'admin')
      return updateDraftingSettings(db(), actor, input, ctx.clock)
    }),
  }
}
