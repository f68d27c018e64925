import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CHANNELS } from '../../src/shared/contract'
import { fakeIpcMain, fakeSession } from './electron-fakes'

/**
 * The app lifecycle in src/main/index.ts, run against a fake Electron: what happens before
 * `ready`, what start-up wires together, what a failing database does, and what quitting does.
 */

type Listener = (...args: unknown[]) => unknown

const mocks = vi.hoisted(() => ({
  electron: null as unknown as ReturnType<typeof makeElectron>,
  createAppCore: vi.fn(),
}))

function makeElectron(options: { packaged?: boolean; lock?: boolean } = {}) {
  let ready: () => void = () => {}
  const readyPromise = new Promise<void>((resolve) => (ready = resolve))
  const appListeners = new Map<string, Listener[]>()
  const windows: {
    options: unknown
    loadURL: ReturnType<typeof vi.fn>
    webContents: { id: number; on: ReturnType<typeof vi.fn> }
  }[] = []
  class BrowserWindow {
    readonly loadURL = vi.fn(async () => undefined)
    readonly webContents = { id: 7, on: vi.fn() }
    constructor(readonly options: unknown) {
      windows.push(this)
    }
    once = vi.fn()
    on = vi.fn()
    show = vi.fn()
    isDestroyed = () => false
  }
  const app = {
    isPackaged: options.packaged ?? false,
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => options.lock ?? true),
    whenReady: vi.fn(() => readyPromise),
    getPath: vi.fn(() => '/home/officer/.config/政务公开工作台'),
    getVersion: vi.fn(() => '0.1.0'),
    setAppUserModelId: vi.fn(),
    quit: vi.fn(),
    exit: vi.fn(),
    on: vi.fn((name: string, listener: Listener) => {
      appListeners.set(name, [...(appListeners.get(name) ?? []), listener])
    }),
  }
  return {
    ready: () => ready(),
    appListeners,
    windows,
    module: {
      app,
      BrowserWindow,
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      session: { defaultSession: fakeSession() },
      ipcMain: fakeIpcMain(),
      dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn() },
      shell: { openExternal: vi.fn() },
      Menu: { setApplicationMenu: vi.fn() },
      safeStorage: { isEncryptionAvailable: vi.fn(() => true) },
    },
  }
}

// The mock registry survives vi.resetModules(), so the module delegates to the current fake.
vi.mock('electron', () => {
  const current = (name: string): object =>
    (mocks.electron.module as Record<string, object>)[name] ?? {}
  const delegate = (name: string) =>
    new Proxy({}, { get: (_target, key) => Reflect.get(current(name), key) })
  return {
    ...Object.fromEntries(
      ['app', 'protocol', 'session', 'ipcMain', 'dialog', 'shell', 'Menu', 'safeStorage'].map(
        (name) => [name, delegate(name)],
      ),
    ),
    BrowserWindow: function BrowserWindow(options: unknown) {
      return new mocks.electron.module.BrowserWindow(options)
    },
  }
})
vi.mock('../../src/core/api/app-core', () => ({ createAppCore: mocks.createAppCore }))

function fakeCore() {
  return { handlers: {}, dispatch: vi.fn(), close: vi.fn(async () => undefined) }
}

/** Loads index.ts fresh against a new fake Electron; `start` resolves once start-up settled. */
async function boot(options: Parameters<typeof makeElectron>[0] = {}) {
  mocks.electron = makeElectron(options)
  vi.resetModules()
  await import('../../src/main/index')
  const e = mocks.electron
  return {
    e,
    start: async () => {
      e.ready()
      // Let whenReady → createAppCore → registration run to completion.
      await vi.waitFor(() => {
        if (e.windows.length === 0 && e.module.app.exit.mock.calls.length === 0) {
          throw new Error('not started yet')
        }
      })
    },
  }
}

beforeEach(() => {
  mocks.createAppCore.mockReset()
  mocks.createAppCore.mockImplementation(async () => fakeCore())
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
})

afterEach(() => {
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
})

describe('before ready', () => {
  it('enables the sandbox, registers app:// as privileged and guards new webContents', async () => {
    const { e } = await boot()
    expect(e.module.app.enableSandbox).toHaveBeenCalledOnce()
    expect(e.module.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ])
    expect(e.appListeners.has('web-contents-created')).toBe(true)
    expect(mocks.createAppCore).not.toHaveBeenCalled()
  })

  it('hands over to the running instance when the single-instance lock is taken', async () => {
    const { e } = await boot({ lock: false })
    expect(e.module.app.quit).toHaveBeenCalledOnce()
    expect(e.module.app.whenReady).not.toHaveBeenCalled()
  })
})

describe('start-up', () => {
  it('serves app://, secures the session, creates core over userData, registers IPC, opens the window', async () => {
    const { e, start } = await boot()
    await start()
    expect(e.module.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function))
    expect(e.module.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled()
    expect(e.module.session.defaultSession.webRequest.onBeforeRequest).toHaveBeenCalled()
    expect(mocks.createAppCore).toHaveBeenCalledWith(
      expect.objectContaining({
        dataDir: '/home/officer/.config/政务公开工作台',
        appVersion: '0.1.0',
        platform: expect.objectContaining({
          chooseSaveFile: expect.any(Function),
          chooseOpenFile: expect.any(Function),
          openExternal: expect.any(Function),
        }),
      }),
    )
    expect(e.module.ipcMain.handlers.size).toBe(CHANNELS.length)
    expect(e.windows).toHaveLength(1)
    expect(e.windows[0]?.loadURL).toHaveBeenCalledWith('app://renderer/index.html')
    expect(e.module.dialog.showErrorBox).not.toHaveBeenCalled()
    expect(e.module.app.exit).not.toHaveBeenCalled()
  })

  it('loads the dev server in an unpackaged app when electron-vite provides one', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173/')
    const { e, start } = await boot()
    await start()
    expect(e.windows[0]?.loadURL).toHaveBeenCalledWith('http://localhost:5173/')
    expect(e.module.protocol.handle).not.toHaveBeenCalled()
  })

  it('ignores ELECTRON_RENDERER_URL in a packaged app and removes the menu', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'https://evil.example/')
    const { e, start } = await boot({ packaged: true })
    await start()
    expect(e.windows[0]?.loadURL).toHaveBeenCalledWith('app://renderer/index.html')
    expect(e.module.Menu.setApplicationMenu).toHaveBeenCalledWith(null)
  })

  it('shows a Chinese error and quits when the database cannot be opened', async () => {
    const { e, start } = await boot()
    // Imported after boot: the same module instance index.ts sees after vi.resetModules().
    const { AppError } = await import('../../src/core/errors')
    mocks.createAppCore.mockRejectedValueOnce(
      new AppError('DB_ERROR', '此数据库由更新版本的政务公开工作台创建，请升级本程序后再打开。'),
    )
    await start()
    expect(e.module.dialog.showErrorBox).toHaveBeenCalledWith(
      '政务公开工作台无法启动',
      expect.stringContaining('请升级本程序后再打开'),
    )
    expect(e.module.app.exit).toHaveBeenCalledWith(1)
    expect(e.windows).toHaveLength(0)
    expect(e.module.ipcMain.handlers.size).toBe(0)
  })
})

describe('quitting', () => {
  it('closes core before the process exits', async () => {
    const core = fakeCore()
    mocks.createAppCore.mockResolvedValueOnce(core)
    const { e, start } = await boot()
    await start()
    const willQuit = e.appListeners.get('will-quit')?.[0]
    const event = { preventDefault: vi.fn() }
    willQuit?.(event)
    expect(event.preventDefault).toHaveBeenCalledOnce()
    await vi.waitFor(() => expect(e.module.app.quit).toHaveBeenCalledOnce())
    expect(core.close).toHaveBeenCalledOnce()

    // The second will-quit (from that app.quit()) lets the process go.
    const again = { preventDefault: vi.fn() }
    willQuit?.(again)
    expect(again.preventDefault).not.toHaveBeenCalled()
  })

  it('quits when the window is closed', async () => {
    const { e, start } = await boot()
    await start()
    e.appListeners.get('window-all-closed')?.[0]?.()
    expect(e.module.app.quit).toHaveBeenCalled()
  })
})
