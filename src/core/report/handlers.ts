import { readFile, writeFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { CoreContext } from '../api/context'
import { withActor } from '../api/session-guard'
import type { HandlerTable } from '../api/types'
import { auditActor } from '../accounts/actor'
import { appendAudit } from '../audit/append'
import { AppError } from '../errors'
import { buildDocxInWorker, writeSpreadsheetInWorker } from '../workers'
import { readExportedFigures, reportDocument, reportWorkbook } from './export'
import { priorCellKeys } from './prior'
import { publishReport } from './publish'
import {
  getReportView,
  loadReport,
  reportYears,
  requireReportEditor,
  resetSection,
  saveFigure,
  savePrior,
  saveSections,
  setFormat,
} from './service'
import { formatForYear } from '../../shared/report/format'

type ReportChannel = Extract<keyof HandlerTable, `report:${string}`>

/** A file name part without characters Windows forbids. */
const safeName = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 60) || '年度报告'

/**
 * Handlers of the annual report. Rules live in ./service, ./compile and ./rules; files are chosen
 * in platform dialogs; the .docx and .xlsx are built on the worker pool.
 */
export function reportHandlers(ctx: CoreContext): Pick<HandlerTable, ReportChannel> {
  const db = () => ctx.holder.store.db
  const view = (year: number) => getReportView(db(), year)
  return {
    'report:years': withActor(ctx, () => reportYears(db(), ctx.clock)),
    'report:get': withActor(ctx, (_a, input) => view(input.year)),
    'report:save-figure': withActor(ctx, async (actor, input) => {
      await saveFigure(db(), actor, input, ctx.clock)
      return view(input.year)
    }),
    'report:save-prior': withActor(ctx, async (actor, input) => {
      await savePrior(db(), actor, input, ctx.clock)
      return view(input.year)
    }),
    'report:import-prior': withActor(ctx, async (actor, input) => {
      requireReportEditor(actor) // before any dialog opens
      const file = await ctx.platform.chooseOpenFile({
        title: `导入 ${input.year - 1} 年度报告表格（本系统导出的 .xlsx）`,
        filters: [{ name: 'Excel 表格（.xlsx）', extensions: ['xlsx'] }],
      })
      if (file === null) return null
      const cells = readExportedFigures(await readFile(file), basename(file), input.year - 1)
      const wanted = new Set(priorCellKeys(formatForYear(input.year - 1)))
      const found = cells.filter((c) => wanted.has(c.cell))
      if (found.length === 0) {
        throw new AppError('VALIDATION', `「${basename(file)}」中没有上年度报告的结转数据`)
      }
      await savePrior(
        db(),
        actor,
        { year: input.year, cells: found, source: `导入自「${basename(file)}」` },
        ctx.clock,
      )
      return view(input.year)
    }),
    'report:save-sections': withActor(ctx, async (actor, input) => {
      await saveSections(db(), actor, input, ctx.clock)
      return view(input.year)
    }),
    'report:reset-section': withActor(ctx, async (actor, input) => {
      await resetSection(db(), actor, input, ctx.clock)
      return view(input.year)
    }),
    'report:set-format': withActor(ctx, async (actor, input) => {
      await setFormat(db(), actor, input, ctx.clock)
      return view(input.year)
    }),
    'report:export': withActor(ctx, async (actor, input) => {
      const { view: v } = await loadReport(db(), input.year)
      const errors = v.problems.filter((p) => p.severity === 'error')
      // Asked before the dialog: export with problems only after an explicit confirmation.
      if (errors.length > 0 && !input.confirmProblems) {
        throw new AppError(
          'CONFLICT',
          `年度报告还有 ${errors.length} 个问题未解决，请先修正，或确认问题清单后再导出`,
          { reason: 'report_problems', problems: errors.length },
        )
      }
      const ext = input.kind
      const file = await ctx.platform.chooseSaveFile({
        title: ext === 'docx' ? '导出年度报告（Word）' : '导出年度报告表格（Excel）',
        defaultPath: `${safeName(v.title)}.${ext}`,
        filters:
          ext === 'docx'
            ? [{ name: 'Word 文档', extensions: ['docx'] }]
            : [{ name: 'Excel 表格', extensions: ['xlsx'] }],
      })
      if (file === null) return null
      const bytes =
        ext === 'docx'
          ? await buildDocxInWorker(reportDocument(v))
          : await writeSpreadsheetInWorker(reportWorkbook(v))
      await writeFile(file, bytes)
      await appendAudit(
        db(),
        {
          actor: auditActor(actor),
          action: 'report.export',
          target: `report:${input.year}`,
          detail: { file: basename(file), kind: ext, problems: errors.length },
        },
        ctx.clock,
      )
      return { path: file, fileName: basename(file), problems: errors.length }
    }),
    'report:publish': withActor(ctx, (actor, input) =>
      publishReport(db(), actor, input, {
        dataDir: ctx.dataDir,
        clock: ctx.clock,
        ids: ctx.ids,
        events: ctx.events,
      }),
    ),
  }
}
