import { describe, expect, it, vi } from 'vitest'
import { FLUSH_SCRIPT, flushRenderer, installFlushOnClose } from '../../src/main/flush-on-close'
import { FLUSH_EDITS_HOOK } from '../../src/shared/items/autosave'

/**
 * Issue 10: closing the window (and quitting, which closes it) first stores the editors' unsaved
 * edits — main runs the page's flush and waits for it (with a timeout), then closes.
 */

const logger = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() }

function fakeWindow(executeJavaScript: (code: string) => Promise<unknown>) {
  const listeners: ((event: { preventDefault(): void }) => void)[] = []
  const win = {
    closed: 0,
    on: vi.fn((name: string, fn: (event: { preventDefault(): void }) => void) => {
      if (name === 'close') listeners.push(fn)
      return win
    }),
    close: vi.fn(() => {
      let prevented = false
      for (const fn of listeners) fn({ preventDefault: () => (prevented = true) })
      if (!prevented) win.closed++
    }),
    isDestroyed: () => false,
    webContents: { executeJavaScript: vi.fn(executeJavaScript), isDestroyed: () => false },
  }
  return win
}

describe('flush before the window closes (issue 10)', () => {
  it('runs the renderer flush, waits for it, and only then closes', async () => {
    let release: () => void = () => {}
    const stored: string[] = []
    const win = fakeWindow(
      () =>
        new Promise((resolve) => {
          release = () => {
            stored.push('typed line')
            resolve(true)
          }
        }),
    )
    installFlushOnClose(win as never, logger as never, 5_000)
    win.close()
    expect(win.closed).toBe(0)
    expect(win.webContents.executeJavaScript).toHaveBeenCalledWith(FLUSH_SCRIPT, true)
    expect(FLUSH_SCRIPT).toContain(FLUSH_EDITS_HOOK)
    // A second close while flushing does not run the flush twice.
    win.close()
    expect(win.webContents.executeJavaScript).toHaveBeenCalledOnce()
    release()
    await vi.waitFor(() => expect(win.closed).toBe(1))
    expect(stored).toEqual(['typed line'])
  })

  it('closes anyway when the renderer does not answer in time', async () => {
    const win = fakeWindow(() => new Promise(() => {}))
    installFlushOnClose(win as never, logger as never, 50)
    win.close()
    await vi.waitFor(() => expect(win.closed).toBe(1))
    expect(logger.warn).toHaveBeenCalled()
  })

  it('reports a page without editors and a failing flush, and never throws', async () => {
    expect(await flushRenderer(fakeWindow(async () => false) as never, logger as never)).toBe(
      'no-editor',
    )
    expect(
      await flushRenderer(
        fakeWindow(async () => {
          throw new Error('render process gone')
        }) as never,
        logger as never,
      ),
    ).toBe('failed')
  })
})
