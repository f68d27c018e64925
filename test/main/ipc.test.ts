import { describe, expect, it, vi } from 'vitest'
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron'
import { CHANNELS } from '../../src/shared/contract'
import { ok } from '../../src/shared/result'
import { silentLogger } from '../../src/core/logger'
import { createOriginPolicy } from '../../src/main/app-origin'
import { createSenderCheck, registerIpcHandlers } from '../../src/main/ipc'
import { fakeFrame, fakeInvokeEvent, fakeIpcMain } from './electron-fakes'

const MAIN_ID = 1

function fakeWindow(id = MAIN_ID, destroyed = false) {
  return { isDestroyed: () => destroyed, webContents: { id } } as unknown as BrowserWindow
}

function setup(options: { window?: BrowserWindow | null; devServerUrl?: string } = {}) {
  const ipcMain = fakeIpcMain()
  const dispatch = vi.fn(async (channel: string, raw: unknown) => ok({ channel, raw }))
  const win = options.window === undefined ? fakeWindow() : options.window
  const isTrustedSender = createSenderCheck({
    getMainWindow: () => win,
    policy: createOriginPolicy(options.devServerUrl ?? null),
  })
  const unregister = registerIpcHandlers({
    ipcMain: ipcMain as unknown as IpcMain,
    core: { dispatch },
    isTrustedSender,
    logger: silentLogger,
  })
  const call = (channel: string, event: unknown, raw: unknown = {}) => {
    const handler = ipcMain.handlers.get(channel)
    if (!handler) throw new Error(`no handler for ${channel}`)
    return handler(event, raw)
  }
  return { ipcMain, dispatch, call, unregister, isTrustedSender }
}

const forbidden = { ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } }

describe('IPC registration', () => {
  it('registers every contract channel exactly once, and nothing else', () => {
    const { ipcMain } = setup()
    const registered = ipcMain.handle.mock.calls.map(([channel]) => channel)
    expect(registered).toHaveLength(CHANNELS.length)
    expect(new Set(registered)).toEqual(new Set(CHANNELS))
  })

  it('removes all its handlers when asked', () => {
    const { ipcMain, unregister } = setup()
    unregister()
    expect(ipcMain.handlers.size).toBe(0)
  })
})

describe('trusted sender', () => {
  it("passes the main window's app page through to core.dispatch and returns its result", async () => {
    const { call, dispatch } = setup()
    const input = { userId: 'u1', newPassword: 'x' }
    const result = await call('users:reset-password', fakeInvokeEvent({}), input)
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('users:reset-password', input)
    expect(result).toEqual(ok({ channel: 'users:reset-password', raw: input }))
  })

  it('trusts the dev server page in dev', async () => {
    const { call, dispatch } = setup({ devServerUrl: 'http://localhost:5173/' })
    const event = fakeInvokeEvent({ mainFrame: fakeFrame('http://localhost:5173/#/login') })
    expect(await call('app:state', event)).toMatchObject({ ok: true })
    expect(dispatch).toHaveBeenCalledOnce()
  })

  it('converts a throwing dispatch into an INTERNAL Result rather than a rejected invoke', async () => {
    const { call, dispatch } = setup()
    dispatch.mockRejectedValueOnce(new Error('boom'))
    const result = await call('app:state', fakeInvokeEvent({}))
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  })
})

describe('untrusted senders get FORBIDDEN and never reach core', () => {
  const cases: [string, () => unknown, Parameters<typeof setup>[0]?][] = [
    ['another webContents', () => fakeInvokeEvent({ senderId: 2 })],
    [
      'a remote origin in the main window',
      () => fakeInvokeEvent({ mainFrame: fakeFrame('https://evil.example/') }),
    ],
    ['a file:// page', () => fakeInvokeEvent({ mainFrame: fakeFrame('file:///tmp/index.html') })],
    [
      'another app:// host',
      () => fakeInvokeEvent({ mainFrame: fakeFrame('app://evil/index.html') }),
    ],
    ['about:blank', () => fakeInvokeEvent({ mainFrame: fakeFrame('about:blank') })],
    [
      'the dev server origin in a built app',
      () => fakeInvokeEvent({ mainFrame: fakeFrame('http://localhost:5173/') }),
    ],
    [
      'an iframe of the app page',
      () => {
        const top = fakeFrame('app://renderer/index.html')
        return fakeInvokeEvent({
          mainFrame: top,
          senderFrame: fakeFrame('app://renderer/index.html', { parent: top, frameTreeNodeId: 7 }),
        })
      },
    ],
    ['a destroyed frame (senderFrame null)', () => fakeInvokeEvent({ senderFrame: null })],
    [
      'a detached frame',
      () => fakeInvokeEvent({ senderFrame: fakeFrame('app://renderer/', { detached: true }) }),
    ],
    [
      'a frame whose properties throw',
      () => ({
        sender: { id: MAIN_ID },
        get senderFrame() {
          throw new Error('Render frame was disposed')
        },
      }),
    ],
    ['any sender once the window is gone', () => fakeInvokeEvent({}), { window: null }],
    [
      'any sender of a destroyed window',
      () => fakeInvokeEvent({}),
      { window: fakeWindow(MAIN_ID, true) },
    ],
  ]

  it.each(cases)('%s', async (_name, event, options) => {
    const { call, dispatch } = setup(options)
    expect(await call('users:reset-password', event(), { userId: 'u1' })).toEqual(forbidden)
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('the check itself never throws', () => {
    const { isTrustedSender } = setup()
    expect(isTrustedSender({} as IpcMainInvokeEvent)).toBe(false)
    expect(isTrustedSender(null as unknown as IpcMainInvokeEvent)).toBe(false)
  })
})
