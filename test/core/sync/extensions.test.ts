import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { SyncExtension } from '../../../src/core/sync/extensions'
import { SYNC_EXTENSIONS } from '../../../src/core/sync/extensions-list'
import { healthSchema } from '../../../src/shared/sync/wire'
import { startTestServer, type TestServer } from './helpers'
import { syncDesk } from './sync-setup'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.destroy()
})

describe('sync extension point (src/core/sync/extensions.ts)', () => {
  it('runs every extension after the changes feed, before the anchor; failures are kept by name and never fail the items phase', async () => {
    const seen: string[] = []
    const extensions: SyncExtension[] = [
      {
        name: 'ok-one',
        label: '健康检查',
        run: async (d) => {
          const res = await d.request('GET', '/health', undefined, healthSchema)
          seen.push(res.kind === 'ok' ? res.body.status : res.kind)
          expect(d.actor).toBeNull()
          expect(typeof d.events.emit).toBe('function')
          return { kind: 'done' }
        },
      },
      {
        name: 'throws',
        label: '会出错的扩展',
        run: () => Promise.reject(new Error('boom')),
      },
      {
        name: 'missing',
        label: '不存在的接口',
        run: async (d) => {
          const res = await d.request('GET', '/nothing-here', undefined, z.object({}))
          return res.kind === 'rejected'
            ? { kind: 'transient', message: `区级服务器拒绝：${res.code}` }
            : { kind: 'done' }
        },
      },
      {
        name: 'wrong-shape',
        label: '回答不符',
        run: async (d) => {
          // /health answers, but not in this schema: the helper checks every 2xx with zod.
          const res = await d.request(
            'GET',
            '/health',
            undefined,
            z.object({ rows: z.array(z.string()) }),
          )
          return res.kind === 'transient'
            ? { kind: 'transient', message: res.message }
            : { kind: 'done' }
        },
      },
    ]
    const desk = await syncDesk(server, { sync: { extensions } })
    try {
      await desk.approvedItem('关于扩展点的通知')
      expect(await desk.t.core.sync.runOnce()).toEqual({ kind: 'done' })
      expect(seen).toEqual(['ok'])
      expect(desk.requests).toEqual([
        'POST /api/v1/items/batch',
        'GET /api/v1/changes',
        'GET /api/v1/health',
        'GET /api/v1/nothing-here',
        'GET /api/v1/health',
        'PUT /api/v1/audit-anchors',
      ])
      const status = await desk.t.core.sync.status()
      expect(status.lastError).toBeNull()
      expect(status.counts.pending).toBe(0)
      expect(status.extensions.map((e) => [e.label, e.ok])).toEqual([
        ['健康检查', true],
        ['会出错的扩展', false],
        ['不存在的接口', false],
        ['回答不符', false],
      ])
      expect(status.extensions[1]?.message).toMatch(/内部错误/)
      expect(status.extensions[2]?.message).toBe('区级服务器拒绝：NOT_FOUND')
      expect(status.extensions[3]?.message).toMatch(/不符合同步协议/)
      // The 同步 page reads the same status through the contract.
      const overview = await desk.t.call('sync:overview', {})
      expect(overview.status.extensions).toHaveLength(4)
    } finally {
      await desk.close()
    }
  })

  it('refuses a path that leaves /api/v1 and never follows a redirect', async () => {
    let outcome: unknown = null
    const redirecting = async (input: string, init: RequestInit) => {
      if (new URL(input).pathname === '/api/v1/elsewhere') {
        expect(init.redirect).toBe('error')
        expect((init.headers as Record<string, string>)['authorization']).toMatch(/^Bearer ddt_/)
        throw new TypeError('fetch failed', { cause: new Error('unexpected redirect') })
      }
      return fetch(input, init)
    }
    const extensions: SyncExtension[] = [
      {
        name: 'bad-path',
        label: '越界路径',
        run: async (d) => {
          await d.request('GET', '//evil.example/x', undefined, z.object({}))
          return { kind: 'done' }
        },
      },
      {
        name: 'redirect',
        label: '跳转',
        run: async (d) => {
          const res = await d.request('GET', '/elsewhere', undefined, z.object({}))
          outcome = res
          return res.kind === 'ok' ? { kind: 'done' } : { kind: 'transient', message: '跳转' }
        },
      },
    ]
    const desk = await syncDesk(server, { sync: { extensions, fetch: redirecting } })
    try {
      expect(await desk.t.core.sync.runOnce(true)).toEqual({ kind: 'done' })
      expect(outcome).toMatchObject({ kind: 'transient', message: expect.stringMatching(/重定向/) })
      const status = await desk.t.core.sync.status()
      expect(status.extensions.map((e) => [e.name, e.ok])).toEqual([
        ['bad-path', false],
        ['redirect', false],
      ])
      expect(desk.requests).not.toContain('GET //evil.example/x')
    } finally {
      await desk.close()
    }
  })

  it('the registered list names each extension once, with a Chinese label', () => {
    const names = SYNC_EXTENSIONS.map((e) => e.name)
    expect(new Set(names).size).toBe(names.length)
    for (const e of SYNC_EXTENSIONS) expect(e.label).toMatch(/\p{Script=Han}/u)
  })
})
