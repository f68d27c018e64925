import { describe, expect, it } from 'vitest'
import { sharedCommentThrottle } from '../../src/server/consultations/throttle'
import { databaseRateLimitStore } from '../../src/server/http/rate-limit-store'
import { useBackend } from './helpers/backends'
import { consultationBody } from './helpers/consultation-body'
import { makeItem, newItemId, putBody } from './helpers/payloads'
import { call, department, NOW, useServers } from './helpers/test-server'

/**
 * The public comment limit behind a load balancer (issue 14: 「1,000 comments from one address
 * are throttled」): two server instances — two Fastify apps, each with its own pool — on one
 * PostgreSQL count one address's comments together (rate_limit_counters, the store the API
 * limiter uses), so the address gets the same 10 per window whichever instance it reaches.
 */
describe('the comment limit across two server instances on one PostgreSQL', () => {
  const backend = useBackend('postgres')
  const server = useServers()

  it('throttles 1,000 comments from one address sent alternately to both instances', async () => {
    const first = await backend.fresh()
    const second = await backend.another()
    const one = await server(first.db, { clock: () => NOW })
    const two = await server(second.db, { clock: () => NOW })
    const a = await department(first.db, 'A', '区科技局')
    const noticeId = newItemId()
    await call(
      one,
      a.token,
      'PUT',
      `/api/v1/items/${noticeId}`,
      putBody(1, makeItem({ kind: 'consultation', title: '关于公开征求意见的公告' })),
    )
    const id = newItemId()
    const put = await call(
      two,
      a.token,
      'PUT',
      `/api/v1/consultations/${id}`,
      consultationBody(noticeId, { attachments: [] }),
    )
    expect(put.statusCode).toBe(201)

    const post = (i: number, ip: string) =>
      (i % 2 ? two : one).inject({
        method: 'POST',
        url: `/consultations/${id}/comments`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ body: `批量意见 ${i}` }).toString(),
        remoteAddress: ip,
      })
    const statuses: number[] = []
    for (let i = 0; i < 1000; i++) statuses.push((await post(i, '198.51.100.9')).statusCode)
    // Each instance alone would have let 10 through (20 in all); together they let 10.
    expect(statuses.filter((s) => s === 201)).toHaveLength(10)
    expect(statuses.filter((s) => s === 429)).toHaveLength(990)
    const refused = await post(1, '198.51.100.9')
    expect(refused.statusCode).toBe(429)
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
    expect(refused.body).toContain('提交意见过于频繁')
    // Another address has its own budget, on either instance.
    expect((await post(0, '198.51.100.10')).statusCode).toBe(201)
    expect((await post(1, '198.51.100.10')).statusCode).toBe(201)
    const feed = (
      await call(one, a.token, 'GET', '/api/v1/consultations/comments?limit=1000')
    ).json()
    expect(feed.comments).toHaveLength(12)
  })

  it('keeps the comment page’s 10-minute windows when the API limiter sweeps its ended 1-minute ones', async () => {
    const { db } = await backend.fresh()
    let now = 1_000_000
    const Store = databaseRateLimitStore(db, () => now)
    const api = new Store()
    const incr = (key: string, windowMs: number) =>
      new Promise<{ current: number; ttl: number }>((resolve, reject) =>
        api.incr(
          key,
          (e, r) => (e || !r ? reject(e ?? new Error('no result')) : resolve(r)),
          windowMs,
        ),
      )
    const comments = sharedCommentThrottle(db, { max: 2, windowMs: 600_000 }, () => new Date(now))
    expect([await comments.hit('198.51.100.9'), await comments.hit('198.51.100.9')]).toEqual([
      null,
      null,
    ])
    // Two minutes on, the API limiter counts 500 requests of its 1-minute window: a sweep.
    now += 120_000
    for (let i = 0; i < 500; i++) await incr(`t:${i % 7}`, 60_000)
    // The comment window (10 minutes) is still running: the third comment is refused.
    expect(await comments.hit('198.51.100.9')).toBe(480)
    now += 480_000
    expect(await comments.hit('198.51.100.9')).toBeNull()
  })
})
