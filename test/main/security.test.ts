import { describe, expect, it, vi } from 'vitest'
import type { App, Session, WebContents } from 'electron'
import { APP_ENTRY_URL, createOriginPolicy, originOf } from '../../src/main/app-origin'
import {
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicyFor,
  hardenWebContents,
  installSessionSecurity,
  installWebContentsGuards,
  isRequestAllowed,
  withContentSecurityPolicy,
} from '../../src/main/security'
import { FakeWebContents, fakeEvent, fakeSession } from './electron-fakes'

const prod = createOriginPolicy(null)
const dev = createOriginPolicy('http://localhost:5173/')

/** Parses a CSP into directive → sources. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name = '', ...sources]) => [name, sources]),
  )
}

function guarded(policy = prod) {
  const contents = new FakeWebContents()
  const openExternal = vi.fn()
  hardenWebContents(contents as unknown as WebContents, { policy, openExternal })
  return { contents, openExternal }
}

describe('app origin', () => {
  it('gives the custom scheme a real origin, unlike Node URL which says "null"', () => {
    expect(originOf('app://renderer/index.html')).toBe('app://renderer')
    expect(originOf('APP://RENDERER/x')).toBe('app://renderer')
    expect(originOf('https://evil.example/a')).toBe('https://evil.example')
    expect(originOf('file:///etc/passwd')).toBeNull()
    expect(originOf('javascript:alert(1)')).toBeNull()
    expect(originOf('not a url')).toBeNull()
  })

  it('loads app://renderer/index.html in a built app and the dev server in dev', () => {
    expect(prod.entryUrl).toBe(APP_ENTRY_URL)
    expect(prod.devServerOrigin).toBeNull()
    expect(dev.entryUrl).toBe('http://localhost:5173/')
    expect(dev.isAppUrl('http://localhost:5173/src/main.tsx')).toBe(true)
    expect(dev.isAppUrl('http://localhost:5174/')).toBe(false)
  })

  it('refuses a dev server URL that is not http(s)', () => {
    expect(() => createOriginPolicy('file:///tmp/index.html')).toThrow()
  })
})

describe('content security policy', () => {
  const csp = directives(CONTENT_SECURITY_POLICY)

  it('allows scripts only from the app itself: no eval, no inline, no remote', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
    expect(csp.get('script-src')).toEqual(["'self'"])
    expect(csp.get('default-src')).toEqual(["'self'"])
  })

  it('shuts plugins, base URLs, form posts and framing', () => {
    expect(csp.get('object-src')).toEqual(["'none'"])
    expect(csp.get('base-uri')).toEqual(["'none'"])
    expect(csp.get('form-action')).toEqual(["'none'"])
    expect(csp.get('frame-ancestors')).toEqual(["'none'"])
    expect(csp.get('connect-src')).toEqual(["'self'"])
  })

  it('permits inline styles (Mantine) but nothing remote for styles, images or fonts', () => {
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"])
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:'])
    expect(csp.get('font-src')).toEqual(["'self'", 'data:'])
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/)
  })

  it('is unchanged in a built app, and relaxed only for Vite (inline preamble, HMR socket) in dev', () => {
    expect(contentSecurityPolicyFor(prod)).toBe(CONTENT_SECURITY_POLICY)
    const devCsp = directives(contentSecurityPolicyFor(dev))
    expect(devCsp.get('script-src')).toEqual(["'self'", "'unsafe-inline'"])
    expect(devCsp.get('connect-src')).toEqual(["'self'", 'ws://localhost:5173'])
    expect(contentSecurityPolicyFor(dev)).not.toContain('unsafe-eval')
  })

  it('replaces any CSP header in a response, whatever its casing', () => {
    const headers = withContentSecurityPolicy(
      { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] },
      CONTENT_SECURITY_POLICY,
    )
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    })
  })
})

describe('navigation guards', () => {
  it('prevents will-navigate to a remote site and offers it to the external-link flow', () => {
    const { contents, openExternal } = guarded()
    const event = fakeEvent({ url: 'https://evil.example/', isMainFrame: true })
    contents.emit('will-navigate', event)
    expect(event.defaultPrevented).toBe(true)
    expect(openExternal).toHaveBeenCalledWith('https://evil.example/')
  })

  it('allows will-navigate within the app origin', () => {
    const { contents, openExternal } = guarded()
    const event = fakeEvent({ url: 'app://renderer/index.html#/users', isMainFrame: true })
    contents.emit('will-navigate', event)
    expect(event.defaultPrevented).toBe(false)
    expect(openExternal).not.toHaveBeenCalled()
  })

  it('prevents navigation to file:, another app host or javascript: without opening anything', () => {
    for (const url of ['file:///etc/passwd', 'app://evil/index.html', 'javascript:alert(1)']) {
      const { contents, openExternal } = guarded()
      const event = fakeEvent({ url, isMainFrame: true })
      contents.emit('will-navigate', event)
      expect(event.defaultPrevented, url).toBe(true)
      expect(openExternal, url).not.toHaveBeenCalled()
    }
  })

  it('in dev allows the dev server and nothing else', () => {
    const { contents } = guarded(dev)
    const ok = fakeEvent({ url: 'http://localhost:5173/', isMainFrame: true })
    const bad = fakeEvent({ url: 'app://renderer/index.html', isMainFrame: true })
    contents.emit('will-navigate', ok)
    contents.emit('will-navigate', bad)
    expect(ok.defaultPrevented).toBe(false)
    expect(bad.defaultPrevented).toBe(true)
  })

  it('prevents will-redirect away from the app', () => {
    const { contents, openExternal } = guarded()
    const away = fakeEvent({ url: 'https://evil.example/', isMainFrame: true })
    const home = fakeEvent({ url: 'app://renderer/index.html', isMainFrame: true })
    contents.emit('will-redirect', away)
    contents.emit('will-redirect', home)
    expect(away.defaultPrevented).toBe(true)
    expect(home.defaultPrevented).toBe(false)
    expect(openExternal).not.toHaveBeenCalled()
  })

  it('keeps sub-frames on the app', () => {
    const { contents } = guarded()
    const event = fakeEvent({ url: 'https://evil.example/', isMainFrame: false })
    contents.emit('will-frame-navigate', event)
    expect(event.defaultPrevented).toBe(true)
  })

  it('denies every new window; a web link goes to the confirm-then-open flow instead', () => {
    const { contents, openExternal } = guarded()
    expect(contents.windowOpenHandler?.({ url: 'https://www.gov.cn/' })).toEqual({ action: 'deny' })
    expect(openExternal).toHaveBeenCalledWith('https://www.gov.cn/')
    expect(contents.windowOpenHandler?.({ url: 'app://renderer/index.html' })).toEqual({
      action: 'deny',
    })
    expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(openExternal).toHaveBeenCalledTimes(1)
  })

  it('prevents attaching a <webview>', () => {
    const { contents } = guarded()
    const event = fakeEvent({})
    contents.emit('will-attach-webview', event, {}, {})
    expect(event.defaultPrevented).toBe(true)
  })

  it('hardens every webContents the app creates', () => {
    const on = vi.fn()
    installWebContentsGuards({ on } as unknown as App, { policy: prod, openExternal: vi.fn() })
    expect(on).toHaveBeenCalledWith('web-contents-created', expect.any(Function))
    const contents = new FakeWebContents()
    const listener = on.mock.calls[0]?.[1] as (e: unknown, c: unknown) => void
    listener({}, contents)
    expect([...contents.listeners.keys()]).toEqual(
      expect.arrayContaining(['will-navigate', 'will-redirect', 'will-attach-webview']),
    )
    expect(contents.windowOpenHandler).not.toBeNull()
  })
})

describe('session security', () => {
  function installed(policy = prod) {
    const session = fakeSession()
    installSessionSecurity(session as unknown as Session, policy)
    return session
  }

  it('denies every permission request and check', () => {
    const session = installed()
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'hid']) {
      const callback = vi.fn()
      session.permissionRequestHandler?.({}, permission, callback)
      expect(callback).toHaveBeenCalledWith(false)
      expect(session.permissionCheckHandler?.({}, permission, 'app://renderer', {})).toBe(false)
    }
    expect(session.devicePermissionHandler?.({})).toBe(false)
  })

  it('cancels every request that is not the app, DevTools or in-memory data', () => {
    const session = installed()
    const decide = (url: string): boolean | undefined => {
      let cancel: boolean | undefined
      session.beforeRequest?.({ url }, (response) => (cancel = response.cancel))
      return cancel
    }
    expect(decide('app://renderer/assets/index.js')).toBe(false)
    expect(decide('devtools://devtools/bundled/inspector.html')).toBe(false)
    expect(decide('data:image/png;base64,AAAA')).toBe(false)
    expect(decide('https://cdn.example/lib.js')).toBe(true)
    expect(decide('http://localhost:5173/')).toBe(true)
    expect(decide('file:///etc/passwd')).toBe(true)
    expect(decide('app://evil/x.js')).toBe(true)
    expect(decide('wss://evil.example/')).toBe(true)
  })

  it('lets the dev server and its HMR socket through only in dev', () => {
    expect(isRequestAllowed('http://localhost:5173/@vite/client', dev)).toBe(true)
    expect(isRequestAllowed('ws://localhost:5173/', dev)).toBe(true)
    expect(isRequestAllowed('http://localhost:8080/', dev)).toBe(false)
    expect(isRequestAllowed('https://evil.example/', dev)).toBe(false)
    expect(isRequestAllowed('ws://localhost:5173/', prod)).toBe(false)
  })

  it('attaches the CSP to every response', () => {
    const session = installed()
    let headers: Record<string, string[]> | undefined
    session.headersReceived?.(
      { url: 'app://renderer/index.html', responseHeaders: { 'Content-Type': ['text/html'] } },
      (response) => (headers = response.responseHeaders),
    )
    expect(headers?.['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY])
    expect(headers?.['Content-Type']).toEqual(['text/html'])
  })
})
