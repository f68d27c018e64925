import { describe, expect, it } from 'vitest'
import { BACKENDS, useBackend } from './helpers/backends'
import { useServers } from './helpers/test-server'

describe.each(BACKENDS)('OpenAPI document (%s)', (kind) => {
  const backend = useBackend(kind)
  const server = useServers()

  it('serves an OpenAPI 3.1 document covering every route, without a token', async () => {
    const { db } = await backend.fresh()
    const app = await server(db)
    const res = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })
    expect(res.statusCode).toBe(200)
    const doc = res.json()
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/audit-anchors',
      '/calendar',
      '/changes',
      '/health',
      '/items/batch',
      '/items/{id}',
      '/items/{id}/withdraw',
      '/schedule/breakdowns',
      '/schedule/breakdowns/{year}',
      '/schedule/tables/{year}',
    ])
    const put = doc.paths['/items/{id}'].put.requestBody.content['application/json'].schema
    expect(put.required).toEqual(expect.arrayContaining(['revision', 'contentHash', 'item']))
    expect(put.properties.item.required).toEqual(
      expect.arrayContaining(['title', 'kind', 'bodyHtml', 'approvedAt', 'approvedBy']),
    )
    expect(put.properties.contentHash.pattern).toBeDefined()
    expect(doc.paths['/items/{id}'].put.responses['422']).toBeDefined()
  })

  it('answers unknown routes with the JSON error shape', async () => {
    const { db } = await backend.fresh()
    const app = await server(db)
    const res = await app.inject({ method: 'GET', url: '/api/v2/nothing' })
    expect(res.statusCode).toBe(404)
    expect(res.json().error.code).toBe('NOT_FOUND')
  })
})
