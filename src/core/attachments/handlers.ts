import { addAttachment, exportAttachment, removeAttachment } from './attachments-service'
import { listAttachmentViews } from './attachments-repo'
import { ATTACHMENT_EXTENSIONS } from '../../shared/catalogue/types'
import { loadItemView } from '../items/item-view'
import { loadItemRow } from '../items/items-repo'
import { requireItemEditor } from '../items/permissions'
import { requireEditConfirmed } from '../items/working-revision'
import type { CoreContext } from '../api/context'
import { withActor } from '../api/session-guard'
import type { HandlerTable } from '../api/types'

type AttachmentsChannel = Extract<keyof HandlerTable, `${'attachments'}:${string}`>

/** Handlers for an item's attachments; files are chosen in a platform dialog, never named by the renderer. */
export function attachmentsHandlers(ctx: CoreContext): Pick<HandlerTable, AttachmentsChannel> {
  const db = () => ctx.holder.store.db
  const view = (actor: Parameters<typeof loadItemView>[1], id: string) =>
    loadItemView(db(), actor, id, ctx.clock)
  return {
    'attachments:add': withActor(ctx, async (actor, input) => {
      requireItemEditor(actor)
      // 修订稿: an unconfirmed change of a 待审查/已通过 item is refused before the dialog opens.
      requireEditConfirmed(await loadItemRow(db(), input.itemId), input.confirmRevision)
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
        input.confirmRevision === true,
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
        input.confirmRevision === true,
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
  }
}
