import type { Kysely } from 'kysely'
import type { EngagementHome } from '../../shared/engagement/types'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { officeToday } from '../requests/office-day'
import { listConsultations } from './consultations'
import { listQa } from './qa'

/** The month (Beijing) from which a year without training is warned about. */
export const TRAINING_WARNING_MONTH = 10

/**
 * The home card: open consultations, comments waiting for a decision, Q&A flagged by 立改废, and
 * the training duty — each department organises at least one specialised training a year (the
 * plan's 组织保障 二); from October, a year without a recorded training is warned about.
 */
export async function engagementHome(db: Kysely<DB>, clock: Clock): Promise<EngagementHome> {
  const today = officeToday(clock)
  const year = Number(today.slice(0, 4))
  const month = Number(today.slice(5, 7))
  const trainings = await db
    .selectFrom('engagement_trainings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('deleted_at', 'is', null)
    .where('held_on', '>=', `${year}-01-01`)
    .where('held_on', '<=', `${year}-12-31`)
    .executeTakeFirstOrThrow()
  const count = Number(trainings.n)
  const consultations = await listConsultations(db, clock)
  const qa = await listQa(db, clock)
  return {
    year,
    trainings: count,
    trainingWarning:
      count === 0 && month >= TRAINING_WARNING_MONTH
        ? `${year} 年尚未登记政务公开专题培训：按政务公开工作方案「三、组织领导和工作保障（二）全面开展培训」，各部门单位年内至少组织一次专门业务培训，请在年底前安排并登记`
        : null,
    openConsultations: consultations.filter((c) => c.state === 'open').length,
    undecidedComments: consultations.reduce((s, c) => s + c.undecidedCount, 0),
    flaggedQa: qa.filter((q) => q.flag !== null).length,
  }
}
