import { join } from 'node:path'
import { requireRole } from '../accounts/actor'
import { fileStamp } from '../clock'
import { loadItemRow } from '../items/items-repo'
import {
  addKeyword,
  currentChain,
  decide,
  exportReviewRecord,
  getChecklist,
  importKeywords,
  listKeywords,
  loadReviewView,
  maskItem,
  removeKeywords,
  reviewQueue,
  scanItem,
  submitReview,
  updateChain,
  updateChecklist,
} from './workflow'
import type { CoreContext } from '../api/context'
import { withActor } from '../api/session-guard'
import type { HandlerTable } from '../api/types'

/** A file name part without characters Windows forbids. */
const safeName = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 40) || '条目'

type ReviewChannel = Extract<keyof HandlerTable, `${'review'}:${string}`>

/**
 * Handlers for 保密审查: scan, submit, queue, the review view, decisions, masking, the checklist and
 * chain (administrators), department keywords and the 保密审查单. Rules live in
 * core/review/workflow; files are chosen in platform dialogs.
 */
export function reviewHandlers(ctx: CoreContext): Pick<HandlerTable, ReviewChannel> {
  const db = () => ctx.holder.store.db
  return {
    'review:scan': withActor(ctx, async (_actor, input) =>
      scanItem(db(), ctx.dataDir, await loadItemRow(db(), input.itemId)),
    ),
    'review:submit': withActor(ctx, async (actor, input) => {
      await submitReview(db(), ctx.dataDir, actor, input, ctx.clock, ctx.ids, ctx.events)
      return loadReviewView(db(), actor, input.itemId, ctx.clock)
    }),
    'review:queue': withActor(ctx, (actor, input) =>
      reviewQueue(db(), actor, input.scope, ctx.clock),
    ),
    'review:get': withActor(ctx, (actor, input) =>
      loadReviewView(db(), actor, input.itemId, ctx.clock),
    ),
    'review:decide': withActor(ctx, async (actor, input) => {
      await decide(db(), actor, input, ctx.clock, ctx.ids, ctx.events)
      return loadReviewView(db(), actor, input.itemId, ctx.clock)
    }),
    'review:mask': withActor(ctx, async (actor, input) => {
      await maskItem(db(), actor, input, ctx.clock, ctx.events)
      return scanItem(db(), ctx.dataDir, await loadItemRow(db(), input.itemId))
    }),
    'review:checklist-get': withActor(ctx, (_actor, input) =>
      getChecklist(db(), ctx.clock, input.version),
    ),
    'review:checklist-update': withActor(ctx, (actor, input) =>
      updateChecklist(db(), actor, input.questions, ctx.clock),
    ),
    'review:chain-get': withActor(ctx, () => currentChain(db(), ctx.clock)),
    'review:chain-update': withActor(ctx, (actor, input) =>
      updateChain(db(), actor, input.steps, ctx.clock),
    ),
    'review:keywords-list': withActor(ctx, () => listKeywords(db())),
    'review:keywords-import': withActor(ctx, async (actor, input) => {
      requireRole(actor, 'admin')
      const file = await ctx.platform.chooseOpenFile({
        title: '导入敏感词表',
        filters: [{ name: '关键词表（.txt / .xlsx）', extensions: ['txt', 'xlsx'] }],
      })
      if (file === null) return null
      return importKeywords(db(), actor, file, input.mode, ctx.clock, ctx.ids)
    }),
    'review:keywords-add': withActor(ctx, (actor, input) =>
      addKeyword(db(), actor, input, ctx.clock, ctx.ids),
    ),
    'review:keywords-remove': withActor(ctx, (actor, input) =>
      removeKeywords(db(), actor, input.ids, ctx.clock),
    ),
    'review:record-export': withActor(ctx, async (actor, input) => {
      const item = await loadItemRow(db(), input.itemId)
      const file = await ctx.platform.chooseSaveFile({
        title: '导出保密审查单',
        defaultPath: join(
          ctx.dataDir,
          `保密审查单-${safeName(item.title)}-${fileStamp(ctx.clock()).slice(0, 8)}.docx`,
        ),
        filters: [{ name: 'Word 文档', extensions: ['docx'] }],
      })
      if (file === null) return null
      return exportReviewRecord(db(), actor, input.itemId, input.reviewId, file, ctx.clock)
    }),
  }
}
