import { join } from 'node:path'
import type { CoreContext } from '../api/context'
import { withActor } from '../api/session-guard'
import type { HandlerTable } from '../api/types'
import { loadItemView } from '../items/item-view'
import {
  activityYears,
  getActivity,
  listActivities,
  recordActivity,
  removeActivity,
  saveActivity,
} from './activities-service'
import { createActivityDraft } from './activity-draft'
import { exportActivitiesFile } from './export-activities'

type ActivitiesChannel = Extract<keyof HandlerTable, `activities:${string}`>

/** Handlers of 政府开放活动; the export file is chosen in a platform dialog. */
export function activitiesHandlers(ctx: CoreContext): Pick<HandlerTable, ActivitiesChannel> {
  const db = () => ctx.holder.store.db
  return {
    'activities:years': withActor(ctx, () => activityYears(db())),
    'activities:list': withActor(ctx, (_a, input) => listActivities(db(), input.year)),
    'activities:get': withActor(ctx, (_a, input) => getActivity(db(), input.id)),
    'activities:save': withActor(ctx, async (actor, input) =>
      getActivity(db(), await saveActivity(db(), actor, input, ctx.clock, ctx.ids)),
    ),
    'activities:record': withActor(ctx, async (actor, input) => {
      await recordActivity(db(), actor, input, ctx.clock, ctx.ids)
      return getActivity(db(), input.id)
    }),
    'activities:remove': withActor(ctx, async (actor, input) => {
      await removeActivity(db(), actor, input.id, ctx.clock)
      return null
    }),
    'activities:create-draft': withActor(ctx, async (actor, input) => {
      const itemId = await createActivityDraft(
        db(),
        actor,
        input.id,
        ctx.clock,
        ctx.ids,
        ctx.events,
      )
      return loadItemView(db(), actor, itemId, ctx.clock)
    }),
    'activities:export': withActor(ctx, async (actor, input) => {
      const file = await ctx.platform.chooseSaveFile({
        title: '导出政府开放活动计划安排报送表',
        defaultPath: join(ctx.dataDir, `${input.year}年政府开放活动计划安排报送表.xlsx`),
        filters: [{ name: 'Excel 表格', extensions: ['xlsx'] }],
      })
      if (file === null) return null
      return exportActivitiesFile(db(), actor, input.year, file, ctx.clock)
    }),
  }
}
