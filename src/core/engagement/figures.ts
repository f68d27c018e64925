import type { Kysely } from 'kysely'
import {
  ATTENDEE_TYPES,
  type Attendee,
  type AttendeeType,
  type EngagementFigures,
} from '../../shared/engagement/types'
import type { DB } from '../db/schema'
import { isSynced } from './consultations'
import { withInForceContent } from '../items/working-revision'

/**
 * The engagement figures of `year` for the annual report's section 一 (live fields; REPORT calls
 * this). A consultation counts in the year its period starts, and only once its notice went online
 * (the district holds it: received or published) — one prepared, in review or approved but never
 * public consulted nobody; its comments and decisions count with it. Trainings and 列席 meetings in the
 * year they were held; the Q&A figures are the base as it stands. `sources` names, per figure
 * group, where it is read from, so the report can show it.
 */
export async function engagementFigures(db: Kysely<DB>, year: number): Promise<EngagementFigures> {
  const from = `${year}-01-01`
  const to = `${year}-12-31`
  const consultations = await db
    .selectFrom('consultations as c')
    .innerJoin('sync_items as s', 's.item_id', 'c.notice_item_id')
    .select(['c.id', 'c.result_item_id'])
    .where('c.deleted_at', 'is', null)
    .where('c.start_date', '>=', from)
    .where('c.start_date', '<=', to)
    .where('s.server_status', 'in', ['received', 'published'])
    .execute()
  const ids = consultations.map((c) => c.id)
  const comments =
    ids.length === 0
      ? []
      : await db
          .selectFrom('consultation_comments')
          .select('decision')
          .where('consultation_id', 'in', ids)
          .execute()
  const count = (d: string) => comments.filter((c) => c.decision === d).length
  const resultIds = consultations.map((c) => c.result_item_id).filter((x): x is string => !!x)
  const results =
    resultIds.length === 0
      ? []
      : await db
          .selectFrom('items')
          .select(['status', 'live_status'])
          .where('id', 'in', resultIds)
          .execute()

  const meetings = await db
    .selectFrom('engagement_attendance')
    .select('attendees_json')
    .where('deleted_at', 'is', null)
    .where('held_on', '>=', from)
    .where('held_on', '<=', to)
    .execute()
  const byType = Object.fromEntries(ATTENDEE_TYPES.map((t) => [t, 0])) as Record<
    AttendeeType,
    number
  >
  let attendees = 0
  for (const m of meetings) {
    for (const a of JSON.parse(m.attendees_json) as Attendee[]) {
      byType[a.type]++
      attendees++
    }
  }
  const supervisors = await db
    .selectFrom('engagement_supervisors')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or([eb('appointed_on', 'is', null), eb('appointed_on', '<=', to)]))
    .executeTakeFirstOrThrow()
  const trainings = await db
    .selectFrom('engagement_trainings')
    .select(['participant_count', 'hours'])
    .where('deleted_at', 'is', null)
    .where('held_on', '>=', from)
    .where('held_on', '<=', to)
    .execute()
  // 修订稿: a policy's 有效性 is the approved revision's in force, not a working revision's.
  const qaRows = await db
    .selectFrom('qa_entries')
    .select(['state', 'policy_item_id'])
    .where('deleted_at', 'is', null)
    .execute()
  const policyIds = [...new Set(qaRows.map((q) => q.policy_item_id))]
  const policies =
    policyIds.length === 0
      ? []
      : await withInForceContent(
          db,
          await db.selectFrom('items').selectAll().where('id', 'in', policyIds).execute(),
        )
  const validityOf = new Map(policies.map((p) => [p.id, p.validity]))
  const qa = qaRows
    .filter((q) => validityOf.has(q.policy_item_id))
    .map((q) => ({ state: q.state, validity: validityOf.get(q.policy_item_id)! }))

  return {
    year,
    consultations: {
      count: consultations.length,
      comments: comments.length,
      adopted: count('adopted'),
      partly: count('partly'),
      rejected: count('rejected'),
      outOfScope: count('out_of_scope'),
      resultsPublished: results.filter((r) => isSynced(r)).length,
    },
    attendance: { meetings: meetings.length, attendees, byType },
    supervisors: Number(supervisors.n),
    trainings: {
      count: trainings.length,
      participants: trainings.reduce((s, t) => s + t.participant_count, 0),
      hours: trainings.reduce((s, t) => s + t.hours, 0),
    },
    qa: {
      approved: qa.filter((q) => q.state === 'approved' && q.validity === 'valid').length,
      flagged: qa.filter((q) => q.validity !== 'valid').length,
    },
    sources: {
      consultations:
        '政民互动 → 意见征集（征集开始日期在本年度、公告已在区级平台上线的征集及其意见处理结果）',
      attendance: '政民互动 → 监督员与列席（本年度召开的会议）',
      supervisors: '政民互动 → 监督员名册',
      trainings: '政民互动 → 培训记录（本年度举办的培训）',
      qa: '政民互动 → 政策问答库',
    },
  }
}
