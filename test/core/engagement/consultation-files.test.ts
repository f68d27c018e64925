import { createHash } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  OLD_SERVER_ATTACHMENTS_NOTICE,
  syncEngagement,
} from '../../../src/core/engagement/sync-extension'
import { createEventBus } from '../../../src/core/events/bus'
import { silentLogger } from '../../../src/core/logger'
import type { SyncExtensionDeps } from '../../../src/core/sync/extensions'
import type { UploadFile } from '../../../src/core/sync/uploads'
import { deterministicBytes } from '../../helpers/deterministic-bytes'
import { FIXED_NOW } from '../../helpers/test-clock'
import type { TestCore } from '../../helpers/test-core'
import type { TestServer } from '../sync/helpers'
import { consultationInput, draftPolicy, openStore, passReview } from './helpers'
import { deskWithServer } from './desk-server'

let server: TestServer
let t: TestCore
let token = ''
afterEach(async () => {
  await t.cleanup()
  await server.destroy()
})

async function desk(): Promise<void> {
  ;({ server, token, t } = await deskWithServer())
}

/** Adds a PDF named `name` to item `itemId` through the file dialog, as the officer does. */
async function attach(itemId: string, name: string, seed: number): Promise<Buffer> {
  const bytes = deterministicBytes(20_000 + seed, seed, '%PDF-1.4\n')
  const path = join(t.dataDir, name)
  writeFileSync(path, bytes)
  t.platform.openAnswers.push(path)
  await t.call('attachments:add', { itemId })
  return bytes
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')

describe('意见征集 files through sync (issue 14: the public page offers the draft’s attachments)', () => {
  it('offers the approved notice’s files for download from the district, never the unreviewed draft’s', async () => {
    await desk()
    const draft = await draftPolicy(t)
    const draftOnly = await attach(draft.id, '内部测算底稿.pdf', 1)
    const opened = await t.call(
      'engagement:consultation-open',
      consultationInput(draft.id, { startDate: '2026-11-26', endDate: '2026-12-10' }),
    )
    const explained = await attach(opened.notice!.id, '起草说明.pdf', 2)
    await passReview(t, opened.notice!.id)
    expect(await t.core.sync.runOnce(true)).toEqual({ kind: 'done' })

    const page = await (await fetch(`${server.url}/consultations/${opened.id}`)).text()
    const link = `/consultations/${opened.id}/attachments/${sha(explained)}`
    expect(page).toContain(`<a href="${link}" download>起草说明.pdf</a>`)
    expect(page).not.toContain('内部测算底稿')
    const res = await fetch(`${server.url}${link}`)
    expect(res.status).toBe(200)
    expect(Buffer.from(await res.arrayBuffer()).equals(explained)).toBe(true)
    expect(res.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('起草说明.pdf')}`,
    )
    // The draft's file is not served, although the desk holds it.
    const hidden = await fetch(
      `${server.url}/consultations/${opened.id}/attachments/${sha(draftOnly)}`,
    )
    expect(hidden.status).toBe(404)
    // The 同步 page lists the file among the run's uploads.
    const status = await t.call('sync:status', {})
    expect((status.uploads ?? []).map((u) => u.name)).toContain('起草说明.pdf')
  })

  it('uploads a listed file the district lacks on a later run, without putting the unchanged consultation again', async () => {
    await desk()
    const draft = await draftPolicy(t)
    const opened = await t.call(
      'engagement:consultation-open',
      consultationInput(draft.id, { startDate: '2026-11-26', endDate: '2026-12-10' }),
    )
    const bytes = await attach(opened.notice!.id, '起草说明.pdf', 3)
    await passReview(t, opened.notice!.id)
    await t.core.sync.runOnce(true)
    // The district loses the file (e.g. the notice reached it under protocol v1).
    const db = server.db()
    await db.deleteFrom('upload_blobs').execute()
    await db.deleteFrom('upload_chunks').execute()
    await db.deleteFrom('upload_sessions').execute()
    const link = `${server.url}/consultations/${opened.id}/attachments/${sha(bytes)}`
    expect((await fetch(link)).status).toBe(503)
    const page = await (await fetch(`${server.url}/consultations/${opened.id}`)).text()
    expect(page).toContain('起草说明.pdf<span class="meta">（附件正在上传，请稍后再试）</span>')

    const store = await openStore(t)
    try {
      const calls: string[] = []
      const files: UploadFile[][] = []
      const result = await syncEngagement(
        extensionDeps(store.db, {
          request: async (method, path, body, schema) => {
            calls.push(`${method} ${path}`)
            const res = await fetch(`${server.url}/api/v1${path}`, {
              method,
              headers: {
                authorization: `Bearer ${token}`,
                ...(body === undefined ? {} : { 'content-type': 'application/json' }),
              },
              ...(body === undefined ? {} : { body: JSON.stringify(body) }),
            })
            return { kind: 'ok', status: res.status, body: schema.parse(await res.json()) }
          },
          uploadFiles: async (list) => {
            files.push([...list])
            return { kind: 'done', failed: 0 }
          },
        }),
      )
      expect(result).toEqual({ kind: 'done' })
      expect(files).toEqual([[{ name: '起草说明.pdf', sha256: sha(bytes), size: bytes.length }]])
      expect(calls.filter((c) => c.startsWith('PUT /consultations'))).toEqual([])
    } finally {
      await store.close()
    }
    // Through the real client the file goes up again and the link is back.
    expect(await t.core.sync.runOnce(true)).toEqual({ kind: 'done' })
    expect((await fetch(link)).status).toBe(200)
  })

  it('sends names only to a server without the blob endpoints, and tells the officer', async () => {
    await desk()
    const draft = await draftPolicy(t)
    const opened = await t.call(
      'engagement:consultation-open',
      consultationInput(draft.id, { startDate: '2026-11-26', endDate: '2026-12-10' }),
    )
    await attach(opened.notice!.id, '起草说明.pdf', 4)
    await passReview(t, opened.notice!.id)
    await t.core.sync.runOnce(true)
    const store = await openStore(t)
    try {
      await store.db.updateTable('consultations').set({ pushed_hash: null }).execute()
      const bodies: unknown[] = []
      const result = await syncEngagement(
        extensionDeps(store.db, {
          request: async (method, path, body, schema) => {
            if (method === 'PUT') bodies.push(body)
            if (path.startsWith('/consultations/comments'))
              return {
                kind: 'ok',
                status: 200,
                body: schema.parse({ comments: [], next: 0, hasMore: false }),
              }
            return { kind: 'ok', status: 200, body: schema.parse({ id: 'x', result: 'updated' }) }
          },
          uploadFiles: () => Promise.resolve({ kind: 'unsupported' }),
        }),
      )
      expect(result).toEqual({ kind: 'done', notice: OLD_SERVER_ATTACHMENTS_NOTICE })
      expect(bodies[0]).toMatchObject({ attachments: [{ name: '起草说明.pdf' }] })
      expect(JSON.stringify(bodies[0])).not.toContain('sha256')
    } finally {
      await store.close()
    }
  })
})

function extensionDeps(
  db: SyncExtensionDeps['db'],
  parts: Pick<SyncExtensionDeps, 'request' | 'uploadFiles'>,
): SyncExtensionDeps {
  return {
    db,
    clock: () => FIXED_NOW,
    events: createEventBus(),
    actor: null,
    logger: silentLogger,
    ...parts,
  }
}
