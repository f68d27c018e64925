import type { ItemStatus } from '../items/types'

/**
 * 政府开放活动 (open-government activities, 政府开放活动计划安排报送表): codes and views. Labels
 * are in ./labels.ts; rules in core/activities.
 */

/** 形式 as the plan's form lists them; officers may type another. */
export const ACTIVITY_FORMS = ['进机关', '座谈交流', '参观', '讲座', '互动体验'] as const

/** 线下 / 线上 / 线上线下. */
export const ACTIVITY_CHANNELS = ['offline', 'online', 'both'] as const
export type ActivityChannel = (typeof ACTIVITY_CHANNELS)[number]

/** 采纳情况 of one opinion. */
export const OPINION_ADOPTIONS = ['adopted', 'partly', 'not_adopted', 'pending'] as const
export type OpinionAdoption = (typeof OPINION_ADOPTIONS)[number]

/** Derived: 计划中 / 已开展 / 已公开 (the record's disclosure item is published). */
export const ACTIVITY_STATES = ['planned', 'held', 'disclosed'] as const
export type ActivityState = (typeof ACTIVITY_STATES)[number]

export interface OpinionView {
  id: string
  opinion: string
  adoption: OpinionAdoption
  response: string
}

export interface ActivityView {
  id: string
  year: number
  unitName: string
  title: string
  plannedDate: string | null
  plannedTimeText: string
  location: string
  form: string
  channel: ActivityChannel
  content: string
  invitees: string
  inviteeCount: number | null
  signup: string
  contact: string
  phone: string
  note: string
  heldOn: string | null
  summary: string
  participants: string
  participantCount: number | null
  opinions: OpinionView[]
  state: ActivityState
  item: { id: string; title: string; status: ItemStatus } | null
  updatedAt: string
}

/** The year's figures for the annual report's section 一. */
export interface ActivityYearFigures {
  year: number
  planned: number
  held: number
  participants: number
  opinions: number
  adopted: number
  partlyAdopted: number
  notAdopted: number
  disclosed: number
}
