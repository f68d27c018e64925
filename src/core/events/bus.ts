import type { Kysely } from 'kysely'
import type { MovedDeadline } from '../../shared/calendar/types'
import type { ItemStatus } from '../../shared/items/types'
import type { Actor } from '../accounts/actor'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import type { WorkCalendar } from '../deadlines'

/**
 * Domain events (architecture doc: "domains talk through events, not imports"). Each event names
 * its payload and what a listener returns; `emit` runs the listeners one after another, in
 * registration order, and returns their results. A listener that throws fails the emit — the
 * emitter runs it inside its transaction, so the change and its consequences commit together.
 */
export interface DomainEvents {
  /**
   * The holiday calendar changed (a year added or replaced). `db` is the transaction that stored
   * it; `calendar` the new calendar, `previous` the one before; listeners recompute what they
   * derive from working days and return the due dates that moved.
   */
  'calendar.changed': {
    payload: {
      db: Kysely<DB>
      calendar: WorkCalendar
      previous: WorkCalendar
      years: number[]
      actor: Actor | null
      clock: Clock
    }
    result: MovedDeadline[]
  }
  /**
   * An item's content or status changed. Emitted inside the change's transaction (`db`) by
   * `commitChange` (change 'content': every save, autosave, restore, attachment or validity change,
   * masking) and by every status transition (change 'status': submit, approve, return, withdraw,
   * sync acknowledged / published / returned by the district). `before` is null when the item was
   * created; `contentChanged` says whether the content hash moved (a content change can leave it
   * unchanged, a status change never moves it). Review cancels the open review the old content
   * bound, search reindexes; schedule evidence and report counts subscribe the same way.
   */
  'item.changed': {
    payload: {
      db: Kysely<DB>
      itemId: string
      change: 'content' | 'status'
      before: ItemStatus | null
      after: ItemStatus
      /** The item's revision after the change. */
      revision: number
      contentChanged: boolean
      actor: Actor | null
      clock: Clock
    }
    result: void
  }
}

export type EventName = keyof DomainEvents
export type EventPayload<E extends EventName> = DomainEvents[E]['payload']
export type Listener<E extends EventName> = (
  payload: EventPayload<E>,
) => Promise<DomainEvents[E]['result']> | DomainEvents[E]['result']

export interface EventBus {
  /** Registers a listener; returns a function that removes it. */
  on<E extends EventName>(event: E, listener: Listener<E>): () => void
  /** Runs every listener of `event` in order; resolves to their results. */
  emit<E extends EventName>(
    event: E,
    payload: EventPayload<E>,
  ): Promise<DomainEvents[E]['result'][]>
  /** How many listeners `event` has (for tests and diagnostics). */
  count(event: EventName): number
}

/** A new, empty bus (one per AppCore or CLI run; never a module singleton). */
export function createEventBus(): EventBus {
  const listeners = new Map<EventName, Listener<EventName>[]>()
  return {
    on(event, listener) {
      const list = listeners.get(event) ?? []
      list.push(listener as unknown as Listener<EventName>)
      listeners.set(event, list)
      return () => {
        const now = listeners.get(event) ?? []
        listeners.set(
          event,
          now.filter((l) => l !== (listener as unknown as Listener<EventName>)),
        )
      }
    },
    async emit(event, payload) {
      const results = []
      for (const l of [...(listeners.get(event) ?? [])]) results.push(await l(payload))
      return results as DomainEvents[typeof event]['result'][]
    },
    count: (event) => listeners.get(event)?.length ?? 0,
  }
}
