import { useCallback, useEffect, useRef, useState } from 'react'
import type { ChannelInput } from '../../../../shared/contract'
import type { ItemSearchPage, ItemSearchRow } from '../../../../shared/items/types'
import { api, ApiError, request } from '../../../api/client'
import { pendingSaves } from '../shared/pending-saves'

export type ItemQuery = Omit<ChannelInput<'items:search'>, 'offset' | 'limit'>

export const PAGE_SIZE = 100
/** Pages kept in memory; farther ones are dropped and fetched again when scrolled back to. */
const MAX_PAGES = 40

interface PagesState {
  key: string
  total: number | null
  textMode: ItemSearchPage['textMode']
  pages: Map<number, ItemSearchRow[]>
  error: string | null
}

/**
 * The item list as pages of `items:search`: only the pages the virtual list shows are fetched, so
 * 100,000 items cost what one screen costs. A new query (its JSON is the key) starts over.
 */
export function useItemPages(query: ItemQuery) {
  const key = JSON.stringify(query)
  const [generation, setGeneration] = useState(0)
  const fullKey = `${generation}:${key}`
  const [state, setState] = useState<PagesState>({
    key: '',
    total: null,
    textMode: 'none',
    pages: new Map(),
    error: null,
  })
  const inflight = useRef(new Set<string>())
  const currentKey = useRef(fullKey)
  const queryRef = useRef(query)
  useEffect(() => {
    queryRef.current = query
  })

  const load = useCallback(async (forKey: string, page: number) => {
    const tag = `${forKey}#${page}`
    if (inflight.current.has(tag)) return
    inflight.current.add(tag)
    try {
      await pendingSaves()
      const result = await request(
        api().items.search({ ...queryRef.current, offset: page * PAGE_SIZE, limit: PAGE_SIZE }),
        { notify: false },
      )
      if (currentKey.current !== forKey) return
      setState((s) => {
        const pages = new Map(s.key === forKey ? s.pages : [])
        pages.set(page, result.rows)
        if (pages.size > MAX_PAGES) {
          const far = [...pages.keys()].sort((a, b) => Math.abs(b - page) - Math.abs(a - page))
          for (const p of far.slice(0, pages.size - MAX_PAGES)) pages.delete(p)
        }
        return { key: forKey, total: result.total, textMode: result.textMode, pages, error: null }
      })
    } catch (e) {
      if (currentKey.current !== forKey) return
      const message = e instanceof ApiError ? e.message : String(e)
      setState((s) => ({
        ...s,
        key: forKey,
        error: message,
        total: s.key === forKey ? s.total : 0,
      }))
    } finally {
      inflight.current.delete(tag)
    }
  }, [])

  useEffect(() => {
    currentKey.current = fullKey
    void load(fullKey, 0)
  }, [fullKey, load])

  // While a new query loads, the previous rows stay on screen (no flash of an empty list).
  const fresh = state.key === fullKey
  const pages = state.pages

  /** Fetches the pages covering rows `start`…`end` that are not loaded yet. */
  const ensureRange = useCallback(
    (start: number, end: number) => {
      if (!fresh) return
      for (let p = Math.floor(start / PAGE_SIZE); p <= Math.floor(end / PAGE_SIZE); p++) {
        if (!pages.has(p)) void load(fullKey, p)
      }
    },
    [fresh, fullKey, load, pages],
  )

  const rowAt = useCallback(
    (index: number): ItemSearchRow | undefined =>
      pages?.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    [pages],
  )

  return {
    total: state.total,
    textMode: state.textMode,
    error: state.error,
    loading: !fresh,
    rowAt,
    ensureRange,
    reload: useCallback(() => setGeneration((g) => g + 1), []),
  }
}
