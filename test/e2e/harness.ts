/**
 * The browser e2e harness (architecture doc, point 9): the built renderer (out/renderer) runs in
 * Debian's Chromium under the app's strict CSP, and `window.api` is built by the same `buildApi`
 * as the preload, wired through `page.exposeBinding` to the real core (`createAppCore`): real
 * services, real SQLite, real UI. Only Electron's transport is left out.
 *
 * Usage (every feature's spec can reuse it):
 *
 *   const app = await openApp()                 // fresh temp data folder
 *   await app.page.getByLabel('用户名').fill('admin')
 *   await app.screenshot('login')               // test-results/e2e-screenshots/<spec>-login.png
 *   await app.close()                           // keeps the data folder …
 *   const again = await openApp({ dataDir: app.dataDir })   // … so a reopen sees the same DB
 *   await again.destroy()                       // close and delete the data folder
 *
 *   const signedIn = await openApp({ setup: true })   // set up (or log in) through core first:
 *                                                     // the page opens on the home screen
 *
 * The spec must have run `electron-vite build` first (`npm run test:e2e` does); the harness
 * builds only the small bridge script.
 */
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, extname, join, normalize, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { expect } from 'vitest'
import { createAppCore } from '../../src/core/api/app-core'
import type { AppCore } from '../../src/core/api/types'
import type { FileDialogOptions, Platform } from '../../src/core/platform'
import { createLogger } from '../../src/core/logger'
import { usccCheckChar } from '../../src/shared/uscc'
import { markPasswordChosen } from '../helpers/password-chosen'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const RENDERER_DIR = join(ROOT, 'out', 'renderer')
const SCREENSHOT_DIR = join(ROOT, 'test-results', 'e2e-screenshots')

/** The page's origin. Nothing is listening there: every request is fulfilled by `context.route`. */
export const APP_ORIGIN = 'http://app.test'

/** The CSP the Electron shell sends (src/main/security.ts); the page gets it as a header too. */
export const APP_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

export const APP_VERSION = '0.0.0-e2e'

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
}

export interface OpenAppOptions {
  /** The app data folder; a fresh temp folder when omitted. Pass a previous app's to reopen. */
  dataDir?: string
  /** Defaults to core's `<dataDir>/disclosure-desk.sqlite`. */
  dbPath?: string
  /** A fixed clock for core (deadlines, audit times). */
  clock?: () => Date
  /** What the stub open dialog answers (`null` = the user cancels). Changeable via `platform`. */
  openFile?: string | null
  /** Name used in screenshot files; defaults to the spec file's name without `.spec.ts`. */
  spec?: string
  viewport?: { width: number; height: number }
  /**
   * Opens the app signed in, the fast way: completes first-run setup through core with
   * `E2E_SETUP` (or the given input) on a fresh data folder, or logs its administrator in when
   * the folder is already set up (a reopen). `true` uses `E2E_SETUP`.
   */
  setup?: boolean | E2eSetup
  /**
   * Accounts a spec creates (or resets) through `app.core` are marked as if their owner had
   * already chosen the password, so fixture users log straight in. Pass true to keep the real
   * first-login change for them. Accounts made through the UI always go through it.
   */
  firstLoginChange?: boolean
}

export interface E2eSetup {
  department: { name: string; orgCode: string }
  admin: { username: string; displayName: string; password: string }
}

const E2E_ORG17 = '11370300MB1234567'

/** The department and administrator `openApp({ setup: true })` creates (org code checksum valid). */
export const E2E_SETUP: E2eSetup = {
  department: { name: '淄博高新区政务公开示范局', orgCode: E2E_ORG17 + usccCheckChar(E2E_ORG17) },
  admin: { username: 'admin', displayName: '王建国', password: 'Admin2024pass' },
}

/** The stub platform's record of what core asked for; tests may also change its answers. */
export interface PlatformStub extends Platform {
  saveDialogs: FileDialogOptions[]
  openDialogs: FileDialogOptions[]
  externalUrls: string[]
  /** OS notifications core asked for. */
  notifications: { title: string; body: string }[]
  /** The next open-dialog answer. */
  openFile: string | null
  /** The next save-dialog answer; by default a file in `<dataDir>/saved/` named after defaultPath. */
  saveFile: ((options: FileDialogOptions) => string | null) | null
}

export interface OpenedApp {
  page: Page
  browser: Browser
  context: BrowserContext
  core: AppCore
  dataDir: string
  platform: PlatformStub
  /** Page errors, console errors (CSP violations land here) and blocked non-app requests. */
  problems: string[]
  /** Full-page PNG at `test-results/e2e-screenshots/<spec>-<name>.png`; returns the path. */
  screenshot(name: string): Promise<string>
  /** Closes the browser and core; the data folder stays so the app can be reopened. */
  close(): Promise<void>
  /** `close()` and delete the data folder. */
  destroy(): Promise<void>
}

let bridgeScript: Promise<string> | undefined

/** The esbuild-bundled IIFE of bridge-entry.ts, built once per test process. */
function bridge(): Promise<string> {
  bridgeScript ??= build({
    entryPoints: [join(ROOT, 'test', 'e2e', 'bridge-entry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0]?.text ?? '')
  return bridgeScript
}

function specName(): string {
  const path = expect.getState().testPath
  return path ? basename(path).replace(/\.spec\.ts$/, '') : 'e2e'
}

/** An in-memory secret store (the app's is Electron safeStorage; see src/main/platform.ts). */
function memorySecrets(): Platform['secrets'] {
  const values = new Map<string, string>()
  return {
    get: async (key) => values.get(key) ?? null,
    set: async (key, value) => {
      values.set(key, value)
    },
    delete: async (key) => {
      values.delete(key)
    },
  }
}

function createPlatform(dataDir: string, openFile: string | null): PlatformStub {
  const stub: PlatformStub = {
    saveDialogs: [],
    openDialogs: [],
    externalUrls: [],
    notifications: [],
    openFile,
    saveFile: null,
    async chooseSaveFile(options) {
      stub.saveDialogs.push(options)
      if (stub.saveFile) return stub.saveFile(options)
      const dir = join(dataDir, 'saved')
      await mkdir(dir, { recursive: true })
      const name = basename(options.defaultPath ?? `file-${stub.saveDialogs.length}`)
      return join(dir, name)
    },
    async chooseOpenFile(options) {
      stub.openDialogs.push(options)
      return stub.openFile
    },
    async openExternal(url) {
      stub.externalUrls.push(url)
      return false
    },
    notify(title, body) {
      stub.notifications.push({ title, body })
    },
    // In memory, like the Electron build's safeStorage file but never written to disk.
    secrets: memorySecrets(),
  }
  return stub
}

/** Serves out/renderer on APP_ORIGIN with the CSP header; aborts everything else (no network). */
async function routeRenderer(context: BrowserContext, problems: string[]): Promise<void> {
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url())
    if (url.origin !== APP_ORIGIN) {
      problems.push(`blocked request: ${url.href}`)
      return route.abort('blockedbyclient')
    }
    const rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)
    const file = normalize(join(RENDERER_DIR, rel))
    if (!file.startsWith(RENDERER_DIR + sep) || !existsSync(file)) {
      return route.fulfill({ status: 404, body: 'not found' })
    }
    return route.fulfill({
      status: 200,
      body: await readFile(file),
      headers: {
        'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': APP_CSP,
        'cache-control': 'no-store',
      },
    })
  })
}

/** `core` for spec code: its user fixtures skip the first-login change unless asked not to. */
function specCore(core: AppCore, dbPath: string, options: OpenAppOptions): AppCore {
  if (options.firstLoginChange) return core
  const dispatch: AppCore['dispatch'] = async (channel, raw) => {
    const result = await core.dispatch(channel, raw)
    if (result.ok && channel === 'users:create') {
      markPasswordChosen(dbPath, (result.data as { id: string }).id)
    }
    if (result.ok && channel === 'users:reset-password') {
      markPasswordChosen(dbPath, (raw as { id: string }).id)
    }
    return result
  }
  return Object.assign(Object.create(core) as AppCore, { dispatch })
}

/** Setup (fresh folder) or login (already set up) through core's dispatch, like the UI would. */
async function signIn(core: AppCore, setup: E2eSetup): Promise<void> {
  const state = await core.dispatch('app:state', {})
  if (!state.ok) throw new Error(`app:state failed: ${state.error.message}`)
  const initialised = (state.data as { initialised: boolean }).initialised
  const result = initialised
    ? await core.dispatch('auth:login', {
        username: setup.admin.username,
        password: setup.admin.password,
      })
    : await core.dispatch('setup:complete', setup)
  if (!result.ok) throw new Error(`e2e sign-in failed: ${result.error.message}`)
}

/** Opens the app on a real core and a fresh Chromium profile, showing the renderer's first screen. */
export async function openApp(options: OpenAppOptions = {}): Promise<OpenedApp> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('out/renderer/index.html is missing: run `npx electron-vite build` first')
  }
  const spec = options.spec ?? specName()
  const dataDir = resolve(options.dataDir ?? (await mkdtemp(join(tmpdir(), 'dd-e2e-'))))
  const platform = createPlatform(dataDir, options.openFile ?? null)
  const core = await createAppCore({
    dataDir,
    ...(options.dbPath ? { dbPath: options.dbPath } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    platform,
    appVersion: APP_VERSION,
    logger: createLogger({ level: 'warn' }),
  })

  const problems: string[] = []
  let browser: Browser | undefined
  try {
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
    })
    // A new context is a fresh, empty profile: no localStorage from earlier runs.
    const context = await browser.newContext({
      viewport: options.viewport ?? { width: 1366, height: 820 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      serviceWorkers: 'block',
    })
    // Fail fast: the UI answers in well under a second; 15 s means something is wrong.
    context.setDefaultTimeout(15_000)
    await routeRenderer(context, problems)
    const page = await context.newPage()
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`)
    })

    // Mirrors main's sender check: only the app's own main frame may call core.
    await page.exposeBinding('__ddInvoke', async (source, channel: unknown, input: unknown) => {
      if (source.frame !== page.mainFrame() || new URL(source.frame.url()).origin !== APP_ORIGIN) {
        return { ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自未知页面的请求' } }
      }
      return core.dispatch(String(channel), input)
    })
    if (options.setup) await signIn(core, options.setup === true ? E2E_SETUP : options.setup)
    await page.addInitScript({ content: await bridge() })
    await page.goto(`${APP_ORIGIN}/index.html`)

    const opened = browser
    let closed = false
    const close = async () => {
      if (closed) return
      closed = true
      await opened.close()
      await core.close()
    }
    return {
      page,
      browser: opened,
      context,
      core: specCore(core, options.dbPath ?? join(dataDir, 'disclosure-desk.sqlite'), options),
      dataDir,
      platform,
      problems,
      async screenshot(name) {
        await mkdir(SCREENSHOT_DIR, { recursive: true })
        const path = join(SCREENSHOT_DIR, `${spec}-${name}.png`)
        // Let transitions (modals, notifications) settle before the picture.
        await page.waitForTimeout(250)
        await page.screenshot({ path, fullPage: true, animations: 'disabled' })
        return path
      },
      close,
      async destroy() {
        await close()
        await rm(dataDir, { recursive: true, force: true })
      },
    }
  } catch (e) {
    await browser?.close()
    await core.close()
    throw e
  }
}
