import { join } from 'node:path'
import { requireRole } from '../../accounts/actor'
import { getDepartment } from '../../accounts/department'
import {
  addAttachment,
  exportAttachment,
  removeAttachment,
} from '../../attachments/attachments-service'
import { listAttachmentViews } from '../../attachments/attachments-repo'
import {
  deleteCatalogueEntry,
  listCatalogue,
  saveCatalogueEntry,
} from '../../catalogue/catalogue-service'
import { exportCatalogueXlsx, importCatalogueXlsx } from '../../catalogue/catalogue-xlsx'
import { addGenre, addTopic, listTaxonomy } from '../../catalogue/taxonomy'
import { fileStamp } from '../../clock'
import { ATTACHMENT_EXTENSIONS } from '../../../shared/catalogue/types'
import { diffRevisions } from '../../items/diff'
import { importDocx } from '../../items/docx-import'
import { getDraftingSettings, updateDraftingSettings } from '../../items/drafting-settings'
import { loadItemView } from '../../items/item-view'
import { requireCatalogueEditor, requireItemEditor } from '../../items/permissions'
import { linkInterpretation, unlinkInterpretation } from '../../items/links'
import { restoreRevision } from '../../items/restore'
import { getRevision, listRevisions } from '../../items/revisions'
import { saveItem } from '../../items/save-item'
import { setValidity } from '../../items/validity'
import { listItemAuthors, searchItems } from '../../search/search-items'
import type { CoreContext } from '../context'
import { withActor } from '../session-guard'
import type { HandlerTable } from '../types'

type DraftingChannel = Extract<
  keyof HandlerTable,
  `${'items' | 'attachments' | 'catalogue' | 'taxonomy' | 'drafting'}:${string}`
>

/**
 * Handlers for drafting: items and their revisions, attachments, the catalogue, the taxonomies and
 * the drafting settings. Files are always chosen in a platform dialog — the renderer never names a
 * path (the services take paths, for the CLI and tests).
 */
export function draftingHandlers(ctx: CoreContext): Pick<HandlerTable, DraftingChannel> {
  const db = () => ctx.holder.store.db
  const view = (actor: Parameters<typeof loadItemView>[1], id: string) =>
    loadItemView(db(), actor, id, ctx.clock)
  return {
    'items:save': withActor(ctx, async (actor, input) =>
      view(actor, await saveItem(db(), actor, input, 'save', ctx.clock, ctx.ids, ctx.events)),
    ),
    'items:autosave': withActor(ctx, async (actor, input) =>
      view(actor, await saveItem(db(), actor, input, 'autosave', ctx.clock, ctx.ids, ctx.events)),
    ),
    'items:get': withActor(ctx, (actor, input) => view(actor, input.id)),
    'items:search': withActor(ctx, (_actor, input) => searchItems(db(), input, ctx.clock)),
    'items:authors': withActor(ctx, () => listItemAuthors(db())),
    'items:revisions': withActor(ctx, (_actor, input) => listRevisions(db(), input.id)),
    'items:revision': withActor(ctx, (_actor, input) =>
      getRevision(db(), input.id, input.revision),
    ),
    'items:diff': withActor(ctx, (_actor, input) =>
      diffRevisions(db(), input.id, input.from, input.to),
    ),
    'items:restore': withActor(ctx, async (actor, input) => {
      await restoreRevision(db(), actor, input, ctx.clock, ctx.ids, ctx.events)
      return view(actor, input.id)
    }),
    'items:link': withActor(ctx, async (actor, input) => {
      await linkInterpretation(db(), actor, input, ctx.clock)
      return view(actor, input.interpretationId)
    }),
    'items:unlink': withActor(ctx, async (actor, input) => {
      await unlinkInterpretation(db(), actor, input, ctx.clock)
      return view(actor, input.interpretationId)
    }),
    'items:set-validity': withActor(ctx, async (actor, input) => {
      await setValidity(db(), actor, input, ctx.clock, ctx.events)
      return view(actor, input.id)
    }),
    // Each dialog channel checks the role before the dialog opens (issue 8 point 10).
    'items:import-docx': withActor(ctx, async (actor) => {
      requireItemEditor(actor)
      const file = await ctx.platform.chooseOpenFile({
        title: '导入 Word 文档为草稿',
        filters: [{ name: 'Word 文档', extensions: ['docx'] }],
      })
      if (file === null) return null
      return view(actor, await importDocx(db(), actor, file, ctx.clock, ctx.ids, ctx.events))
    }),

    'attachments:add': withActor(ctx, async (actor, input) => {
      requireItemEditor(actor)
      const file = await ctx.platform.chooseOpenFile({
        title: '添加附件',
        filters: [{ name: '附件', extensions: [...ATTACHMENT_EXTENSIONS] }],
      })
      if (file === null) return null
      const outcome = await addAttachment(
        db(),
        ctx.dataDir,
        actor,
        input.itemId,
        file,
        ctx.clock,
        ctx.ids,
        ctx.events,
      )
      const item = await view(actor, input.itemId)
      const attachment = item.attachments.find((a) => a.id === outcome.attachmentId)
      if (!attachment) throw new Error('attachment vanished after add')
      return { item, attachment, warnings: outcome.warnings, deduplicated: outcome.deduplicated }
    }),
    'attachments:remove': withActor(ctx, async (actor, input) => {
      await removeAttachment(
        db(),
        actor,
        input.itemId,
        input.attachmentId,
        ctx.clock,
        ctx.events,
      )
      return view(actor, input.itemId)
    }),
    'attachments:list': withActor(ctx, async (actor, input) => {
      await view(actor, input.itemId)
      return listAttachmentViews(db(), input.itemId)
    }),
    'attachments:export': withActor(ctx, async (actor, input) => {
      const current = await view(actor, input.itemId)
      const attachment = current.attachments.find((a) => a.id === input.attachmentId)
      const target = await ctx.platform.chooseSaveFile({
        title: '另存附件',
        ...(attachment ? { defaultPath: attachment.name } : {}),
      })
      if (target === null) return null
      return exportAttachment(db(), ctx.dataDir, actor, input, target, ctx.clock)
    }),

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
