import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

const electron = vi.hoisted(() => ({
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}))
vi.mock('electron', () => electron)

import {
  createAppProtocolHandler,
  mimeTypeFor,
  registerAppSchemeAsPrivileged,
  resolveRendererFile,
  serveRenderer,
} from '../../src/main/app-protocol'
import { CONTENT_SECURITY_POLICY } from '../../src/main/security'

let root: string
let rendererDir: string
const SECRET = 'TOP-SECRET-OUTSIDE-RENDERER'

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'app-protocol-'))
  rendererDir = join(root, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>政务公开工作台</title>')
  writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)')
  writeFileSync(join(rendererDir, 'assets', 'index-abc.css'), 'body{}')
  writeFileSync(join(rendererDir, 'assets', 'font.woff2'), 'x')
  writeFileSync(join(rendererDir, 'assets', 'blob.bin'), 'x')
  // A file right next to the renderer folder: what a traversal would try to read.
  writeFileSync(join(root, 'secret.txt'), SECRET)
  mkdirSync(join(root, 'renderer-evil'))
  writeFileSync(join(root, 'renderer-evil', 'x.js'), SECRET)
})

afterAll(() => rmSync(root, { recursive: true, force: true }))

/** A request as Electron's protocol.handle passes it (a fetch Request). */
const get = (url: string, method = 'GET') =>
  createAppProtocolHandler(rendererDir)(
    // A plain object keeps the raw URL exactly as written, before any normalisation by Request.
    { url, method } as Request,
  )

describe('app:// protocol handler', () => {
  it('serves index.html for the root and by name, with the CSP and nosniff headers', async () => {
    for (const url of ['app://renderer/', 'app://renderer', 'app://renderer/index.html']) {
      const res = await get(url)
      expect(res.status, url).toBe(200)
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(await res.text()).toContain('政务公开工作台')
    }
  })

  it('serves assets with the right MIME types', async () => {
    const js = await get('app://renderer/assets/index-abc.js')
    expect(js.status).toBe(200)
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await js.text()).toBe('console.log(1)')
    expect((await get('app://renderer/assets/index-abc.css')).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    )
    expect((await get('app://renderer/assets/font.woff2')).headers.get('content-type')).toBe(
      'font/woff2',
    )
    expect((await get('app://renderer/assets/blob.bin')).headers.get('content-type')).toBe(
      'application/octet-stream',
    )
  })

  it.each([
    'app://renderer/../../etc/passwd',
    'app://renderer/../secret.txt',
    'app://renderer/%2e%2e/secret.txt',
    'app://renderer/%2E%2E/secret.txt',
    'app://renderer/..%2fsecret.txt',
    'app://renderer/%2e%2e%2fsecret.txt',
    'app://renderer/assets/..%2f..%2fsecret.txt',
    'app://renderer/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://renderer/..%5csecret.txt',
    'app://renderer/..%2frenderer-evil%2fx.js',
    'app://renderer/%2fetc%2fpasswd',
    'app://renderer/index.html%00.js',
    'app://renderer/%E0%A4%A',
  ])('refuses path traversal and malformed paths: %s', async (url) => {
    const res = await get(url)
    expect(res.status).toBe(404)
    expect(await res.text()).not.toContain(SECRET)
  })

  it('answers 404 for missing files, directories and other hosts', async () => {
    expect((await get('app://renderer/nope.js')).status).toBe(404)
    expect((await get('app://renderer/assets')).status).toBe(404)
    expect((await get('app://evil/index.html')).status).toBe(404)
    expect((await get('https://renderer/index.html')).status).toBe(404)
  })

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://renderer/index.html', 'POST')).status).toBe(405)
    const head = await get('app://renderer/index.html', 'HEAD')
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })
})

describe('resolveRendererFile', () => {
  it('keeps every resolved path inside the renderer folder', () => {
    expect(resolveRendererFile(rendererDir, 'app://renderer/assets/index-abc.js')).toBe(
      join(rendererDir, 'assets', 'index-abc.js'),
    )
    expect(resolveRendererFile(rendererDir, 'app://renderer/..%2f..%2f..%2fetc/passwd')).toBeNull()
    // The URL parser itself folds `%2e%2e` at the root back to `/`: still inside.
    expect(resolveRendererFile(rendererDir, 'app://renderer/%2e%2e')).toBe(
      join(rendererDir, 'index.html'),
    )
    expect(resolveRendererFile(rendererDir, 'app://renderer/a/..%2f..%2fsecret.txt')).toBeNull()
  })

  it('maps extensions to MIME types', () => {
    expect(mimeTypeFor('a/index.HTML')).toBe('text/html; charset=utf-8')
    expect(mimeTypeFor('a/x.svg')).toBe('image/svg+xml')
    expect(mimeTypeFor('a/x')).toBe('application/octet-stream')
  })
})

describe('scheme registration', () => {
  it('registers app: as standard + secure + fetch, and nothing more permissive', () => {
    registerAppSchemeAsPrivileged()
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ])
  })

  it('installs the handler on the app scheme', () => {
    serveRenderer(rendererDir)
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function))
  })
})
