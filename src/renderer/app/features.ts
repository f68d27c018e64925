import { feature as activities } from '../features/activities/feature'
import { feature as audit } from '../features/audit/feature'
import { feature as calendar } from '../features/calendar/feature'
import { feature as drafting } from '../features/drafting/feature'
import { feature as engagement } from '../features/engagement/feature'
import { feature as home } from '../features/home/feature'
import { feature as report } from '../features/report/feature'
import { feature as requests } from '../features/requests/feature'
import { feature as review } from '../features/review/feature'
import { feature as schedule } from '../features/schedule/feature'
import { feature as settings } from '../features/settings/feature'
import { feature as sync } from '../features/sync/feature'
import { feature as users } from '../features/users/feature'
import type { Feature } from './feature'

/**
 * The renderer's features, one line each. A new module exports `feature` from its folder's
 * `feature.tsx` (routes, navbar entry, home cards) and adds its line here; nothing else in the
 * shell changes. The navbar orders entries by their `order`, not by this list.
 */
export const FEATURES: readonly Feature[] = [
  home,
  drafting,
  review,
  schedule,
  activities,
  requests,
  engagement,
  report,
  sync,
  settings,
  calendar,
  users,
  audit,
]
