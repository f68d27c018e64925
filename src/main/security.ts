import type { App, Session, WebContents } from 'electron'
import type { OriginPolicy } from './app-origin'
import { APP_ORIGIN, originOf } from './app-origin'

/**
 * The window's Content-Security-Policy. Scripts only from the app itself (no inline, no eval);
 * styles may be inline because Mantine injects its CSS variables at run time; images and fonts may
 * also come from data:/blob: (generated previews, embedded fonts); nothing may be fetched from
 * elsewhere, framed, posted or used as a base URL.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

/**
 * The policy for this run. Under `electron-vite dev` the page comes from Vite, whose React
 * Fast Refresh preamble is an inline script and whose HMR uses a WebSocket; only then are those
 * two relaxations added. A built app always gets `CONTENT_SECURITY_POLICY` unchanged.
 */
export function contentSecurityPolicyFor(policy: OriginPolicy): string {
  const dev = policy.devServerOrigin
  if (!dev) return CONTENT_SECURITY_POLICY
  const ws = dev.replace(/^http/, 'ws')
  return CONTENT_SECURITY_POLICY.replace(
    "script-src 'self'",
    "script-src 'self' 'unsafe-inline'",
  ).replace("connect-src 'self'", `connect-src 'self' ${ws}`)
}

/** Schemes the renderer may always load: its own files, DevTools, and in-memory images/fonts. */
const ALWAYS_ALLOWED_PROTOCOLS = new Set(['devtools:', 'data:', 'blob:'])

/**
 * "No remote content": true only for the app's own scheme, DevTools, data:/blob:, and (in dev)
 * the Vite server over http(s) or its HMR WebSocket. Everything else is cancelled.
 */
export function isRequestAllowed(url: string, policy: OriginPolicy): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (ALWAYS_ALLOWED_PROTOCOLS.has(parsed.protocol)) return true
  if (originOf(url) === APP_ORIGIN) return true
  if (policy.devServerOrigin) {
    const dev = new URL(policy.devServerOrigin)
    const sameFamily =
      parsed.protocol === dev.protocol || parsed.protocol === dev.protocol.replace(/^http/, 'ws')
    if (sameFamily && parsed.host === dev.host) return true
  }
  return false
}

/** Replaces any CSP header (whatever its casing) in a response-header map with ours. */
export function withContentSecurityPolicy(
  headers: Record<string, string[]> | undefined,
  csp: string,
): Record<string, string[]> {
  const result: Record<string, string[]> = {}
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value
  }
  result['Content-Security-Policy'] = [csp]
  return result
}

/**
 * Session-wide defences: deny every permission (camera, notifications, geolocation, HID, …: the
 * app needs none), cancel requests to anything but the app, and attach the CSP to every response.
 */
export function installSessionSecurity(ses: Session, policy: OriginPolicy): void {
  const csp = contentSecurityPolicyFor(policy)
  ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.setDevicePermissionHandler(() => false)
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isRequestAllowed(details.url, policy) })
  })
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, csp) })
  })
}

/** True for URLs a browser should open: http and https only. */
export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url)
    return protocol === 'http:' || protocol === 'https:'
  } catch {
    return false
  }
}

export interface WebContentsGuardOptions {
  policy: OriginPolicy
  /** The confirm-then-open flow (platform.ts); only ever given http(s) URLs. */
  openExternal: (url: string) => unknown
}

/**
 * Keeps a webContents on the app's own pages: navigations and redirects elsewhere are cancelled,
 * new windows are always denied, and `<webview>` can never attach. A web link the user clicked
 * (same window or `target=_blank`) is handed to the confirm-then-open-in-browser flow instead.
 */
export function hardenWebContents(contents: WebContents, options: WebContentsGuardOptions): void {
  const { policy, openExternal } = options

  contents.on('will-navigate', (event) => {
    if (policy.isAppUrl(event.url)) return
    event.preventDefault()
    if (isWebUrl(event.url)) openExternal(event.url)
  })
  // Sub-frames (the app has none) get no external-link flow: just stay on the app.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !policy.isAppUrl(event.url)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => {
    if (!policy.isAppUrl(event.url)) event.preventDefault()
  })
  contents.setWindowOpenHandler(({ url }) => {
    if (isWebUrl(url)) openExternal(url)
    return { action: 'deny' }
  })
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
  })
}

/** Hardens every webContents the app ever creates (windows, DevTools, anything unexpected). */
export function installWebContentsGuards(app: App, options: WebContentsGuardOptions): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, options))
}
