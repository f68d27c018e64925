import dayjs from 'dayjs'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ItemView } from '../../../../shared/items/types'
import { api, ApiError, request } from '../../../api/client'
import { AutosaveScheduler } from '../../../../shared/items/autosave'
import { needsEditConfirm } from '../../../../shared/items/revision-state'
import { registerFlush, trackSave } from '../shared/pending-saves'
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
 * and the save queue. Autosaves (debounce + throttle, see shared/items/autosave) and saves run one
 * at a time, in order, so a save never races an autosave with a stale base revision. Unsaved edits
 * are flushed before 锁定 / 退出登录 / closing (registerFlush). An item that is 待审查 / 已通过 /
 * 已同步 is read-only until the officer confirms the question (`confirmEdit`); the confirmation
 * travels with the next save as `confirmRevision` (core refuses the change without it).
 */
export function useItemSession({ initial, getContent, onCreated, onStored, onConflict }: Options) {
  const [view, setView] = useState<ItemView | null>(initial)
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' })
  const viewRef = useRef<ItemView | null>(initial)
  const base = useRef(initial ? { revision: initial.revision, hash: initial.contentHash } : null)
  const changeSeq = useRef(0)
  const savedSeq = useRef(0)
  const scheduler = useRef<AutosaveScheduler | null>(null)
  const [confirmed, setConfirmed] = useState(false)
  const confirmedRef = useRef(false)
  const queue = useRef<Promise<unknown>>(Promise.resolve())
  const callbacks = useRef({ getContent, onCreated, onStored, onConflict })
  useEffect(() => {
    callbacks.current = { getContent, onCreated, onStored, onConflict }
  })

  /** The item is 待审查 / 已通过 / 已同步 and the officer has not confirmed editing it yet. */
  const needsConfirm = view !== null && view.canEdit && needsEditConfirm(view.status) && !confirmed
  const readOnly = (view !== null && !view.canEdit) || needsConfirm

  /** Confirmed and still needed: sent with attachment changes and restores too. */
  const confirmRevision = confirmed && view !== null && needsEditConfirm(view.status)

  /** The officer answered the question: editable now; the next save says so to core. */
  const confirmEdit = useCallback(() => {
    confirmedRef.current = true
    setConfirmed(true)
  }, [])

  /** Takes core's answer as the new base (and the new view for everything but the form). */
  const adopt = useCallback((next: ItemView) => {
    viewRef.current = next
    base.current = { revision: next.revision, hash: next.contentHash }
    // Submitted or approved again: the next edit must be asked again.
    if (needsEditConfirm(next.status) && changeSeq.current === savedSeq.current) {
      confirmedRef.current = false
      setConfirmed(false)
    }
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
    if (!current || !base.current) return {}
    return {
      id: current.id,
      baseRevision: base.current.revision,
      baseContentHash: base.current.hash,
      ...(confirmedRef.current && needsEditConfirm(current.status)
        ? { confirmRevision: true as const }
        : {}),
    }
  }

  const failed = useCallback((e: unknown) => {
    const message = e instanceof ApiError ? e.message : String(e)
    setSaveState({ kind: 'error', message })
    if (e instanceof ApiError && e.code === 'CONFLICT') callbacks.current.onConflict(message)
  }, [])

  const autosave = useCallback(
    (snapshot?: ItemContentSnapshot) => {
      scheduler.current?.taken()
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

  const autosaveRef = useRef(autosave)
  useEffect(() => {
    autosaveRef.current = autosave
  })

  /** Call on every change of the form or the body. */
  const markChanged = useCallback(() => {
    if (readOnly) return
    changeSeq.current++
    setSaveState((s) => (s.kind === 'saving' ? s : { kind: 'dirty' }))
    scheduler.current ??= new AutosaveScheduler(() => void autosaveRef.current(), {
      set: (fn, ms) => window.setTimeout(fn, ms),
      clear: (handle) => window.clearTimeout(handle as number),
      now: () => Date.now(),
    })
    scheduler.current.changed()
  }, [readOnly])

  /** An explicit save: a real revision; resolves to the stored view, or null when refused. */
  const save = useCallback(() => {
    scheduler.current?.taken()
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
    scheduler.current?.taken()
    savedSeq.current = changeSeq.current
    setSaveState({ kind: 'idle' })
  }, [])

  const isDirty = () => changeSeq.current !== savedSeq.current

  // Leaving the editor saves what was typed; 锁定, 退出登录, the idle lock and main's close / quit
  // wait for the same through flushPendingEdits().
  useEffect(() => {
    const flush = () => (changeSeq.current !== savedSeq.current ? autosave() : queue.current)
    const unregister = registerFlush(flush)
    const onUnload = () => void flush()
    window.addEventListener('beforeunload', onUnload)
    return () => {
      unregister()
      window.removeEventListener('beforeunload', onUnload)
      onUnload()
    }
  }, [autosave])

  return {
    view,
    base,
    saveState,
    readOnly,
    needsConfirm,
    confirmEdit,
    confirmRevision,
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
