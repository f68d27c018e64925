import { useCallback, useEffect, useRef, useState } from 'react'
import type { Result } from '../../shared/result'
import { ApiError, request, type RequestOptions } from './client'

export interface QueryState<T> {
  data: T | undefined
  error: ApiError | undefined
  loading: boolean
  reload: () => void
}

/**
 * Loads data when mounted and whenever `key` changes (pass a string built from the inputs).
 * Failures are notified by `request` and kept in `error` for an inline message.
 */
export function useApiQuery<T>(load: () => Promise<Result<T>>, key = ''): QueryState<T> {
  const [generation, setGeneration] = useState(0)
  const requestId = `${generation}:${key}`
  const [settled, setSettled] = useState<{ id: string; data?: T; error?: ApiError }>()
  const loadRef = useRef(load)
  useEffect(() => {
    loadRef.current = load
  })

  useEffect(() => {
    let live = true
    request(loadRef.current()).then(
      (data) => {
        if (live) setSettled({ id: requestId, data })
      },
      (e: unknown) => {
        if (!live) return
        const error =
          e instanceof ApiError ? e : new ApiError({ code: 'INTERNAL', message: String(e) })
        // Keep what was shown before: a failed page change should not blank the table.
        setSettled((prev) => ({ id: requestId, data: prev?.data, error }))
      },
    )
    return () => {
      live = false
    }
  }, [requestId])

  const reload = useCallback(() => setGeneration((g) => g + 1), [])
  return {
    data: settled?.data,
    error: settled?.error,
    loading: settled?.id !== requestId,
    reload,
  }
}

export type ActionOutcome<T> = { ok: true; data: T } | { ok: false; error: ApiError }

/** Wraps a mutation: tracks `busy`, notifies failures, never throws. */
export function useApiAction<A extends unknown[], T>(
  action: (...args: A) => Promise<Result<T>>,
  options?: RequestOptions,
): { run: (...args: A) => Promise<ActionOutcome<T>>; busy: boolean } {
  const [busy, setBusy] = useState(false)
  const actionRef = useRef(action)
  useEffect(() => {
    actionRef.current = action
  })
  const notify = options?.notify
  const sessionAware = options?.sessionAware
  const run = useCallback(
    async (...args: A): Promise<ActionOutcome<T>> => {
      setBusy(true)
      try {
        return {
          ok: true,
          data: await request(actionRef.current(...args), { notify, sessionAware }),
        }
      } catch (e) {
        return {
          ok: false,
          error: e instanceof ApiError ? e : new ApiError({ code: 'INTERNAL', message: String(e) }),
        }
      } finally {
        setBusy(false)
      }
    },
    [notify, sessionAware],
  )
  return { run, busy }
}
