import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { fileStamp } from '../clock'
import { officeToday } from './office-day'
import type { CoreContext } from '../api/context'
import { withActor } from '../api/session-guard'
import type { HandlerTable } from '../api/types'
import { appendAudit } from '../audit/append'
import { AppError } from '../errors'
import { LETTER_LABELS } from '../../shared/requests/labels'
import { importLedger, openLedger, previewLedger, type OpenedLedger } from './import'
import { listTemplates, resetTemplate, saveTemplate, writeLetter } from './letters'
import {
  addRequestEvent,
  changeReceiptDate,
  readRequestSettings,
  registerRequest,
  requireRequestOfficer,
  saveCase,
  updateRequestSettings,
} from './services'
import { maskRequestView, seesApplicantInFull } from './personal'
import { listRequests, loadRequestView, requestCounts } from './views'
import { auditActor } from '../accounts/actor'

type RequestsChannel = Extract<keyof HandlerTable, `requests:${string}`>

/** A file name part without characters Windows forbids. */
const safeName = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 40) || '申请'

/**
 * Handlers of the request register. Rules live in ./services and ./rules; files are chosen in
 * platform dialogs; an opened ledger is kept in memory between preview and import (never its
 * path from the renderer).
 */
export function requestsHandlers(ctx: CoreContext): Pick<HandlerTable, RequestsChannel> {
  const db = () => ctx.holder.store.db
  const ledgers = new Map<string, OpenedLedger>()
  const view = (id: string) => loadRequestView(db(), id, ctx.clock)
  return {
    'requests:list': withActor(ctx, (_a, input) => listRequests(db(), input, ctx.clock)),
    'requests:counts': withActor(ctx, () => requestCounts(db(), ctx.clock)),
    'requests:get': withActor(ctx, async (actor, input) => {
      const v = await view(input.id)
      // Every detail view is audited by request number only, never with the applicant's data;
      // roles other than officer/admin see the applicant masked (条例第二十九条).
      await appendAudit(
        db(),
        {
          actor: auditActor(actor),
          action: 'request.view',
          target: `request:${v.id}`,
          detail: { no: v.no },
        },
        ctx.clock,
      )
      return seesApplicantInFull(actor.roles) ? v : maskRequestView(v)
    }),
    'requests:register': withActor(ctx, async (actor, input) =>
      view(await registerRequest(db(), actor, input, ctx.clock, ctx.ids)),
    ),
    'requests:add-event': withActor(ctx, async (actor, input) => {
      await addRequestEvent(db(), actor, input, ctx.clock, ctx.ids)
      return view(input.requestId)
    }),
    'requests:set-receipt': withActor(ctx, async (actor, input) => {
      await changeReceiptDate(db(), actor, input, ctx.clock, ctx.ids)
      return view(input.requestId)
    }),
    'requests:save-case': withActor(ctx, (actor, input) =>
      saveCase(db(), actor, input, ctx.clock, ctx.ids),
    ),
    'requests:get-settings': withActor(ctx, () => readRequestSettings(db())),
    'requests:update-settings': withActor(ctx, (actor, input) =>
      updateRequestSettings(db(), actor, input, ctx.clock),
    ),
    'requests:templates': withActor(ctx, () => listTemplates(db())),
    'requests:save-template': withActor(ctx, (actor, input) =>
      saveTemplate(db(), actor, input, ctx.clock),
    ),
    'requests:reset-template': withActor(ctx, (actor, input) =>
      resetTemplate(db(), actor, input.key, ctx.clock),
    ),
    'requests:letter': withActor(ctx, async (actor, input) => {
      requireRequestOfficer(actor) // before any dialog opens
      const v = await view(input.requestId)
      const file = await ctx.platform.chooseSaveFile({
        title: `生成${LETTER_LABELS[input.kind]}`,
        // A bare file name: the platform starts the dialog in 文档, not the app-data folder.
        defaultPath: `${LETTER_LABELS[input.kind]}-${safeName(v.no)}-${fileStamp(ctx.clock()).slice(0, 8)}.docx`,
        filters: [{ name: 'Word 文档', extensions: ['docx'] }],
      })
      if (file === null) return null
      return writeLetter(db(), actor, v, input.kind, file, ctx.clock)
    }),
    'requests:import-preview': withActor(ctx, async (actor, input) => {
      requireRequestOfficer(actor) // before any dialog opens or any ledger is read
      const today = officeToday(ctx.clock)
      if (input.importId) {
        const ledger = ledgers.get(input.importId)
        if (!ledger) throw new AppError('NOT_FOUND', '导入的文件已失效，请重新选择文件')
        return previewLedger(input.importId, ledger, input.mapping ?? ledger.mapping, today)
      }
      const file = await ctx.platform.chooseOpenFile({
        title: '导入申请登记台账',
        filters: [{ name: '表格（.xlsx / .xls / .csv）', extensions: ['xlsx', 'xls', 'csv'] }],
      })
      if (file === null) return null
      const ledger = openLedger(await readFile(file), basename(file))
      const importId = ctx.ids()
      ledgers.clear() // one open import at a time
      ledgers.set(importId, ledger)
      return previewLedger(importId, ledger, ledger.mapping, today)
    }),
    'requests:import-commit': withActor(ctx, async (actor, input) => {
      const ledger = ledgers.get(input.importId)
      if (!ledger) throw new AppError('NOT_FOUND', '导入的文件已失效，请重新选择文件')
      const result = await importLedger(db(), actor, ledger, input.mapping, ctx.clock, ctx.ids)
      ledgers.delete(input.importId)
      return result
    }),
  }
}
