import { useEffect, useState } from 'react'
import type { RequestCounts } from '../../../shared/requests/types'
import { api } from '../../api/client'
import { REQUESTS_CHANGED } from './ui-labels'

/**
 * The register's figures for the nav badge and the home card: loaded on mount, every 5 minutes,
 * and after every change (REQUESTS_CHANGED). Failures are silent here (the page shows them).
 */
export function useRequestCounts(): RequestCounts | null {
  const [counts, setCounts] = useState<RequestCounts | null>(null)
  useEffect(() => {
    let live = true
    const load = () => {
      void api()
        .requests.counts({})
        .then((r) => {
          if (live && r.ok) setCounts(r.data)
        })
        .catch(() => {})
    }
    load()
    const timer = window.setInterval(load, 5 * 60_000)
    window.addEventListener(REQUESTS_CHANGED, load)
    return () => {
      live = false
      window.clearInterval(timer)
      window.removeEventListener(REQUESTS_CHANGED, load)
    }
  }, [])
  return counts
}
