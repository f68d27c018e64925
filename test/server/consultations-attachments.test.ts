import { createHash } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import { contentDisposition, downloadContentType } from '../../src/server/consultations/download'
import { deterministicBytes } from '../helpers/deterministic-bytes'
import { BACKENDS, useBackend } from './helpers/backends'
import { makeItem, newItemId, putBody } from './helpers/payloads'
import { consultationBody, consultationOnline } from './helpers/consultation-body'
import { call, useServers } from './helpers/test-server'

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')
const CHUNK = 64 * 1024

interface File {
  name: string
  bytes: Buffer
  sha256: string
  size: number
}

const fileOf = (name: string, size: number, seed: number): File => {
  const bytes = deterministicBytes(size, seed, '%PDF-1.4\n')
  return { name, bytes, sha256: sha(bytes), size }
}

const ref = (f: File) => ({ name: f.name, sha256: f.sha256, size: f.size })

/** Uploads `file` as the department of `token`, `chunks` chunks of it (all by default). */
async function upload(app: FastifyInstance, token: string, file: File, chunks = Infinity) {
  const started = await call(app, token, 'POST', `/api/v1/blobs/${file.sha256}`, {
    size: file.size,
  })
  expect(started.statusCode).toBe(200)
  const count = Math.ceil(file.size / CHUNK)
  for (let i = 0; i < Math.min(count, chunks); i++) {
    const data = file.bytes.subarray(i * CHUNK, (i + 1) * CHUNK)
    const res = await app.inject({
      method: 'PUT',
      url: `/api/v1/blobs/${file.sha256}/chunks/${i}`,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/octet-stream',
        'x-chunk-sha256': sha(data),
      },
      payload: data,
    })
    expect(res.statusCode).toBe(200)
  }
}

/**
 * 意见征集 attachments on the public page (issue 14: 「the draft's text, its attachments」): a file
 * is served only from a live consultation that lists its hash, only once it has fully arrived,
 * as a download with a safe type and an escaped name.
 */
describe.each(BACKENDS)('意见征集 attachments on the public page (%s)', (kind) => {
  const backend = useBackend(kind)
  const server = useServers()

  /** Department A's notice names `files`; its consultation lists `listed` (default: the same). */
  async function setup(files: File[], listed: unknown[] = files.map(ref)) {
    const { db } = await backend.fresh()
    const app = await server(db, { uploads: { chunkBytes: CHUNK } })
    const online = await consultationOnline(db, app, {
      notice: { attachments: files.map(ref) },
      consultation: { attachments: listed },
    })
    return { db, app, ...online }
  }

  const get = (app: FastifyInstance, url: string) => app.inject({ method: 'GET', url })

  it('links a file that has arrived (with its size) and serves its bytes as a download', async () => {
    const file = fileOf('起草说明.pdf', 3 * CHUNK + 17, 1)
    const { app, a, id } = await setup([file])
    await upload(app, a.token, file)
    const page = await get(app, `/consultations/${id}`)
    expect(page.body).toContain(
      `<a href="/consultations/${id}/attachments/${file.sha256}" download>起草说明.pdf</a>`,
    )
    expect(page.body).toContain('（192.0 KB）')
    expect(page.body).not.toContain('请在政府网站本公告页下载')
    const res = await get(app, `/consultations/${id}/attachments/${file.sha256}`)
    expect(res.statusCode).toBe(200)
    expect(res.rawPayload.equals(file.bytes)).toBe(true)
    expect(res.headers['content-type']).toBe('application/pdf')
    expect(res.headers['content-length']).toBe(String(file.size))
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="____.pdf"; filename*=UTF-8''${encodeURIComponent('起草说明.pdf')}`,
    )
  })

  it('shows 「附件正在上传，请稍后再试」 (no link) until the whole file is here, then links it', async () => {
    const file = fileOf('测算表.xlsx', 4 * CHUNK, 2)
    const { app, a, id } = await setup([file])
    await upload(app, a.token, file, 2)
    const page = await get(app, `/consultations/${id}`)
    expect(page.body).toContain('测算表.xlsx<span class="meta">（附件正在上传，请稍后再试）</span>')
    expect(page.body).not.toContain(`/attachments/${file.sha256}`)
    const early = await get(app, `/consultations/${id}/attachments/${file.sha256}`)
    expect(early.statusCode).toBe(503)
    expect(early.headers['retry-after']).toBe('300')
    expect(early.body).toContain('正在上传，请稍后再试')
    expect(early.body).not.toContain('%PDF')
    await upload(app, a.token, file)
    const done = await get(app, `/consultations/${id}/attachments/${file.sha256}`)
    expect(done.statusCode).toBe(200)
    expect(done.rawPayload.equals(file.bytes)).toBe(true)
    expect(done.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
  })

  it('serves no file the consultation does not list: another file of the district, another department’s, a stale page', async () => {
    const listed = fileOf('起草说明.pdf', 1000, 3)
    const { app, a, b, id, noticeId } = await setup([listed])
    await upload(app, a.token, listed)
    // A file the district holds (uploaded by A for another item) but this consultation does not list.
    const other = fileOf('内部测算.pdf', 2000, 4)
    await upload(app, a.token, other)
    expect((await get(app, `/consultations/${id}/attachments/${other.sha256}`)).statusCode).toBe(
      404,
    )
    // Department B's consultation lists its own file; it is not served through A's consultation.
    const bFile = fileOf('民政局附件.pdf', 1500, 5)
    const bNotice = newItemId()
    await call(
      app,
      b.token,
      'PUT',
      `/api/v1/items/${bNotice}`,
      putBody(1, makeItem({ kind: 'consultation', attachments: [ref(bFile)] })),
    )
    const bId = newItemId()
    expect(
      (
        await call(
          app,
          b.token,
          'PUT',
          `/api/v1/consultations/${bId}`,
          consultationBody(bNotice, { attachments: [ref(bFile)] }),
        )
      ).statusCode,
    ).toBe(201)
    await upload(app, b.token, bFile)
    expect((await get(app, `/consultations/${bId}/attachments/${bFile.sha256}`)).statusCode).toBe(
      200,
    )
    expect((await get(app, `/consultations/${id}/attachments/${bFile.sha256}`)).statusCode).toBe(
      404,
    )
    // Nor a consultation that is not online: unknown id, and A's once its notice is withdrawn.
    expect(
      (await get(app, `/consultations/${newItemId()}/attachments/${listed.sha256}`)).statusCode,
    ).toBe(404)
    await call(app, a.token, 'POST', `/api/v1/items/${noticeId}/withdraw`, { reason: '政策调整' })
    expect((await get(app, `/consultations/${id}/attachments/${listed.sha256}`)).statusCode).toBe(
      404,
    )
  })

  it('refuses a consultation listing a file its notice (as reviewed and synced) does not name', async () => {
    const named = fileOf('起草说明.pdf', 1000, 6)
    const unnamed = fileOf('未经审查.pdf', 1000, 7)
    const { app, a, noticeId } = await setup([named])
    const res = await call(
      app,
      a.token,
      'PUT',
      `/api/v1/consultations/${newItemId()}`,
      consultationBody(noticeId, { attachments: [ref(named), ref(unnamed)] }),
    )
    expect(res.statusCode).toBe(400)
    expect(res.json().error.message).toContain('「未经审查.pdf」不在区级服务器所存的公告附件中')
    // Nor the right hash under another size.
    const wrongSize = await call(
      app,
      a.token,
      'PUT',
      `/api/v1/consultations/${newItemId()}`,
      consultationBody(noticeId, { attachments: [{ ...ref(named), size: 999 }] }),
    )
    expect(wrongSize.statusCode).toBe(400)
  })

  it('keeps an older desk working: names only are shown, without a link', async () => {
    const { app, id } = await setup([], [{ name: '起草说明.docx' }])
    const page = await get(app, `/consultations/${id}`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain(
      '起草说明.docx<span class="meta">（请在政府网站本公告页下载）</span>',
    )
    expect(page.body).not.toContain('/attachments/')
  })

  it('escapes a hostile file name in the header and the page; refuses one with CR/LF or a path', async () => {
    const hostile = `报告"; filename="evil.html'(*)%0d%0a<script>.pdf`
    const file = fileOf(hostile, 500, 8)
    const { app, a, id, noticeId } = await setup([file])
    await upload(app, a.token, file)
    const res = await get(app, `/consultations/${id}/attachments/${file.sha256}`)
    expect(res.statusCode).toBe(200)
    const header = String(res.headers['content-disposition'])
    expect(header).toBe(
      `attachment; filename="_____filename__evil.html_____0d_0a_script_.pdf"; filename*=UTF-8''` +
        `%E6%8A%A5%E5%91%8A%22%3B%20filename%3D%22evil.html%27%28%2A%29%250d%250a%3Cscript%3E.pdf`,
    )
    // One header, one parameter pair: nothing the name holds ends the value.
    expect(header.match(/filename=/g)).toHaveLength(1)
    expect(res.headers['content-type']).toBe('application/pdf')
    const page = await get(app, `/consultations/${id}`)
    expect(page.body).not.toContain('<script>')
    expect(page.body).toContain('&lt;script&gt;.pdf</a>')
    for (const name of ['a\r\nSet-Cookie: x=1.pdf', '../../etc/passwd', 'C:\\x.pdf']) {
      const refused = await call(
        app,
        a.token,
        'PUT',
        `/api/v1/consultations/${newItemId()}`,
        consultationBody(noticeId, {
          attachments: [{ name, sha256: file.sha256, size: file.size }],
        }),
      )
      expect(refused.statusCode).toBe(400)
    }
  })

  it('answers 404 to anything but a lowercase SHA-256 in the path (no traversal, no names)', async () => {
    const file = fileOf('起草说明.pdf', 1000, 9)
    const { app, a, id } = await setup([file])
    await upload(app, a.token, file)
    for (const tail of [
      '..%2F..%2F..%2Fetc%2Fpasswd',
      '%2E%2E',
      file.sha256.toUpperCase(),
      `${file.sha256}%00`,
      `${file.sha256}.pdf`,
      encodeURIComponent('起草说明.pdf'),
      `..%2F${file.sha256}`,
    ]) {
      const res = await get(app, `/consultations/${id}/attachments/${tail}`)
      expect(res.statusCode, tail).toBe(404)
      expect(res.body).not.toContain('%PDF')
    }
    expect((await get(app, `/consultations/../../attachments/${file.sha256}`)).statusCode).toBe(404)
  })
})

describe('download headers', () => {
  it('never lets a name break out of Content-Disposition', () => {
    for (const name of [
      'a\r\nSet-Cookie: x=1',
      'x"; filename=evil.html',
      '\u0000\u2028',
      '\uD800.pdf',
    ]) {
      const value = contentDisposition(name)
      // eslint-disable-next-line no-control-regex
      expect(value).not.toMatch(/[\u0000-\u001f\u007f\u2028]/)
      expect(value.match(/"/g)).toHaveLength(2)
    }
  })

  it('serves a type a browser could run as a plain download', () => {
    for (const name of ['x.html', 'x.htm', 'x.svg', 'x.js', 'x.xhtml', 'noext', 'x.PDF.exe']) {
      expect(downloadContentType(name), name).toBe('application/octet-stream')
    }
    expect(downloadContentType('通知.PDF')).toBe('application/pdf')
  })
})
