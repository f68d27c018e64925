import { describe, expect, it } from 'vitest'
import {
  flushPendingEdits,
  registerFlush,
  trackSave,
} from '../../src/renderer/features/drafting/shared/pending-saves'

/**
 * Issue 10: 锁定 / 退出登录 / the idle lock / main's close wait for `flushPendingEdits()` before they
 * end the session — it must run every open editor's save of its unsaved edits and wait for them.
 */
describe('flushPendingEdits', () => {
  it('runs every registered editor flush and resolves only when their saves are stored', async () => {
    const stored: string[] = []
    const slowSave = () =>
      trackSave(
        new Promise<void>((resolve) =>
          setTimeout(() => {
            stored.push('editor A: 锁定前刚输入的一行')
            resolve()
          }, 30),
        ),
      )
    const unregisterA = registerFlush(slowSave)
    const unregisterB = registerFlush(async () => {
      stored.push('editor B')
    })
    await flushPendingEdits()
    expect(stored.sort()).toEqual(['editor A: 锁定前刚输入的一行', 'editor B'].sort())
    unregisterA()
    unregisterB()
  })

  it('waits for a save already in flight and survives a failing one', async () => {
    let done = false
    void trackSave(
      new Promise<void>((resolve) =>
        setTimeout(() => {
          done = true
          resolve()
        }, 20),
      ),
    )
    const unregister = registerFlush(() => Promise.reject(new Error('LOCKED')))
    await expect(flushPendingEdits()).resolves.toBeUndefined()
    expect(done).toBe(true)
    unregister()
  })
})
