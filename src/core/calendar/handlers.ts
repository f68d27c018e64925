import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { CoreContext } from '../api/context'
import { withActor } from '../api/session-guard'
import type { HandlerTable } from '../api/types'
import { AppError } from '../errors'
import { previewIcs, previewNotice } from './preview'
import { listCalendarYears } from './repository'
import { addCalendarYear, requireCalendarEditor } from './service'

type CalendarChannels =
  'calendar:list' | 'calendar:parse-notice' | 'calendar:add' | 'calendar:import-ics'

const MAX_ICS_BYTES = 2 * 1024 * 1024

/** 节假日日历: list (everyone), preview a notice (everyone), store and import (officers, admins). */
export function calendarHandlers(ctx: CoreContext): Pick<HandlerTable, CalendarChannels> {
  const db = () => ctx.holder.store.db
  return {
    'calendar:list': withActor(ctx, () => listCalendarYears(db())),

    'calendar:parse-notice': withActor(ctx, (_actor, input) =>
      previewNotice(db(), input.text, input.year),
    ),

    'calendar:add': withActor(ctx, (actor, input) =>
      addCalendarYear({ db: db(), clock: ctx.clock, events: ctx.events }, input, actor),
    ),

    'calendar:import-ics': withActor(ctx, async (actor) => {
      requireCalendarEditor(actor)
      const file = await ctx.platform.chooseOpenFile({
        title: '选择节假日日历文件（.ics）',
        filters: [{ name: 'iCalendar 日历', extensions: ['ics'] }],
      })
      if (file === null) return null
      if ((await stat(file)).size > MAX_ICS_BYTES) {
        throw new AppError('VALIDATION', '日历文件超过 2 MB，不像是节假日日历')
      }
      return previewIcs(db(), await readFile(file, 'utf8'), basename(file))
    }),
  }
}
