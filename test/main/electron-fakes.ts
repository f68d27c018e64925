import { vi } from 'vitest'

/**
 * Minimal stand-ins for the Electron objects main/ touches. No Electron binary exists on the build
 * machines, so each test drives the real handlers through these and asserts what they decided.
 */

type Listener = (...args: unknown[]) => unknown

/** An event like Electron's: records whether a handler called preventDefault(). */
export function fakeEvent<T extends object>(
  fields: T,
): T & { preventDefault: () => void; defaultPrevented: boolean } {
  const event = {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true
    },
  }
  return event
}

export class FakeWebContents {
  readonly listeners = new Map<string, Listener[]>()
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null

  constructor(readonly id = 1) {}

  on(name: string, listener: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener])
    return this
  }

  emit(name: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(name) ?? []) listener(...args)
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler
  }
}

type PermissionRequestHandler = (
  wc: unknown,
  permission: string,
  cb: (granted: boolean) => void,
) => void
type RequestListener<D, R> = (details: D, callback: (response: R) => void) => void

export function fakeSession() {
  const session = {
    permissionRequestHandler: null as PermissionRequestHandler | null,
    permissionCheckHandler: null as ((...args: unknown[]) => boolean) | null,
    devicePermissionHandler: null as ((...args: unknown[]) => boolean) | null,
    beforeRequest: null as RequestListener<{ url: string }, { cancel?: boolean }> | null,
    headersReceived: null as RequestListener<
      { url: string; responseHeaders?: Record<string, string[]> },
      { responseHeaders?: Record<string, string[]> }
    > | null,
    setPermissionRequestHandler: vi.fn((h: PermissionRequestHandler) => {
      session.permissionRequestHandler = h
    }),
    setPermissionCheckHandler: vi.fn((h: (...args: unknown[]) => boolean) => {
      session.permissionCheckHandler = h
    }),
    setDevicePermissionHandler: vi.fn((h: (...args: unknown[]) => boolean) => {
      session.devicePermissionHandler = h
    }),
    webRequest: {
      onBeforeRequest: vi.fn((l: RequestListener<{ url: string }, { cancel?: boolean }>) => {
        session.beforeRequest = l
      }),
      onHeadersReceived: vi.fn((l: NonNullable<typeof session.headersReceived>) => {
        session.headersReceived = l
      }),
    },
  }
  return session
}

export interface FakeFrame {
  url: string
  parent: FakeFrame | null
  frameTreeNodeId: number
  detached: boolean
}

export function fakeFrame(url: string, fields: Partial<FakeFrame> = {}): FakeFrame {
  return { url, parent: null, frameTreeNodeId: 1, detached: false, ...fields }
}

/** An `ipcMain.handle` event from webContents `senderId` whose main frame is `mainFrame`. */
export function fakeInvokeEvent(options: {
  senderId?: number
  mainFrame?: FakeFrame
  senderFrame?: FakeFrame | null
}) {
  const mainFrame = options.mainFrame ?? fakeFrame('app://renderer/index.html')
  return {
    sender: { id: options.senderId ?? 1, mainFrame },
    senderFrame: options.senderFrame === undefined ? mainFrame : options.senderFrame,
  }
}

export function fakeIpcMain() {
  const handlers = new Map<string, (event: unknown, raw: unknown) => Promise<unknown>>()
  const ipcMain = {
    handlers,
    handle: vi.fn(
      (channel: string, handler: (event: unknown, raw: unknown) => Promise<unknown>) => {
        if (handlers.has(channel)) throw new Error(`second handler for ${channel}`)
        handlers.set(channel, handler)
      },
    ),
    removeHandler: vi.fn((channel: string) => {
      handlers.delete(channel)
    }),
  }
  return ipcMain
}
