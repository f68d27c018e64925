import dayjs from 'dayjs'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ItemView } from '../../../../shared/items/types'
import { api, ApiError, request } from '../../../api/client'
import { trackSave } from '../shared/pending-saves'
import { autosaveDelay } from './autosave-timing'
import { contentInput, type ItemFormValues } from './item-form'

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'dirty' }
  | { kind: 'saving'; auto: boolean }
  | { kind: 'saved'; at: string; auto: boolean }
  | { kind: 'error'; message: string }

export interface ItemContentSnapshot {
  values: ItemFormValues
  bodyHtml: string
}

interface Options {
  initial: ItemView | null
  /** Reads the form and the editor body at the moment of saving. */
  getContent: () => ItemContentSnapshot
  /** The first autosave of a new draft created it. */
  onCreated: (view: ItemView) => void
  /** An explicit save (or restore) stored this: reset the form and the body to core's version. */
  onStored: (view: ItemView) => void
  /** Core refused because someone else changed the item. */
  onConflict: (message: string) => void
}

/**
 * One editor session: the item as core last returned it, the revision the editor is based on,
 * and the save queue. Autosaves (debounced, see autosave-timing) and saves run one at a time, in
 * order, so a save never races an autosave with a stale base revision.
 */
export function useItemSession({ initial, getContent, onCreated, onStored, onConflict }: Options) {
  const [view, setView] = useState<ItemView | null>(initial)
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' })
  const viewRef = useRef<ItemView | null>(initial)
  const base = useRef(initial ? { revision: initial.revision, hash: initial.contentHash } : null)
  const changeSeq = useRef(0)
  const savedSeq = useRef(0)
  const firstChangeAt = useRef<number | null>(null)
  const lastChangeAt = useRef(0)
  const timer = useRef<number | undefined>(undefined)
  const queue = useRef<Promise<unknown>>(Promise.resolve())
  const callbacks = useRef({ getContent, onCreated, onStored, onConflict })
  useEffect(() => {
    callbacks.current = { getContent, onCreated, onStored, onConflict }
  })

  const readOnly = view !== null && !view.canEdit

  /** Takes core's answer as the new base (and the new view for everything but the form). */
  const adopt = useCallback((next: ItemView) => {
    viewRef.current = next
    base.current = { revision: next.revision, hash: next.contentHash }
    setView(next)
  }, [])

  /** Shows a fresh view of the item (links, validity of others …) without moving the base. */
  const refreshView = useCallback((next: ItemView) => {
    viewRef.current = next
    setView(next)
  }, [])

  const enqueue = useCallback(<T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.current.then(task, task)
    queue.current = run.catch(() => undefined)
    return trackSave(run)
  }, [])

  const identity = () => {
    const current = viewRef.current
    return current && base.current
      ? { id: current.id, baseRevision: base.current.revision, baseContentHash: base.current.hash }
      : {}
  }

  const failed = useCallback((e: unknown) => {
    const message = e instanceof ApiError ? e.message : String(e)
    setSaveState({ kind: 'error', message })
    if (e instanceof ApiError && e.code === 'CONFLICT') callbacks.current.onConflict(message)
  }, [])

  const autosave = useCallback(
    (snapshot?: ItemContentSnapshot) => {
      window.clearTimeout(timer.current)
      timer.current = undefined
      firstChangeAt.current = null
      const captured = snapshot ?? callbacks.current.getContent()
      return enqueue(async () => {
        const seq = changeSeq.current
        if (seq === savedSeq.current) return
        setSaveState({ kind: 'saving', auto: true })
        try {
          const creating = viewRef.current === null
          const next = await request(
            api().items.autosave({
              ...identity(),
              ...contentInput(captured.values, captured.bodyHtml),
            }),
            { notify: false },
          )
          savedSeq.current = Math.max(savedSeq.current, seq)
          adopt(next)
          if (creating) callbacks.current.onCreated(next)
          setSaveState(
            changeSeq.current === savedSeq.current
              ? { kind: 'saved', at: dayjs().format('HH:mm:ss'), auto: true }
              : { kind: 'dirty' },
          )
        } catch (e) {
          failed(e)
        }
      })
    },
    [adopt, enqueue, failed],
  )

  /** Call on every change of the form or the body. */
  const markChanged = useCallback(() => {
    if (readOnly) return
    changeSeq.current++
    const now = Date.now()
    firstChangeAt.current ??= now
    lastChangeAt.current = now
    setSaveState((s) => (s.kind === 'saving' ? s : { kind: 'dirty' }))
    window.clearTimeout(timer.current)
    timer.current = window.setTimeout(
      () => void autosave(),
      autosaveDelay(firstChangeAt.current, lastChangeAt.current, now),
    )
  }, [autosave, readOnly])

  /** An explicit save: a real revision; resolves to the stored view, or null when refused. */
  const save = useCallback(() => {
    window.clearTimeout(timer.current)
    timer.current = undefined
    firstChangeAt.current = null
    const captured = callbacks.current.getContent()
    return enqueue(async (): Promise<ItemView | null> => {
      const seq = changeSeq.current
      setSaveState({ kind: 'saving', auto: false })
      try {
        const creating = viewRef.current === null
        const next = await request(
          api().items.save({ ...identity(), ...contentInput(captured.values, captured.bodyHtml) }),
          { notify: false },
        )
        savedSeq.current = Math.max(savedSeq.current, seq)
        adopt(next)
        if (creating) callbacks.current.onCreated(next)
        callbacks.current.onStored(next)
        setSaveState({ kind: 'saved', at: dayjs().format('HH:mm:ss'), auto: false })
        return next
      } catch (e) {
        failed(e)
        return null
      }
    })
  }, [adopt, enqueue, failed])

  /** Runs an operation after pending saves (e.g. restore, validity), in the same queue. */
  const afterSaves = useCallback(
    async <T>(task: () => Promise<T>): Promise<T> => {
      if (changeSeq.current !== savedSeq.current) await autosave()
      return enqueue(task)
    },
    [autosave, enqueue],
  )

  /** Forget local changes (after a conflict the officer chose to reload). */
  const discardChanges = useCallback(() => {
    window.clearTimeout(timer.current)
    savedSeq.current = changeSeq.current
    firstChangeAt.current = null
    setSaveState({ kind: 'idle' })
  }, [])

  const isDirty = () => changeSeq.current !== savedSeq.current

  // Leaving the editor (or closing the window) saves what was typed.
  useEffect(() => {
    const onUnload = () => {
      if (changeSeq.current !== savedSeq.current) void autosave()
    }
    window.addEventListener('beforeunload', onUnload)
    return () => {
      window.removeEventListener('beforeunload', onUnload)
      onUnload()
    }
  }, [autosave])

  return {
    view,
    base,
    saveState,
    readOnly,
    adopt,
    refreshView,
    markChanged,
    autosave,
    save,
    afterSaves,
    discardChanges,
    isDirty,
  }
}
