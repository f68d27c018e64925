import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import { SYNC_PROTOCOL_VERSION } from '../../src/shared/sync/wire'
import { BACKENDS, useBackend } from './helpers/backends'
import { useServers } from './helpers/test-server'

/**
 * Every `METHOD path` the server answers, read from fastify's own route tree (printRoutes): each
 * line is a node whose path continues its parent's; HEAD is fastify's automatic twin of GET.
 */
function registeredRoutes(app: FastifyInstance): string[] {
  const stack: string[] = []
  const routes: string[] = []
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ]*)[├└]── (\S+)(?: \(([A-Z, ]+)\))?/.exec(line)
    if (!m) continue
    const depth = m[1]!.length / 4
    stack.length = depth
    const path = (depth === 0 ? '' : stack[depth - 1]!) + m[2]!
    stack.push(path)
    for (const method of (m[3] ?? '').split(', ').filter((x) => x && x !== 'HEAD'))
      routes.push(`${method} ${path}`)
  }
  return routes.sort()
}

/** The document's operations as `METHOD full-path` (a path's own `servers` replaces /api/v1). */
function documentedRoutes(doc: {
  paths: Record<string, Record<string, unknown> & { servers?: { url: string }[] }>
}): string[] {
  const out: string[] = []
  for (const [path, item] of Object.entries(doc.paths)) {
    const base = item.servers?.[0]?.url === '/' ? '' : '/api/v1'
    for (const method of Object.keys(item).filter((k) => k !== 'servers'))
      out.push(`${method.toUpperCase()} ${base}${path.replace(/\{(\w+)\}/g, ':$1')}`)
  }
  return out.sort()
}

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
    // Every API route the server registers is documented, and nothing else: the list comes from
    // the server itself, so a new route without documentation fails here.
    const api = registeredRoutes(app).filter(
      (r) => r.includes(' /api/v1/') || r.endsWith(' /consultations/:id/attachments/:sha256'),
    )
    expect(api).toEqual(
      expect.arrayContaining([
        'GET /api/v1/reports/:year',
        'PUT /api/v1/consultations/:id',
        'GET /api/v1/consultations/comments',
        'PUT /api/v1/qa/:id',
        'DELETE /api/v1/qa/:id',
        'PUT /api/v1/blobs/:sha256/chunks/:index',
      ]),
    )
    expect(documentedRoutes(doc)).toEqual(api)
    const report = doc.paths['/reports/{year}'].put.requestBody.content['application/json'].schema
    expect(report.required).toEqual(expect.arrayContaining(['title', 'tables', 'narrative']))
    const consultation =
      doc.paths['/consultations/{id}'].put.requestBody.content['application/json'].schema
    expect(consultation.required).toEqual(
      expect.arrayContaining(['noticeItemId', 'noticeRevision', 'paragraphs']),
    )
    expect(
      doc.paths['/consultations/comments'].get.parameters.map((p: { name: string }) => p.name),
    ).toEqual(['after', 'limit'])
    expect(Object.keys(doc.paths['/qa/{id}']).sort()).toEqual(['delete', 'put'])
    expect(doc.info.version).toBe(`${SYNC_PROTOCOL_VERSION}.0.0`)
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
      'size', // chunk 0 may start the upload (2026-12-01)
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

  it('/health tells the protocol revision and the capabilities (uploads …) the document describes', async () => {
    const { db } = await backend.fresh()
    const app = await server(db)
    const health = (await app.inject({ method: 'GET', url: '/api/v1/health' })).json()
    expect(health).toMatchObject({
      status: 'ok',
      protocol: SYNC_PROTOCOL_VERSION,
      capabilities: { uploads: true, reports: true, consultations: true, qa: true },
    })
    const doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json()
    const described = doc.paths['/health'].get.responses['200'].content['application/json'].schema
    expect(Object.keys(described.properties.capabilities.properties).sort()).toEqual(
      Object.keys(health.capabilities).sort(),
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
