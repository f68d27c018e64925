import { describe, expect, it } from 'vitest'
import { publishItem, returnItem } from '../../src/server/changes/district-actions'
import { AdminError } from '../../src/server/departments/departments-service'
import { BACKENDS, useBackend } from './helpers/backends'
import { makeItem, newItemId, putBody } from './helpers/payloads'
import { call, department, NOW, useServers } from './helpers/test-server'

const at = NOW.toISOString()

describe.each(BACKENDS)('change feed and district actions (%s)', (kind) => {
  const backend = useBackend(kind)
  const server = useServers()

  async function setup() {
    const { db } = await backend.fresh()
    const app = await server(db)
    const { token } = await department(db, 'A')
    const other = await department(db, 'B')
    return { db, app, token, otherToken: other.token }
  }

  it('reports received, published (with URL), returned (with reason) and withdrawn in order', async () => {
    const { db, app, token } = await setup()
    const id = newItemId()
    await call(app, token, 'PUT', `/api/v1/items/${id}`, putBody(1))
    await publishItem(db, id, 'https://www.example.gov.cn/xxgk/2026/1.html', at)
    await returnItem(db, id, '附件缺少盖章页', at)
    await call(
      app,
      token,
      'PUT',
      `/api/v1/items/${id}`,
      putBody(2, makeItem({ title: '补充盖章页' })),
    )
    await call(app, token, 'POST', `/api/v1/items/${id}/withdraw`, { reason: '暂缓公开' })

    const page = (await call(app, token, 'GET', '/api/v1/changes')).json()
    expect(page.hasMore).toBe(false)
    expect(page.changes).toEqual([
      { itemId: id, type: 'received', revision: 1, at },
      {
        itemId: id,
        type: 'published',
        revision: 1,
        url: 'https://www.example.gov.cn/xxgk/2026/1.html',
        at,
      },
      { itemId: id, type: 'returned', revision: 1, reason: '附件缺少盖章页', at },
      { itemId: id, type: 'received', revision: 2, at },
      { itemId: id, type: 'withdrawn', revision: 2, reason: '暂缓公开', at },
    ])
    const after = (
      await call(app, token, 'GET', `/api/v1/changes?cursor=${page.nextCursor}`)
    ).json()
    expect(after).toEqual({ changes: [], nextCursor: page.nextCursor, hasMore: false })
  })

  it('pages with limit and a cursor that only moves forward', async () => {
    const { app, token } = await setup()
    const ids = [newItemId(), newItemId(), newItemId(), newItemId(), newItemId()]
    for (const id of ids) await call(app, token, 'PUT', `/api/v1/items/${id}`, putBody(1))
    const seen: string[] = []
    let cursor = ''
    const cursors: string[] = []
    for (;;) {
      const page = (
        await call(app, token, 'GET', `/api/v1/changes?limit=2&cursor=${cursor}`)
      ).json()
      seen.push(...page.changes.map((c: { itemId: string }) => c.itemId))
      cursors.push(page.nextCursor)
      cursor = page.nextCursor
      if (!page.hasMore) break
    }
    expect(seen).toEqual(ids)
    expect(cursors).toHaveLength(3)
    expect(new Set(cursors).size).toBe(3)
  })

  it('shows a department only its own changes and refuses a malformed cursor', async () => {
    const { app, token, otherToken } = await setup()
    await call(app, token, 'PUT', `/api/v1/items/${newItemId()}`, putBody(1))
    expect((await call(app, otherToken, 'GET', '/api/v1/changes')).json().changes).toEqual([])
    for (const cursor of ['abc', '-1', 'c-5', "c1' OR 1=1"]) {
      const res = await call(
        app,
        token,
        'GET',
        `/api/v1/changes?cursor=${encodeURIComponent(cursor)}`,
      )
      expect(res.statusCode, cursor).toBe(400)
      expect(res.json().error.code).toBe('INVALID_CURSOR')
    }
    expect((await call(app, token, 'GET', '/api/v1/changes?limit=0')).statusCode).toBe(400)
  })

  it('makes publish and return idempotent and refuses them for withdrawn or unknown items', async () => {
    const { db, app, token } = await setup()
    const id = newItemId()
    await call(app, token, 'PUT', `/api/v1/items/${id}`, putBody(1))
    expect((await publishItem(db, id, 'https://gov.example/a', at)).changed).toBe(true)
    expect((await publishItem(db, id, 'https://gov.example/a', at)).changed).toBe(false)
    expect((await returnItem(db, id, '标题有误', at)).changed).toBe(true)
    expect((await returnItem(db, id, '标题有误', at)).changed).toBe(false)
    const item = (await call(app, token, 'GET', `/api/v1/items/${id}`)).json()
    expect(item).toMatchObject({
      status: 'returned',
      statusReason: '标题有误',
      publishedUrl: 'https://gov.example/a',
    })
    await call(app, token, 'POST', `/api/v1/items/${id}/withdraw`, { reason: '撤回' })
    await expect(publishItem(db, id, 'https://gov.example/b', at)).rejects.toThrow(AdminError)
    await expect(returnItem(db, id, '再退回', at)).rejects.toThrow(/撤回/)
    await expect(publishItem(db, newItemId(), 'https://gov.example/c', at)).rejects.toThrow(
      /没有编号/,
    )
    expect((await call(app, token, 'GET', '/api/v1/changes')).json().changes).toHaveLength(4)
  })

  it('accepts only http(s) publication links', async () => {
    const { db, app, token } = await setup()
    const id = newItemId()
    await call(app, token, 'PUT', `/api/v1/items/${id}`, putBody(1))
    for (const url of [
      'javascript:alert(1)',
      'ftp://gov.example/x',
      'not a url',
      'data:text/html,hi',
    ]) {
      await expect(publishItem(db, id, url, at), url).rejects.toThrow(AdminError)
    }
  })
})
