import { z } from 'zod'
import type { ItemView } from '../items/types'
import type { ExportResult } from '../schedule/types'
import * as s from './schemas'
import type { ActivityView } from './types'
import { out } from '../channel-output'

/** 政府开放活动 channels; changes need the officer role (core checks). */
export const activitiesContract = {
  /** Years that have activities, newest first. */
  'activities:years': { input: z.strictObject({}), output: out<number[]>() },
  'activities:list': { input: s.activityYearSchema, output: out<ActivityView[]>() },
  'activities:get': { input: s.activityIdSchema, output: out<ActivityView>() },
  /** Creates (no id) or updates the plan. */
  'activities:save': { input: s.activitySaveSchema, output: out<ActivityView>() },
  /** After the event: 开展情况, participants, opinions and answers. */
  'activities:record': { input: s.activityRecordSchema, output: out<ActivityView>() },
  'activities:remove': { input: s.activityIdSchema, output: out<null>() },
  /** A disclosure draft prefilled from the record (through the items service); returns it. */
  'activities:create-draft': { input: s.activityIdSchema, output: out<ItemView>() },
  /** The 报送表 as .xlsx saved where the user chooses; `null` when cancelled. */
  'activities:export': { input: s.activityYearSchema, output: out<ExportResult | null>() },
} as const
