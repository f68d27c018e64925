import { useIdle } from '@mantine/hooks'
import { useEffect } from 'react'
import { api, request } from '../../api/client'
import { flushPendingEdits } from '../drafting/shared/pending-saves'
import { useAppState } from '../../app/app-state'

/**
 * Locks the app after `lockAfterMinutes` without keyboard or mouse activity. Core enforces the same
 * limit on its side; this makes the lock screen appear on time instead of at the next call.
 */
export function useIdleLock(lockAfterMinutes: number): void {
  const { setLocked } = useAppState()
  const idle = useIdle(lockAfterMinutes * 60_000, {
    events: ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart', 'scroll'],
    initialState: false,
  })
  useEffect(() => {
    if (!idle) return
    // Unsaved edits are stored before the session locks (issue 10).
    flushPendingEdits()
      .then(() => request(api().auth.lock({}), { notify: false }))
      .then(
        () => setLocked(true),
        () => setLocked(true),
      )
  }, [idle, setLocked])
}
