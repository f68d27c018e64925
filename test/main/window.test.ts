import { isAbsolute } from 'node:path'
import { describe, expect, it, vi } from 'vitest'

const electron = vi.hoisted(() => {
  class BrowserWindow {
    static instances: BrowserWindow[] = []
    static loadImpl: (url: string) => Promise<void> = async () => undefined
    readonly listeners = new Map<string, (...args: unknown[]) => void>()
    readonly show = vi.fn()
    readonly loadURL = vi.fn((url: string) => BrowserWindow.loadImpl(url))
    constructor(readonly options: unknown) {
      BrowserWindow.instances.push(this)
    }
    once(name: string, listener: () => void) {
      this.listeners.set(name, listener)
      return this
    }
    on(name: string, listener: () => void) {
      this.listeners.set(name, listener)
      return this
    }
  }
  return { BrowserWindow }
})
vi.mock('electron', () => electron)

import {
  PRELOAD_PATH,
  WINDOW_TITLE,
  createMainWindow,
  mainWindowOptions,
} from '../../src/main/window'

describe('main window options', () => {
  const options = mainWindowOptions('/app/out/preload/index.js')
  const prefs = options.webPreferences ?? {}

  it('isolates the page from Node and Electron', () => {
    expect(prefs.contextIsolation).toBe(true)
    expect(prefs.sandbox).toBe(true)
    expect(prefs.nodeIntegration).toBe(false)
    expect(prefs.nodeIntegrationInWorker).toBe(false)
    expect(prefs.nodeIntegrationInSubFrames).toBe(false)
  })

  it('keeps web security on and risky features off', () => {
    expect(prefs.webSecurity).toBe(true)
    expect(prefs.allowRunningInsecureContent).toBe(false)
    expect(prefs.experimentalFeatures).toBe(false)
    expect(prefs.webviewTag).toBe(false)
    expect(prefs.navigateOnDragDrop).toBe(false)
    expect(prefs.spellcheck).toBe(false)
    expect(prefs).not.toHaveProperty('enableBlinkFeatures')
    expect(prefs.disableBlinkFeatures).toBe('Auxclick')
    expect(prefs).not.toHaveProperty('additionalArguments')
  })

  it('uses the given preload and defaults to the built out/preload/index.js', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.js')
    expect(isAbsolute(PRELOAD_PATH)).toBe(true)
    expect(PRELOAD_PATH.replace(/\\/g, '/')).toMatch(/\/preload\/index\.js$/)
    expect(mainWindowOptions().webPreferences?.preload).toBe(PRELOAD_PATH)
  })

  it('has the Chinese title, a sensible minimum size, and stays hidden until painted', () => {
    expect(options.title).toBe('政务公开工作台')
    expect(WINDOW_TITLE).toBe('政务公开工作台')
    expect(options.minWidth).toBeGreaterThanOrEqual(1024)
    expect(options.minHeight).toBeGreaterThanOrEqual(600)
    expect(options.show).toBe(false)
  })
})

describe('createMainWindow', () => {
  it('logs a failed page load instead of leaving an unhandled rejection', async () => {
    const errors: string[] = []
    const logger = { debug() {}, info() {}, warn() {}, error: (m: string) => void errors.push(m) }
    electron.BrowserWindow.loadImpl = async () => {
      throw new Error('ERR_CONNECTION_REFUSED')
    }
    try {
      createMainWindow('http://localhost:5173/', '/p/index.js', logger)
      await vi.waitFor(() => expect(errors).toEqual(['主窗口页面加载失败']))
    } finally {
      electron.BrowserWindow.loadImpl = async () => undefined
    }
  })

  it('loads the entry URL and shows the window on ready-to-show', () => {
    createMainWindow('app://renderer/index.html', '/p/index.js')
    const win = electron.BrowserWindow.instances.at(-1)
    expect(win?.options).toEqual(mainWindowOptions('/p/index.js'))
    expect(win?.loadURL).toHaveBeenCalledWith('app://renderer/index.html')
    expect(win?.show).not.toHaveBeenCalled()
    win?.listeners.get('ready-to-show')?.()
    expect(win?.show).toHaveBeenCalledOnce()
  })
})
