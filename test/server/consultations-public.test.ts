import { describe, expect, it } from 'vitest'
import { publishItem } from '../../src/server/changes/district-actions'
import { migrateServerDatabase } from '../../src/server/db/connect'
import { COMMENTER_TYPE_LABELS } from '../../src/shared/engagement/labels'
import { COMMENTER_TYPES } from '../../src/shared/engagement/types'
import { BACKENDS, useBackend } from './helpers/backends'
import { databaseBefore } from './helpers/older-database'
import { consultationBody, consultationOnline, postComment } from './helpers/consultation-body'
import { makeItem, newItemId, putBody } from './helpers/payloads'
import { call, department, NOW, useServers } from './helpers/test-server'

/**
 * The public comment page, second step (issue 14): the 身份 select, the contact kept masked only,
 * the adoption result linked once published, and the page's accessibility.
 */
describe.each(BACKENDS)('意见征集 public page (%s)', (kind) => {
  const backend = useBackend(kind)
  const server = useServers()

  async function setup(overrides: Record<string, unknown> = {}) {
    const { db } = await backend.fresh()
    const app = await server(db)
    return { db, app, ...(await consultationOnline(db, app, { consultation: overrides })) }
  }
  const post = postComment

  it('offers an optional, labelled 身份 select in the desk’s vocabulary, stores the choice and sends it down', async () => {
    const { app, id, a } = await setup()
    const page = (await app.inject({ method: 'GET', url: `/consultations/${id}` })).body
    expect(page).toContain('<label for="type">身份（可选）</label>')
    for (const t of COMMENTER_TYPES) {
      expect(page).toMatch(
        new RegExp(`<option\\s+value="${t}"\\s*>\\s*${COMMENTER_TYPE_LABELS[t]}`),
      )
    }
    expect((await post(app, id, { body: '企业的意见', type: 'company' })).statusCode).toBe(201)
    expect((await post(app, id, { body: '专家的意见', type: 'expert' })).statusCode).toBe(201)
    expect((await post(app, id, { body: '没有选择身份', type: '' })).statusCode).toBe(201)
    const feed = (await call(app, a.token, 'GET', '/api/v1/consultations/comments')).json()
    expect(
      feed.comments.map((c: { body: string; commenterType?: string }) => [c.body, c.commenterType]),
    ).toEqual([
      ['企业的意见', 'company'],
      ['专家的意见', 'expert'],
      // Not chosen: the field is left out (the desk takes 社会公众).
      ['没有选择身份', undefined],
    ])
    // A 身份 outside the list (a hand-made post) is refused, the text kept, the select marked.
    const bad = await post(app, id, { body: '保留的意见', type: 'minister' })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('请从列表中选择身份')
    expect(bad.body).toContain('保留的意见')
    expect(bad.body).toMatch(
      /<select id="type" name="type"\s+aria-invalid="true" aria-describedby="form-error">/,
    )
    // The refused form keeps the choice made.
    const kept = await post(app, id, { body: '', type: 'association' })
    expect(kept.body).toMatch(/<option\s+value="association"\s+selected\s*>/)
  })

  it('keeps only the masked contact: the full one is never stored', async () => {
    const { db, app, id, a } = await setup()
    await post(app, id, { body: '手机', contact: '13812345678' })
    await post(app, id, { body: '邮箱', contact: 'wang.xiaoming@example.com' })
    await post(app, id, { body: '座机', contact: '0533-3581234 转 8' })
    const stored = await db
      .selectFrom('consultation_comments')
      .select(['body', 'contact'])
      .orderBy('seq')
      .execute()
    expect(stored.map((r) => r.contact)).toEqual([
      '138****5678',
      expect.any(String),
      expect.any(String),
    ])
    const all = JSON.stringify(stored)
    expect(all).not.toContain('13812345678')
    expect(all).not.toContain('wang.xiaoming')
    expect(all).not.toContain('3581234')
    // The feed sends what is stored, masked once (not masked again).
    const feed = (await call(app, a.token, 'GET', '/api/v1/consultations/comments')).json()
    expect(feed.comments.map((c: { contactMasked: string }) => c.contactMasked)).toEqual(
      stored.map((r) => r.contact),
    )
  })

  it('marks the field an error is about (aria-invalid, aria-describedby), has a <main> landmark, and states dates in Chinese on 409 pages', async () => {
    const { app, id } = await setup()
    const page = (await app.inject({ method: 'GET', url: `/consultations/${id}` })).body
    expect(page.match(/<main\b/g)).toHaveLength(1)
    expect(page).not.toContain('aria-invalid')
    const empty = await post(app, id, { body: '' })
    expect(empty.statusCode).toBe(400)
    expect(empty.body).toContain(
      '<div class="alert" role="alert" id="form-error">请填写意见内容。</div>',
    )
    expect(empty.body).toMatch(
      /<textarea[^>]*id="body"[^>]*aria-invalid="true" aria-describedby="body-hint form-error"/,
    )
    expect(empty.body).not.toMatch(/id="name"[^>]*aria-invalid/)
    const longName = await post(app, id, { body: '意见', name: '名'.repeat(51) })
    expect(longName.body).toMatch(
      /id="name"[^>]*aria-invalid="true" aria-describedby="privacy form-error"/,
    )
    expect(longName.body).not.toMatch(/id="body"[^>]*aria-invalid/)
    const para = await post(app, id, { body: '意见', paragraph: '9' })
    expect(para.body).toMatch(/<select id="paragraph" name="paragraph"\s+aria-invalid="true"/)

    const ended = await setup({ startDate: '2026-11-01', endDate: '2026-11-25' })
    const late = await post(ended.app, ended.id, { body: '晚到的意见' })
    expect(late.statusCode).toBe(409)
    expect(late.body).toContain('本次意见征集已于2026年11月25日结束')
    expect(late.body).not.toContain('2026-11-25')
    expect(late.body).toMatch(/<main\b/)
    const future = await setup({ startDate: '2026-11-27', endDate: '2026-12-31' })
    const early = await post(future.app, future.id, { body: '早到的意见' })
    expect(early.statusCode).toBe(409)
    expect(early.body).toContain('本次意见征集自2026年11月27日开始')
  })

  it('links the adoption result on the page only once the district holds it, of the same department, as published', async () => {
    const { db, app, a, b, id, noticeId } = await setup({
      startDate: '2026-11-01',
      endDate: '2026-11-25',
    })
    const resultId = newItemId()
    const title = '关于《高新区小微企业补贴办法（征求意见稿）》征求意见采纳情况的说明<script>'
    const putResult = await call(
      app,
      a.token,
      'PUT',
      `/api/v1/items/${resultId}`,
      putBody(1, makeItem({ kind: 'consultation', title })),
    )
    expect(putResult.statusCode).toBe(201)
    const withResult = consultationBody(noticeId, {
      startDate: '2026-11-01',
      endDate: '2026-11-25',
      resultItemId: resultId,
    })
    const put = await call(app, a.token, 'PUT', `/api/v1/consultations/${id}`, withResult)
    expect(put.statusCode).toBe(200)
    expect(put.json().result).toBe('updated')
    const page = async () => (await app.inject({ method: 'GET', url: `/consultations/${id}` })).body
    // Held, not published yet.
    expect(await page()).not.toContain('意见采纳情况')

    const url = 'https://www.zbgx.gov.cn/zwgk/yjzj/result.html?a=1&b=2'
    await publishItem(db, resultId, url, NOW.toISOString())
    const shown = await page()
    expect(shown).toContain('<h2>意见采纳情况</h2>')
    expect(shown).toContain(
      '<a href="https://www.zbgx.gov.cn/zwgk/yjzj/result.html?a=1&amp;b=2">关于《高新区小微企业补贴办法（征求意见稿）》征求意见采纳情况的说明&lt;script&gt;</a>',
    )
    // Returned by the district: no longer published, no link.
    await db.updateTable('items').set({ status: 'returned' }).where('id', '=', resultId).execute()
    expect(await page()).not.toContain('意见采纳情况')

    // Another department's published item is never linked from A's page.
    const foreign = newItemId()
    await call(
      app,
      b.token,
      'PUT',
      `/api/v1/items/${foreign}`,
      putBody(1, makeItem({ title: 'B 的条目' })),
    )
    await publishItem(db, foreign, 'https://www.example.gov.cn/b.html', NOW.toISOString())
    await call(
      app,
      a.token,
      'PUT',
      `/api/v1/consultations/${id}`,
      consultationBody(noticeId, {
        startDate: '2026-11-01',
        endDate: '2026-11-25',
        resultItemId: foreign,
      }),
    )
    const other = await page()
    expect(other).not.toContain('意见采纳情况')
    expect(other).not.toContain('b.html')
    // A desk before 2026-12 sends no resultItemId: still taken.
    const old = await call(
      app,
      a.token,
      'PUT',
      `/api/v1/consultations/${id}`,
      consultationBody(noticeId),
    )
    expect(old.statusCode).toBe(200)
  })

  it('migration 0270 masks the contacts stored in full by an older server, and audits it', async () => {
    const db = await databaseBefore(backend, '2026_12_01_0270')
    await department(db, 'A')
    const { id: departmentId } = await db
      .selectFrom('departments')
      .select('id')
      .executeTakeFirstOrThrow()
    const at = NOW.toISOString()
    await db
      .insertInto('consultations')
      .values({
        id: 'c-old',
        department_id: departmentId,
        notice_item_id: newItemId(),
        notice_revision: 1,
        title: '旧的征集',
        draft_title: '旧的征求意见稿',
        decision_type: 'normative',
        start_date: '2026-11-01',
        end_date: '2026-11-30',
        short_reason: '',
        questions: '',
        contact: '区科技局 0533-3580000',
        channels_json: '["online"]',
        paragraphs_json: '[{"no":1,"text":"第一条"}]',
        attachments_json: '[]',
        content_hash: 'x',
        received_at: at,
        updated_at: at,
      } as never)
      .execute()
    const comment = (n: number, contact: string) => ({
      id: `k-${n}`,
      consultation_id: 'c-old',
      department_id: departmentId,
      receipt_no: `YJ20261120AAAAAAA${n}`,
      paragraph_no: null,
      body: `旧意见 ${n}`,
      name: '',
      contact,
      received_at: at,
    })
    await db
      .insertInto('consultation_comments')
      .values([comment(1, '13812345678'), comment(2, ''), comment(3, 'li@example.com')] as never)
      .execute()

    await migrateServerDatabase(db)
    const rows = await db
      .selectFrom('consultation_comments')
      .select(['id', 'contact', 'commenter_type'])
      .orderBy('id')
      .execute()
    expect(rows.map((r) => r.contact)[0]).toBe('138****5678')
    expect(rows.map((r) => r.contact)[1]).toBe('')
    expect(JSON.stringify(rows)).not.toContain('li@example.com')
    expect(rows.every((r) => r.commenter_type === null)).toBe(true)
    // The department's own contact line (public on the page) is not personal data: untouched.
    const c = await db
      .selectFrom('consultations')
      .select(['contact', 'result_item_id'])
      .executeTakeFirstOrThrow()
    expect(c).toEqual({ contact: '区科技局 0533-3580000', result_item_id: null })
    const audit = await db
      .selectFrom('district_audit')
      .select(['action', 'detail_json'])
      .where('action', '=', 'consultation.contacts-masked')
      .execute()
    expect(audit).toEqual([
      { action: 'consultation.contacts-masked', detail_json: '{"comments":2}' },
    ])
  })
})
