import { recomputeItemDueDates } from '../items/due-date'
import { recomputeOpenRequests } from '../requests/recompute'
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
  return bus
}
