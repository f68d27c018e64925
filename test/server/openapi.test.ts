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
      '/blobs/query',
      '/blobs/{sha256}',
      '/blobs/{sha256}/chunks/{index}',
      '/blobs/{sha256}/status',
      '/calendar',
      '/changes',
      '/consultations/{id}/attachments/{sha256}',
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
    // Protocol v2 uploads: the chunk is raw bytes with its own hash; statuses from the wire schema.
    const chunk = doc.paths['/blobs/{sha256}/chunks/{index}'].put
    expect(Object.keys(chunk.requestBody.content)).toEqual(['application/octet-stream'])
    expect(chunk.parameters.map((p: { name: string }) => p.name)).toEqual([
      'sha256',
      'index',
      'x-chunk-sha256',
    ])
    expect(chunk.responses['422'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/Error',
    )
    const status = chunk.responses['200'].content['application/json'].schema
    expect(status.required).toEqual(
      expect.arrayContaining(['chunkSize', 'chunkCount', 'received', 'complete']),
    )
    // The public page's download (issue 14) is at the server's root, without a token.
    const download = doc.paths['/consultations/{id}/attachments/{sha256}']
    expect(download.servers).toEqual([{ url: '/' }])
    expect(download.get.security).toEqual([])
    expect(Object.keys(download.get.responses).sort()).toEqual(['200', '404', '503'])
    expect(doc.components.schemas.Error.properties.error.properties.code.enum).toEqual(
      expect.arrayContaining(['QUOTA_EXCEEDED', 'CHUNK_HASH_MISMATCH', 'FILE_HASH_MISMATCH']),
    )
  })

  it('answers unknown routes with the JSON error shape', async () => {
    const { db } = await backend.fresh()
    const app = await server(db)
    const res = await app.inject({ method: 'GET', url: '/api/v2/nothing' })
    expect(res.statusCode).toBe(404)
    expect(res.json().error.code).toBe('NOT_FOUND')
  })
})
