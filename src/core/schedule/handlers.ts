import { join } from 'node:path'
import type { CoreContext } from '../api/context'
import { withActor } from '../api/session-guard'
import type { HandlerTable } from '../api/types'
import { localDateKey } from '../clock'
import { AppError } from '../errors'
import { previewBreakdown, importBreakdown, type BreakdownFile } from './import-breakdown'
import { scheduleOverview, scheduleYears } from './overview'
import { getTaskView, listTaskViews } from './repository'
import { exportScheduleFile, readBreakdownFile } from './schedule-files'
import {
  addMeasure,
  addProgress,
  completeTask,
  createTask,
  linkEvidence,
  removeMeasure,
  removeTask,
  reopenTask,
  unlinkEvidence,
  updateMeasure,
  updateTask,
} from './task-service'

type ScheduleChannel = Extract<keyof HandlerTable, `schedule:${string}`>

/** Files chosen for import, held between the preview and the import (a few at most). */
const MAX_HELD = 4

/**
 * Handlers of the 工作配档表. Files are always chosen in a platform dialog; the chosen breakdown
 * is held in memory under a token between the mapping step and the import.
 */
export function scheduleHandlers(ctx: CoreContext): Pick<HandlerTable, ScheduleChannel> {
  const db = () => ctx.holder.store.db
  const today = () => localDateKey(ctx.clock())
  const held = new Map<string, BreakdownFile>()
  const holdFile = (file: BreakdownFile) => {
    const token = ctx.ids()
    held.set(token, file)
    while (held.size > MAX_HELD) held.delete(held.keys().next().value as string)
    return token
  }
  const heldFile = (token: string) => {
    const file = held.get(token)
    if (!file) throw new AppError('NOT_FOUND', '导入已过期，请重新选择分解表文件')
    return file
  }
  const view = (id: string) => getTaskView(db(), id, today())
  return {
    'schedule:years': withActor(ctx, () => scheduleYears(db())),
    'schedule:list': withActor(ctx, (_a, input) => listTaskViews(db(), input.year, today())),
    'schedule:get': withActor(ctx, (_a, input) => view(input.id)),
    'schedule:overview': withActor(ctx, (_a, input) => scheduleOverview(db(), input.year, today())),
    'schedule:home': withActor(ctx, async () => {
      const year = Number(today().slice(0, 4))
      const o = await scheduleOverview(db(), year, today(), true)
      return {
        year,
        total: o.total,
        counts: o.counts,
        overdue: o.overdue.slice(0, 5),
        dueThisWeek: o.dueThisWeek.slice(0, 5),
      }
    }),
    'schedule:import-preview': withActor(ctx, async (_a, input) => {
      const path = await ctx.platform.chooseOpenFile({
        title: '导入重点工作分解表',
        filters: [{ name: '表格', extensions: ['xlsx', 'xls', 'csv', 'et'] }],
      })
      if (path === null) return null
      const file = await readBreakdownFile(path)
      const token = holdFile(file)
      return previewBreakdown(db(), file, { year: input.year }, token)
    }),
    'schedule:import-remap': withActor(ctx, (_a, input) =>
      previewBreakdown(
        db(),
        heldFile(input.token),
        {
          year: input.year,
          ...(input.sheet !== undefined ? { sheet: input.sheet } : {}),
          ...(input.mapping !== undefined ? { mapping: input.mapping } : {}),
        },
        input.token,
      ),
    ),
    'schedule:import-commit': withActor(ctx, async (actor, input) => {
      const result = await importBreakdown(
        db(),
        actor,
        heldFile(input.token),
        {
          year: input.year,
          ...(input.sheet !== undefined ? { sheet: input.sheet } : {}),
          ...(input.mapping !== undefined ? { mapping: input.mapping } : {}),
        },
        ctx.clock,
        ctx.ids,
      )
      held.delete(input.token)
      return result
    }),
    'schedule:create-task': withActor(ctx, async (actor, input) =>
      view(await createTask(db(), actor, input, ctx.clock, ctx.ids)),
    ),
    'schedule:update-task': withActor(ctx, async (actor, input) => {
      await updateTask(db(), actor, input, ctx.clock)
      return view(input.id)
    }),
    'schedule:remove-task': withActor(ctx, async (actor, input) => {
      await removeTask(db(), actor, input.id, ctx.clock)
      return null
    }),
    'schedule:add-measure': withActor(ctx, async (actor, input) => {
      await addMeasure(db(), actor, input, ctx.clock, ctx.ids)
      return view(input.taskId)
    }),
    'schedule:update-measure': withActor(ctx, async (actor, input) =>
      view(await updateMeasure(db(), actor, input, ctx.clock)),
    ),
    'schedule:remove-measure': withActor(ctx, async (actor, input) =>
      view(await removeMeasure(db(), actor, input.id, ctx.clock)),
    ),
    'schedule:add-progress': withActor(ctx, async (actor, input) => {
      await addProgress(db(), actor, input, ctx.clock, ctx.ids)
      return view(input.taskId)
    }),
    'schedule:complete': withActor(ctx, async (actor, input) => {
      await completeTask(db(), actor, input, ctx.clock)
      return view(input.id)
    }),
    'schedule:reopen': withActor(ctx, async (actor, input) => {
      await reopenTask(db(), actor, input.id, ctx.clock)
      return view(input.id)
    }),
    'schedule:link-evidence': withActor(ctx, async (actor, input) => {
      await linkEvidence(db(), actor, input, ctx.clock, ctx.ids)
      return view(input.taskId)
    }),
    'schedule:unlink-evidence': withActor(ctx, async (actor, input) =>
      view(await unlinkEvidence(db(), actor, input.id, ctx.clock)),
    ),
    'schedule:export': withActor(ctx, async (actor, input) => {
      const file = await ctx.platform.chooseSaveFile({
        title: '导出工作配档表',
        defaultPath: join(ctx.dataDir, `${input.year}年工作配档表.xlsx`),
        filters: [{ name: 'Excel 表格', extensions: ['xlsx'] }],
      })
      if (file === null) return null
      return exportScheduleFile(db(), actor, input.year, file, ctx.clock, input.scope)
    }),
  }
}
