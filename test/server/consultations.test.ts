import { describe, expect, it } from 'vitest'
import { xlsxCells } from '../core/engagement/xlsx-cells'
import { memoryCommentThrottle } from '../../src/server/consultations/throttle'
import { BACKENDS, useBackend } from './helpers/backends'
import { newItemId } from './helpers/payloads'
import { consultationBody, consultationOnline, postComment } from './helpers/consultation-body'
import { call, NOW, useServers } from './helpers/test-server'
import { XSS_PAYLOADS } from '../helpers/xss-payloads'

/** The XSS payloads a commenter may type (one list for the server's and the desk's side). */
const XSS = XSS_PAYLOADS

describe.each(BACKENDS)('意见征集 on the district server (%s)', (kind) => {
  const backend = useBackend(kind)
  const server = useServers()

  /** Department A with a synced notice and its consultation online; department B with none. */
  async function setup(
    overrides: Record<string, unknown> = {},
    options: Parameters<typeof server>[1] = {},
  ) {
    const { db } = await backend.fresh()
    const app = await server(db, options)
    return { db, app, ...(await consultationOnline(db, app, { consultation: overrides })) }
  }
  const post = postComment

  it('puts a consultation online only on top of the department’s synced notice at that revision', async () => {
    const { app, a, b, noticeId } = await setup()
    const other = newItemId()
    // No such notice on the server.
    const missing = await call(
      app,
      a.token,
      'PUT',
      `/api/v1/consultations/${other}`,
      consultationBody(newItemId()),
    )
    expect(missing.statusCode).toBe(404)
    // Another revision than the one held.
    const stale = await call(
      app,
      a.token,
      'PUT',
      `/api/v1/consultations/${other}`,
      consultationBody(noticeId, { noticeRevision: 2 }),
    )
    expect(stale.statusCode).toBe(409)
    // Department B cannot hang a consultation on A's notice.
    const foreign = await call(
      app,
      b.token,
      'PUT',
      `/api/v1/consultations/${other}`,
      consultationBody(noticeId),
    )
    expect(foreign.statusCode).toBe(404)
  })

  it('serves the public page in Chinese, without script, with labelled fields', async () => {
    const { app, id } = await setup()
    const res = await app.inject({ method: 'GET', url: `/consultations/${id}?paragraph=2` })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-security-policy']).toContain("default-src 'none'")
    const page = res.body
    expect(page).toContain('<html lang="zh-CN">')
    expect(page).not.toMatch(/<script/i)
    expect(page).toContain('【第2段】')
    expect(page).toContain('<label for="body">')
    expect(page).toContain('<label for="contact">')
    expect(page).toContain('不会公开')
    expect(page).toMatch(/<option\s+value="2"\s+selected\s*>/)
    expect(page).toContain('起草说明.docx')
    const list = await app.inject({ method: 'GET', url: '/consultations' })
    expect(list.body).toContain(`/consultations/${id}`)
  })

  it('accepts a comment inside the period with a receipt number, and refuses one outside it', async () => {
    const { app, id, a } = await setup()
    const ok = await post(app, id, {
      body: '建议把一年改为六个月。',
      paragraph: '2',
      name: '王先生',
      contact: '13812345678',
    })
    expect(ok.statusCode).toBe(201)
    const receipt = /id="receipt">(YJ\d{8}[A-Z2-9]{8})</.exec(ok.body)?.[1]
    expect(receipt).toMatch(/^YJ20261126/)
    const feed = (await call(app, a.token, 'GET', '/api/v1/consultations/comments')).json()
    expect(feed.comments).toHaveLength(1)
    expect(feed.comments[0]).toMatchObject({
      receiptNo: receipt,
      paragraphNo: 2,
      body: '建议把一年改为六个月。',
      name: '王先生',
    })
    // The contact goes down masked.
    expect(feed.comments[0].contactMasked).toBe('138****5678')

    const ended = await setup({ startDate: '2026-11-01', endDate: '2026-11-25' })
    const late = await post(ended.app, ended.id, { body: '晚到的意见' })
    expect(late.statusCode).toBe(409)
    expect(late.body).toContain('已于2026年11月25日结束')
    const lateFeed = await call(ended.app, ended.a.token, 'GET', '/api/v1/consultations/comments')
    expect(lateFeed.json().comments).toEqual([])
    const future = await setup({ startDate: '2026-11-27', endDate: '2026-12-31' })
    const early = await post(future.app, future.id, { body: '早到的意见' })
    expect(early.statusCode).toBe(409)
    expect(early.body).toContain('尚未开始')
    const earlyFeed = await call(
      future.app,
      future.a.token,
      'GET',
      '/api/v1/consultations/comments',
    )
    expect(earlyFeed.json().comments).toEqual([])
  })

  it('refuses an empty or over-long comment and a paragraph the draft does not have, keeping what was typed', async () => {
    const { app, id } = await setup()
    const empty = await post(app, id, { body: '   ', name: '<b>张</b>' })
    expect(empty.statusCode).toBe(400)
    expect(empty.body).toContain('请填写意见内容')
    expect(empty.body).toContain('value="&lt;b&gt;张&lt;/b&gt;"')
    const long = await post(app, id, { body: '长'.repeat(5001) })
    expect(long.statusCode).toBe(400)
    expect(long.body).toContain('最多 5000 字')
    const para = await post(app, id, { body: '意见', paragraph: '9' })
    expect(para.statusCode).toBe(400)
    expect(para.body).toContain('所选段落不存在')
  })

  it('throttles 1,000 comments from one address (and its IPv6 /64) while another address still gets through', async () => {
    const { app, id, a } = await setup({}, { clock: () => NOW })
    const statuses: number[] = []
    for (let i = 0; i < 1000; i++) {
      statuses.push((await post(app, id, { body: `批量意见 ${i}` }, '198.51.100.9')).statusCode)
    }
    expect(statuses.filter((s) => s === 201)).toHaveLength(10)
    expect(statuses.filter((s) => s === 429)).toHaveLength(990)
    const other = await post(app, id, { body: '另一位市民的意见' }, '198.51.100.10')
    expect(other.statusCode).toBe(201)
    // One /64 is one client.
    const v6 = []
    for (let i = 0; i < 12; i++)
      v6.push((await post(app, id, { body: `v6 ${i}` }, `2001:db8:1:2::${i + 1}`)).statusCode)
    expect(v6.filter((s) => s === 201)).toHaveLength(10)
    const feed = (
      await call(app, a.token, 'GET', '/api/v1/consultations/comments?limit=1000')
    ).json()
    expect(feed.comments).toHaveLength(21)
  })

  it('stores XSS payloads literally and shows them only as text', async () => {
    const { app, id, a } = await setup()
    for (const [i, payload] of XSS.entries()) {
      const res = await post(
        app,
        id,
        { body: payload, name: payload.slice(0, 50) },
        `192.0.2.${i + 1}`,
      )
      expect(res.statusCode).toBe(201)
      expect(res.body).not.toContain(payload.includes('<') ? payload : '\u0000')
    }
    const feed = (await call(app, a.token, 'GET', '/api/v1/consultations/comments')).json()
    expect(feed.comments.map((c: { body: string }) => c.body)).toEqual(XSS)
    // The refused form re-shows what was typed, escaped.
    const again = await post(
      app,
      id,
      { body: '', name: '"><script>alert(1)</script>' },
      '192.0.2.200',
    )
    expect(again.body).not.toContain('<script>alert(1)</script>')
    expect(again.body).toContain('&quot;&gt;&lt;script&gt;')
  })

  it('never shows department A’s consultation or comments through department B’s token', async () => {
    const { app, id, b, a } = await setup()
    await post(app, id, { body: 'A 的意见', contact: 'someone@example.com' })
    const feedB = (await call(app, b.token, 'GET', '/api/v1/consultations/comments')).json()
    expect(feedB.comments).toEqual([])
    const feedA = (await call(app, a.token, 'GET', '/api/v1/consultations/comments')).json()
    expect(feedA.comments).toHaveLength(1)
    expect(feedA.comments[0].contactMasked).not.toContain('someone@')
    // B cannot overwrite A's consultation either (and is not told it exists).
    const overwrite = await call(
      app,
      b.token,
      'PUT',
      `/api/v1/consultations/${id}`,
      consultationBody(newItemId()),
    )
    expect(overwrite.statusCode).toBe(404)
    // Nor remove A's Q&A entry.
    const qaId = newItemId()
    await call(app, a.token, 'PUT', `/api/v1/qa/${qaId}`, qaBody())
    await call(app, b.token, 'DELETE', `/api/v1/qa/${qaId}`)
    const kb = await app.inject({ method: 'GET', url: '/district/qa.json' })
    expect(kb.json().entries).toHaveLength(1)
    // Without a token nothing of the API answers.
    expect((await call(app, null, 'GET', '/api/v1/consultations/comments')).statusCode).toBe(401)
  })

  it('takes the page down when the notice is withdrawn', async () => {
    const { app, id, a, noticeId } = await setup()
    const w = await call(app, a.token, 'POST', `/api/v1/items/${noticeId}/withdraw`, {
      reason: '政策调整',
    })
    expect(w.statusCode).toBe(200)
    expect((await app.inject({ method: 'GET', url: `/consultations/${id}` })).statusCode).toBe(404)
    expect((await post(app, id, { body: '意见' })).statusCode).toBe(404)
  })

  it('exports the whole Q&A knowledge base as JSON and .xlsx, payloads as plain text cells', async () => {
    const { app, a, b } = await setup()
    await call(app, a.token, 'PUT', `/api/v1/qa/${newItemId()}`, qaBody())
    await call(
      app,
      b.token,
      'PUT',
      `/api/v1/qa/${newItemId()}`,
      qaBody({ question: XSS[8], valid: false, flag: '所依据的政策已废止' }),
    )
    const json = (await app.inject({ method: 'GET', url: '/district/qa.json' })).json()
    expect(json.entries.map((e: { department: string }) => e.department).sort()).toEqual([
      '区民政局',
      '区科技局',
    ])
    const xlsx = await app.inject({ method: 'GET', url: '/district/qa.xlsx' })
    expect(xlsx.statusCode).toBe(200)
    const cells = await xlsxCells(xlsx.rawPayload)
    expect(cells.map((c) => c.text)).toContain(XSS[8])
    expect(cells.map((c) => c.text)).toContain('所依据的政策已废止')
    expect(cells.filter((c) => c.formula)).toEqual([])
    // Behind the view password when one is set.
    const locked = await server((await backend.another()).db, {
      view: { password: 'district-pass', openWithoutPassword: false },
    })
    expect((await locked.inject({ method: 'GET', url: '/district/qa.json' })).statusCode).toBe(401)
  })
})

function qaBody(overrides: Record<string, unknown> = {}) {
  return {
    question: '小微企业补贴怎么申请？',
    answer: '登录区政务服务网，在“惠企政策”栏目提交申请。',
    policyItemId: newItemId(),
    policyTitle: '高新区小微企业补贴办法',
    policyDocNumber: '淄高新管发〔2026〕3号',
    interpretationItemId: null,
    interpretationTitle: null,
    keywords: '补贴,小微企业',
    validFrom: '2026-12-01',
    validTo: null,
    valid: true,
    flag: null,
    reviewedBy: '李审核',
    reviewedAt: '2026-11-26T08:00:00.000Z',
    ...overrides,
  }
}

describe('comment throttle', () => {
  it('opens a new window after the old one ends', async () => {
    let now = 0
    const t = memoryCommentThrottle({ max: 2, windowMs: 1000 }, () => new Date(now))
    expect([await t.hit('1.2.3.4'), await t.hit('1.2.3.4')]).toEqual([null, null])
    expect(await t.hit('1.2.3.4')).toBe(1)
    now = 1000
    expect(await t.hit('1.2.3.4')).toBeNull()
  })
})
