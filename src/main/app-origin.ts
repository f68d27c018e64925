/**
 * Which URLs count as "the app itself". The built renderer is served from a privileged custom
 * scheme (`app://renderer/…`) rather than `file://`, so the app has a real origin that the CSP,
 * the navigation guards and the IPC sender check can all compare against.
 */

export const APP_SCHEME = 'app'
export const APP_HOST = 'renderer'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/** Schemes whose origin WHATWG `URL` computes itself (tuple origins). */
const TUPLE_ORIGIN_PROTOCOLS = new Set(['http:', 'https:', 'ws:', 'wss:'])

/**
 * The origin of `url` as `scheme://host[:port]`, or null for opaque origins (file:, data:,
 * about:, javascript:, unparsable input). Node's `URL` reports "null" as the origin of every
 * non-special scheme, including our registered-as-standard `app:`, so that case is built by hand.
 */
export function originOf(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (TUPLE_ORIGIN_PROTOCOLS.has(parsed.protocol)) return parsed.origin
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host !== '') {
    return `${APP_SCHEME}://${parsed.host.toLowerCase()}`
  }
  return null
}

export interface OriginPolicy {
  /** Where the main window loads its page: `app://renderer/index.html`, or the dev server. */
  readonly entryUrl: string
  /** The dev server's origin during `electron-vite dev`; null in a built app. */
  readonly devServerOrigin: string | null
  /** True when `url` belongs to the app's own pages (same origin as `entryUrl`). */
  isAppUrl(url: string): boolean
}

/**
 * Builds the policy for this run. `devServerUrl` is electron-vite's `ELECTRON_RENDERER_URL`; the
 * caller passes it only for an unpackaged app, so an environment variable can never point a
 * shipped build at remote content.
 */
export function createOriginPolicy(devServerUrl?: string | null): OriginPolicy {
  const devServerOrigin = devServerUrl ? originOf(devServerUrl) : null
  if (devServerUrl && !devServerOrigin?.startsWith('http')) {
    throw new Error(`开发服务器地址无效：${devServerUrl}`)
  }
  const trusted = devServerOrigin ?? APP_ORIGIN
  return {
    entryUrl: devServerOrigin && devServerUrl ? devServerUrl : APP_ENTRY_URL,
    devServerOrigin,
    isAppUrl: (url) => originOf(url) === trusted,
  }
}
