import { readFile as fsReadFile } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'
import { protocol } from 'electron'
import { APP_HOST, APP_SCHEME } from './app-origin'
import { CONTENT_SECURITY_POLICY } from './security'

/**
 * Serves the built renderer (`out/renderer`) under `app://renderer/…`. Chromium gives a standard,
 * secure scheme a proper origin, which `file://` lacks; the cost is that we must do the static
 * file server's job ourselves, path-traversal check included.
 */

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
}

/** The Content-Type for a served file; unknown extensions are opaque bytes (never sniffed). */
export function mimeTypeFor(file: string): string {
  return MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * Maps an `app://renderer/<path>` URL to a file inside `rendererDir`, or null when the URL is for
 * another host, is malformed, or would escape the folder (`..`, `%2e%2e`, `%2f`, `\`, NUL, a drive
 * letter). The check runs on the decoded, resolved path, so no encoding trick gets past it.
 */
export function resolveRendererFile(rendererDir: string, requestUrl: string): string | null {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST) return null

  let pathname: string
  try {
    pathname = decodeURIComponent(url.pathname)
  } catch {
    return null // malformed percent-encoding
  }
  // A backslash is a separator on Windows; NUL truncates paths in some APIs. Neither is legitimate.
  if (pathname.includes('\\') || pathname.includes('\0')) return null

  const wanted = pathname.replace(/^\/+/, '')
  const root = resolve(rendererDir)
  const file = resolve(root, wanted === '' ? 'index.html' : wanted)
  const rel = relative(root, file)
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return null
  return file
}

export interface AppProtocolOptions {
  /** Injected for tests; defaults to `fs.promises.readFile` (which also reads inside app.asar). */
  readFile?: (file: string) => Promise<Uint8Array>
}

/** Security headers sent with every response from the app scheme. */
function baseHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  }
}

function plainResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...baseHeaders(), 'Content-Type': 'text/plain; charset=utf-8' },
  })
}

/** The handler for `protocol.handle('app', …)`: GET/HEAD of files inside `rendererDir`, else 404. */
export function createAppProtocolHandler(
  rendererDir: string,
  options: AppProtocolOptions = {},
): (request: Request) => Promise<Response> {
  const readFile = options.readFile ?? fsReadFile
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return plainResponse(405, 'Method Not Allowed')
    }
    const file = resolveRendererFile(rendererDir, request.url)
    if (file === null) return plainResponse(404, 'Not Found')

    let body: Uint8Array
    try {
      body = await readFile(file)
    } catch {
      // Missing file or a directory: the same answer, and no file-system details leak out.
      return plainResponse(404, 'Not Found')
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { ...baseHeaders(), 'Content-Type': mimeTypeFor(file) },
    })
  }
}

/**
 * Declares `app:` a standard, secure scheme. Must run before the app is ready: Chromium reads the
 * list once at start-up. Standard gives relative URLs and a real origin; secure gives a secure
 * context; supportFetchAPI lets the page fetch its own assets. No CORS bypass, no service workers.
 */
export function registerAppSchemeAsPrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

/** Serves `rendererDir` on the app scheme of the default session (call after `app.whenReady`). */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir))
}
