import { refuseStaleResultApproval } from '../engagement/result-guard'
import { recomputeItemDueDates } from '../items/due-date'
import { recomputeOpenRequests } from '../requests/recompute'
import { cancelReviewsOnContentChange } from '../review/workflow/cancel'
import { updateEvidenceOnItemChange } from '../schedule/evidence-hook'
import { reindexOnItemChange } from '../search/fts-index'
import type { EventBus } from './bus'

/**
 * Every domain's listeners, registered in ONE place (used by app-core and the CLI). Add one line
 * per listener, e.g. `bus.on('calendar.changed', recomputeOpenRequests)` — the request register
 * recomputes open requests' due dates when the holiday calendar changes.
 */
export function registerListeners(bus: EventBus): EventBus {
  bus.on('calendar.changed', recomputeItemDueDates)
  bus.on('calendar.changed', ({ db, calendar, clock }) =>
    recomputeOpenRequests(db, calendar, clock),
  )
  // An item's content or status changed (core/items, review, sync emit it in their transaction).
  bus.on('item.changed', reindexOnItemChange)
  bus.on('item.changed', cancelReviewsOnContentChange)
  bus.on('item.changed', updateEvidenceOnItemChange)
  // A 需更新 意见采纳情况说明 is refused at its final approval (the change rolls back).
  bus.on('item.changed', refuseStaleResultApproval)
  return bus
}
