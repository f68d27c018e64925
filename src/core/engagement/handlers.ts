import { join } from 'node:path'
import type { CoreContext } from '../api/context'
import { withActor } from '../api/session-guard'
import type { HandlerTable } from '../api/types'
import { loadWorkCalendar } from '../calendar/load'
import { loadItemView } from '../items/item-view'
import {
  addComment,
  decideComment,
  editGroup,
  listComments,
  regroup,
  setCommenterType,
} from './comments'
import {
  getConsultation,
  listConsultations,
  loadConsultationRow,
  openConsultation,
  setFinalPolicy,
  updateConsultation,
} from './consultations'
import { exportCommentsFile, exportQaFile } from './export'
import { engagementFigures } from './figures'
import { engagementHome } from './home'
import { checkPeriod } from './period'
import { getQa, listQa, removeQa, saveQa } from './qa'
import { decideQa, qaReviewQueue, qaReviewView, submitQa } from './qa-review'
import {
  createAttendanceDraft,
  listAttendance,
  listSupervisors,
  listTrainings,
  removeRecord,
  saveAttendance,
  saveSupervisor,
  saveTraining,
} from './records'
import { generateResult } from './result'

type EngagementChannel = Extract<keyof HandlerTable, `engagement:${string}`>

/** Handlers of 政民互动; export files are chosen in a platform dialog. */
export function engagementHandlers(ctx: CoreContext): Pick<HandlerTable, EngagementChannel> {
  const db = () => ctx.holder.store.db
  const clock = ctx.clock
  return {
    'engagement:consultations': withActor(ctx, () => listConsultations(db(), clock)),
    'engagement:consultation-get': withActor(ctx, (_a, input) =>
      getConsultation(db(), input.id, clock),
    ),
    'engagement:period-check': withActor(ctx, async (_a, input) =>
      checkPeriod(await loadWorkCalendar(db()), input),
    ),
    'engagement:consultation-open': withActor(ctx, async (actor, input) =>
      getConsultation(
        db(),
        await openConsultation(db(), actor, input, clock, ctx.ids, ctx.events),
        clock,
      ),
    ),
    'engagement:consultation-update': withActor(ctx, async (actor, input) => {
      await updateConsultation(db(), actor, input, clock, ctx.ids, ctx.events)
      return getConsultation(db(), input.id, clock)
    }),
    'engagement:consultation-final': withActor(ctx, async (actor, input) => {
      await setFinalPolicy(db(), actor, input.id, input.finalItemId, clock)
      return getConsultation(db(), input.id, clock)
    }),
    'engagement:comments': withActor(ctx, (_a, input) => listComments(db(), input.id)),
    'engagement:comment-add': withActor(ctx, (actor, input) =>
      addComment(db(), actor, input, clock, ctx.ids),
    ),
    'engagement:comment-decide': withActor(ctx, async (actor, input) => {
      await decideComment(db(), actor, input, clock)
      return listComments(db(), input.consultationId)
    }),
    'engagement:comment-type': withActor(ctx, (actor, input) =>
      setCommenterType(db(), actor, input.commentId, input.commenterType, clock),
    ),
    'engagement:comment-group': withActor(ctx, async (actor, input) => {
      await editGroup(db(), actor, input, clock)
      return listComments(db(), input.consultationId)
    }),
    'engagement:regroup': withActor(ctx, async (_a, input) => {
      await loadConsultationRow(db(), input.id)
      await regroup(db(), input.id, clock)
      return listComments(db(), input.id)
    }),
    'engagement:result-generate': withActor(ctx, async (actor, input) => {
      const itemId = await generateResult(db(), actor, input.id, clock, ctx.ids, ctx.events)
      return loadItemView(db(), actor, itemId, clock)
    }),
    'engagement:comments-export': withActor(ctx, async (actor, input) => {
      const c = await loadConsultationRow(db(), input.consultationId)
      const file = await ctx.platform.chooseSaveFile({
        title: '导出意见汇总表',
        defaultPath: join(ctx.dataDir, `${c.title}意见汇总表.xlsx`),
        filters: [{ name: 'Excel 表格', extensions: ['xlsx'] }],
      })
      if (file === null) return null
      return exportCommentsFile(db(), actor, input.consultationId, file, clock)
    }),

    'engagement:supervisors': withActor(ctx, () => listSupervisors(db())),
    'engagement:supervisor-save': withActor(ctx, (actor, input) =>
      saveSupervisor(db(), actor, input, clock, ctx.ids),
    ),
    'engagement:supervisor-remove': withActor(ctx, async (actor, input) => {
      await removeRecord(db(), actor, 'engagement_supervisors', input.id, clock)
      return null
    }),
    'engagement:attendance': withActor(ctx, (_a, input) => listAttendance(db(), input.year)),
    'engagement:attendance-save': withActor(ctx, (actor, input) =>
      saveAttendance(db(), actor, input, clock, ctx.ids),
    ),
    'engagement:attendance-remove': withActor(ctx, async (actor, input) => {
      await removeRecord(db(), actor, 'engagement_attendance', input.id, clock)
      return null
    }),
    'engagement:attendance-draft': withActor(ctx, async (actor, input) => {
      const itemId = await createAttendanceDraft(db(), actor, input.id, clock, ctx.ids, ctx.events)
      return loadItemView(db(), actor, itemId, clock)
    }),
    'engagement:trainings': withActor(ctx, (_a, input) => listTrainings(db(), input.year)),
    'engagement:training-save': withActor(ctx, (actor, input) =>
      saveTraining(db(), actor, input, clock, ctx.ids),
    ),
    'engagement:training-remove': withActor(ctx, async (actor, input) => {
      await removeRecord(db(), actor, 'engagement_trainings', input.id, clock)
      return null
    }),

    'engagement:qa-list': withActor(ctx, () => listQa(db(), clock)),
    'engagement:qa-save': withActor(ctx, async (actor, input) =>
      getQa(db(), await saveQa(db(), actor, input, clock, ctx.ids), clock),
    ),
    'engagement:qa-submit': withActor(ctx, async (actor, input) => {
      await submitQa(db(), actor, input.id, clock, ctx.ids)
      return getQa(db(), input.id, clock)
    }),
    'engagement:qa-review': withActor(ctx, async (actor, input) => {
      await decideQa(db(), actor, input, clock, ctx.ids)
      return getQa(db(), input.id, clock)
    }),
    'engagement:qa-review-get': withActor(ctx, (actor, input) =>
      qaReviewView(db(), actor, input.id, clock),
    ),
    'engagement:qa-queue': withActor(ctx, (actor) => qaReviewQueue(db(), actor)),
    'engagement:qa-remove': withActor(ctx, async (actor, input) => {
      await removeQa(db(), actor, input.id, clock)
      return null
    }),
    'engagement:qa-export': withActor(ctx, async (actor) => {
      const file = await ctx.platform.chooseSaveFile({
        title: '导出政策问答库',
        defaultPath: join(ctx.dataDir, '政策问答库.xlsx'),
        filters: [{ name: 'Excel 表格', extensions: ['xlsx'] }],
      })
      if (file === null) return null
      return exportQaFile(db(), actor, file, clock)
    }),

    'engagement:home': withActor(ctx, () => engagementHome(db(), clock)),
    'engagement:figures': withActor(ctx, (_a, input) => engagementFigures(db(), input.year)),
  }
}
