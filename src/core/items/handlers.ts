import { diffRevisions } from './diff'
import { importDocx } from './docx-import'
import { loadItemView } from './item-view'
import { requireItemEditor } from './permissions'
import { linkInterpretation, unlinkInterpretation } from './links'
import { restoreRevision } from './restore'
import { getRevision, listRevisions } from './revisions'
import { saveItem } from './save-item'
import { setValidity } from './validity'
import { listItemAuthors, searchItems } from '../search/search-items'
import type { CoreContext } from '../api/context'
import { withActor } from '../api/session-guard'
import type { HandlerTable } from '../api/types'

type ItemsChannel = Extract<keyof HandlerTable, `${'items'}:${string}`>

/**
 * Handlers for items and their revisions. Files are always chosen in a platform dialog — the
 * renderer never names a path (the services take paths, for the CLI and tests).
 */
export function itemsHandlers(ctx: CoreContext): Pick<HandlerTable, ItemsChannel> {
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
  }
}
