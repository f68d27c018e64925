import { useCallback, useEffect, useRef, useState } from 'react'
import type { SyncStatus } from '../../../shared/sync/types'
import { api, request } from '../../api/client'

/** How long to keep polling after 立即同步 even before the worker reports it is running. */
const WATCH_AFTER_KICK_MS = 3_000

/**
 * The worker's status, polled about once a second while a run lasts (and briefly after 立即同步,
 * whose run starts a moment later); calls `onSettled` when a run ends so the lists can reload.
 * The caller remounts it (key) with each fresh overview, which carries the status too.
 */
export function useSyncStatus(initial: SyncStatus, onSettled: () => void) {
  const [status, setStatus] = useState<SyncStatus>(initial)
  const [watchUntil, setWatchUntil] = useState(0)
  const settledRef = useRef(onSettled)
  useEffect(() => {
    settledRef.current = onSettled
  })
  const polling = status.running || watchUntil > 0
  useEffect(() => {
    if (!polling) return
    let live = true
    const timer = setInterval(() => {
      request(api().sync.status({}), { notify: false }).then(
        (next) => {
          if (!live) return
          setStatus(next)
          // The run is over (or never started within the watch window): reload the lists.
          if (!next.running && Date.now() > watchUntil) {
            setWatchUntil(0)
            settledRef.current()
          }
        },
        () => undefined,
      )
    }, 1_000)
    return () => {
      live = false
      clearInterval(timer)
    }
  }, [polling, watchUntil])

  const watch = useCallback((next: SyncStatus) => {
    setStatus(next)
    setWatchUntil(Date.now() + WATCH_AFTER_KICK_MS)
  }, [])
  return { status, watch }
}
