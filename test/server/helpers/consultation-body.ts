import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { expect } from 'vitest'
import type { ServerDB } from '../../../src/server/db/schema'
import { makeItem, newItemId, putBody } from './payloads'
import { call, department } from './test-server'

/** NOW is 2026-11-26 16:00 in Beijing: inside 11-20 … 12-10, after 11-25, before 11-27. */
const OPEN = { startDate: '2026-11-20', endDate: '2026-12-10' }

/**
 * A consultation as a department's desk puts it online (`PUT /api/v1/consultations/{id}`), on top
 * of its notice `noticeItemId` at revision 1; `overrides` replace fields.
 */
export function consultationBody(noticeItemId: string, overrides: Record<string, unknown> = {}) {
  return {
    noticeItemId,
    noticeRevision: 1,
    title: '《高新区小微企业补贴办法（征求意见稿）》公开征求意见',
    draftTitle: '高新区小微企业补贴办法（征求意见稿）',
    decisionType: 'normative',
    ...OPEN,
    shortReason: '',
    questions: '一、补贴申请条件是否合理？',
    contact: '区科技局综合科 0533-3580000',
    channels: ['online', 'email'],
    paragraphs: [
      { no: 1, text: '第一条 为支持小微企业发展，制定本办法。' },
      { no: 2, text: '第二条 申请补贴须连续缴纳社会保险满一年。' },
    ],
    attachments: [{ name: '起草说明.docx' }],
    ...overrides,
  }
}

/**
 * On `app` (over `db`): department A (区科技局) with its notice (类别 意见征集, `notice` fields
 * replaced) synced and its consultation online (`consultation` fields replaced); department B
 * (区民政局) with none.
 */
export async function consultationOnline(
  db: Kysely<ServerDB>,
  app: FastifyInstance,
  parts: { notice?: Record<string, unknown>; consultation?: Record<string, unknown> } = {},
) {
  const a = await department(db, 'A', '区科技局')
  const b = await department(db, 'B', '区民政局')
  const noticeId = newItemId()
  const notice = makeItem({
    kind: 'consultation',
    title: '关于公开征求意见的公告',
    ...parts.notice,
  })
  expect(
    (await call(app, a.token, 'PUT', `/api/v1/items/${noticeId}`, putBody(1, notice))).statusCode,
  ).toBe(201)
  const id = newItemId()
  const put = await call(
    app,
    a.token,
    'PUT',
    `/api/v1/consultations/${id}`,
    consultationBody(noticeId, parts.consultation),
  )
  expect(put.statusCode).toBe(201)
  return { a, b, id, noticeId }
}

/** A comment posted on the public page as a browser does (form-encoded, from address `ip`). */
export function postComment(
  app: FastifyInstance,
  id: string,
  fields: Record<string, string>,
  ip = '203.0.113.7',
) {
  return app.inject({
    method: 'POST',
    url: `/consultations/${id}/comments`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
    remoteAddress: ip,
  })
}
