import { beforeAll, describe, expect, it, vi } from 'vitest'
import { CHANNELS } from '../../src/shared/contract'

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: {
    invoke: vi.fn(async () => ({ ok: true, data: null })),
    send: vi.fn(),
    on: vi.fn(),
  },
}))
vi.mock('electron', () => electron)

let api: Record<string, Record<string, unknown>>

beforeAll(async () => {
  await import('../../src/preload/index')
  api = electron.contextBridge.exposeInMainWorld.mock.calls[0]?.[1] as typeof api
})

/** Every value reachable from `root`, to prove ipcRenderer is nowhere inside. */
function reachable(root: unknown, seen = new Set<unknown>()): unknown[] {
  if (root === null || (typeof root !== 'object' && typeof root !== 'function') || seen.has(root)) {
    return []
  }
  seen.add(root)
  return [root, ...Object.values(root).flatMap((v) => reachable(v, seen))]
}

describe('preload', () => {
  it("exposes exactly one global, 'api'", () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce()
    expect(electron.contextBridge.exposeInMainWorld.mock.calls[0]?.[0]).toBe('api')
  })

  it('exposes only named functions grouped by domain, one per contract channel', () => {
    const domains = [...new Set(CHANNELS.map((c) => c.split(':')[0]))]
    expect(Object.keys(api).sort()).toEqual(domains.sort())
    let count = 0
    for (const group of Object.values(api)) {
      expect(typeof group).toBe('object')
      for (const fn of Object.values(group)) {
        expect(typeof fn).toBe('function')
        count++
      }
    }
    expect(count).toBe(CHANNELS.length)
  })

  it('never exposes ipcRenderer or a generic invoke/send/on', () => {
    const everything = reachable(api)
    expect(everything).not.toContain(electron.ipcRenderer)
    expect(everything).not.toContain(electron.ipcRenderer.invoke)
    expect(everything).not.toContain(electron.ipcRenderer.send)
    const names = Object.values(api).flatMap((group) => Object.keys(group))
    for (const forbidden of ['invoke', 'send', 'on', 'ipcRenderer', 'sendSync', 'postMessage']) {
      expect(Object.keys(api)).not.toContain(forbidden)
      expect(names).not.toContain(forbidden)
    }
  })

  it("api.users.resetPassword(x) invokes channel 'users:reset-password' with x", async () => {
    const input = { userId: 'u1', newPassword: 'Secret123!' }
    const resetPassword = api['users']?.['resetPassword'] as (x: unknown) => Promise<unknown>
    await expect(resetPassword(input)).resolves.toEqual({ ok: true, data: null })
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(
      'users:reset-password',
      input,
    )
  })

  it('maps every function to its own channel', async () => {
    electron.ipcRenderer.invoke.mockClear()
    const fn = api['shell']?.['openExternal'] as (x: unknown) => Promise<unknown>
    await fn({ url: 'https://www.gov.cn/' })
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('shell:open-external', {
      url: 'https://www.gov.cn/',
    })
  })
})
