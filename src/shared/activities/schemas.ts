import { z } from 'zod'
import {
  idSchema as id,
  isoDateSchema as date,
  limitedText as text,
  yearSchema as year,
} from '../fields'
import { ACTIVITY_CHANNELS, OPINION_ADOPTIONS } from './types'

/** zod schemas of the activities channels; the UI derives its form rules from them. */

const count = z.number().int('人数应为整数').min(0, '人数不能为负').max(1_000_000).nullable()

export const activityYearSchema = z.strictObject({ year })
export const activityIdSchema = z.strictObject({ id })

/** The plan (报送表 columns). No id: a new activity. */
export const activitySaveSchema = z.strictObject({
  id: id.optional(),
  year,
  unitName: text(200, '单位名称').default(''),
  title: text(200, '活动名称/主题').min(1, '请填写活动名称/主题'),
  plannedDate: date.nullable().default(null),
  plannedTimeText: text(100, '计划时间').default(''),
  location: text(200, '地点').default(''),
  form: text(50, '形式').min(1, '请选择形式'),
  channel: z.enum(ACTIVITY_CHANNELS).default('offline'),
  content: text(4000, '主要内容').default(''),
  invitees: text(1000, '邀请对象').default(''),
  inviteeCount: count.default(null),
  signup: text(500, '报名方式').default(''),
  contact: text(50, '联系人').default(''),
  phone: text(50, '联系电话').default(''),
  note: text(2000, '备注').default(''),
})

export const opinionInputSchema = z.strictObject({
  opinion: text(4000, '意见').min(1, '请填写意见内容'),
  adoption: z.enum(OPINION_ADOPTIONS).default('pending'),
  response: text(4000, '答复/采纳情况').default(''),
})

/** After the event: what happened, who came, opinions and answers (replaces the opinions). */
export const activityRecordSchema = z.strictObject({
  id,
  heldOn: date,
  summary: text(8000, '开展情况').min(1, '请填写开展情况'),
  participants: text(1000, '参加人员').default(''),
  participantCount: count.default(null),
  opinions: z.array(opinionInputSchema).max(500).default([]),
})
