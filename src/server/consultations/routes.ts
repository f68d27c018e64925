import { Readable } from 'node:stream'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import { officeToday } from '../../core/requests/office-day'
import { writeSpreadsheet } from '../../core/spreadsheet'
import { QA_EXPORT_COLUMNS } from '../../shared/engagement/labels'
import { COMMENT_LIMITS } from '../../shared/engagement/schemas'
import { COMMENTER_TYPES, type CommenterType } from '../../shared/engagement/types'
import {
  commentsQuerySchema,
  consultationWireSchema,
  qaWireSchema,
} from '../../shared/engagement/wire'
import { blobHashSchema } from '../../shared/sync/wire'
import { hasControlCharacters } from '../../shared/text'
import type { ServerDB } from '../db/schema'
import { departmentOf } from '../http/authenticate'
import { basicAuthMatches } from '../http/routes/district-view-routes'
import { parseOrThrow } from '../items/item-schemas'
import { parseUrlEncoded } from '../view/form-body'
import {
  commentsFeed,
  consultationAttachment,
  deleteQa,
  liveConsultation,
  liveConsultations,
  putConsultation,
  putQa,
  qaKnowledgeBase,
  submitComment,
} from './consultations-service'
import { dayText } from '../view/layout'
import {
  consultationPage,
  EMPTY_FORM,
  listPage,
  messagePage,
  receiptPage,
  type FormField,
} from './page'
import { contentDisposition, downloadContentType } from './download'
import { DEFAULT_COMMENT_LIMIT, memoryCommentThrottle, sharedCommentThrottle } from './throttle'

const idSchema = consultationWireSchema.shape.noticeItemId

/**
 * The department API (inside the token scope): `PUT /consultations/{id}` puts a consultation
 * online on top of its synced notice, `GET /consultations/comments?after=` is the department's
 * comment feed (contact masked), `PUT|DELETE /qa/{id}` keep its entries of the Q&A base.
 */
export function registerConsultationRoutes(
  scope: FastifyInstance,
  db: Kysely<ServerDB>,
  clock: () => Date,
): void {
  scope.put<{ Params: { id: string } }>('/consultations/:id', async (req, reply) => {
    const department = departmentOf(req)
    const id = parseOrThrow(idSchema, req.params.id, '意见征集编号').toLowerCase()
    const body = parseOrThrow(consultationWireSchema, req.body, '意见征集')
    const result = await putConsultation(db, department.id, id, body, clock().toISOString())
    return reply.status(result.result === 'created' ? 201 : 200).send(result)
  })
  scope.get('/consultations/comments', async (req) => {
    const department = departmentOf(req)
    const q = parseOrThrow(commentsQuerySchema, req.query, '查询参数')
    return commentsFeed(db, department.id, q.after ?? 0, q.limit ?? 500)
  })
  scope.put<{ Params: { id: string } }>('/qa/:id', async (req, reply) => {
    const department = departmentOf(req)
    const id = parseOrThrow(idSchema, req.params.id, '问答编号').toLowerCase()
    const body = parseOrThrow(qaWireSchema, req.body, '政策问答')
    const result = await putQa(db, department.id, id, body, clock().toISOString())
    return reply.status(result.result === 'created' ? 201 : 200).send(result)
  })
  scope.delete<{ Params: { id: string } }>('/qa/:id', async (req) => {
    const department = departmentOf(req)
    const id = parseOrThrow(idSchema, req.params.id, '问答编号').toLowerCase()
    await deleteQa(db, department.id, id)
    return { id, result: 'deleted' }
  })
}

/** Headers of the public pages: no script may run, forms post only here, never framed. */
const PUBLIC_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
}

export interface ConsultationPageOptions {
  /** Per-address comment limit (default 10 per 10 minutes). */
  commentLimit?: { max: number; windowMs: number }
  /**
   * PostgreSQL (DATABASE_URL): the comment limit's counters live in this database, shared by the
   * instances behind a load balancer; absent (SQLite, one instance): in memory.
   */
  shared?: Kysely<ServerDB>
  /** The district view's protection, for the knowledge-base export. */
  view: { password?: string; openWithoutPassword: boolean }
}

function send(reply: FastifyReply, status: number, body: string) {
  return reply.status(status).headers(PUBLIC_HEADERS).send(body)
}

/** The form fields as typed: trimmed text, a paragraph number or null, the 身份 or null. */
function readForm(body: unknown) {
  const fields = (body as { fields?: Record<string, string> } | null)?.fields ?? {}
  const paragraph = (fields.paragraph ?? '').trim()
  const no = /^\d{1,5}$/.test(paragraph) ? Number(paragraph) : null
  const type = (fields.type ?? '').trim()
  return {
    body: (fields.body ?? '').trim(),
    paragraphNo: no,
    name: (fields.name ?? '').trim(),
    contact: (fields.contact ?? '').trim(),
    commenterType: (COMMENTER_TYPES as readonly string[]).includes(type)
      ? (type as CommenterType)
      : null,
    /** A 身份 outside the list (a hand-made post): refused, not silently dropped. */
    typeUnknown: type !== '' && !(COMMENTER_TYPES as readonly string[]).includes(type),
  }
}

/**
 * Why the form is refused and the field it is about, or null. Lengths count characters as the
 * page states them.
 */
function formError(
  f: ReturnType<typeof readForm>,
): { error: string; errorField: FormField } | null {
  const refuse = (errorField: FormField, error: string) => ({ error, errorField })
  if (f.body === '') return refuse('body', '请填写意见内容。')
  const len = (s: string) => [...s].length
  if (len(f.body) > COMMENT_LIMITS.body)
    return refuse('body', `意见内容最多 ${COMMENT_LIMITS.body} 字，请删减后再提交。`)
  if (len(f.name) > COMMENT_LIMITS.name)
    return refuse('name', `姓名或单位最多 ${COMMENT_LIMITS.name} 字。`)
  if (len(f.contact) > COMMENT_LIMITS.contact)
    return refuse('contact', `联系方式最多 ${COMMENT_LIMITS.contact} 字。`)
  for (const field of ['body', 'name', 'contact'] as const) {
    if (hasControlCharacters(f[field]) || f[field].includes('\u0000')) {
      return refuse(field, '内容含有不可见的控制字符，请删除后再提交。')
    }
  }
  if (f.typeUnknown) return refuse('type', '请从列表中选择身份，或选择「不选择」。')
  return null
}

/**
 * The public comment pages at the district server's root: `GET /consultations` (what is online),
 * `GET /consultations/{id}` (the draft, the period and the form), `POST /consultations/{id}/comments`
 * (a plain form post; answered with the receipt page), and for district staff the knowledge base
 * export `GET /district/qa.json` and `/district/qa.xlsx` (behind the district view's password).
 */
export function registerConsultationPages(
  app: FastifyInstance,
  db: Kysely<ServerDB>,
  clock: () => Date,
  options: ConsultationPageOptions,
): void {
  const limit = options.commentLimit ?? DEFAULT_COMMENT_LIMIT
  const throttle = options.shared
    ? sharedCommentThrottle(options.shared, limit, clock)
    : memoryCommentThrottle(limit, clock)
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      // 5,000 Chinese characters percent-encoded are 45 KB; leave room for the other fields.
      { parseAs: 'string', bodyLimit: 128 * 1024 },
      (_req, body, done) => done(null, parseUrlEncoded(body as string)),
    )
    scope.setErrorHandler((error, _req, reply) => {
      const status = (error as { statusCode?: number }).statusCode
      if (status === 413)
        return send(reply, 413, messagePage('内容过长', '提交的内容过长，请删减后重试。'))
      if (status === 415)
        return send(reply, 415, messagePage('无法提交', '请通过意见征集页面的表单提交。'))
      scope.log.error({ err: error }, '意见征集页面出错')
      return send(
        reply,
        500,
        messagePage('暂时无法处理', '服务器暂时无法处理您的请求，请稍后重试。'),
      )
    })

    scope.get('/consultations', async (_req, reply) =>
      send(reply, 200, listPage(await liveConsultations(db), officeToday(clock))),
    )

    scope.get<{ Params: { id: string }; Querystring: { paragraph?: string } }>(
      '/consultations/:id',
      async (req, reply) => {
        const parsed = idSchema.safeParse(req.params.id)
        const c = parsed.success ? await liveConsultation(db, parsed.data.toLowerCase()) : null
        if (!c)
          return send(reply, 404, messagePage('未找到', '没有找到该意见征集，可能已结束或已撤回。'))
        const p = Number(req.query.paragraph)
        const paragraphNo = Number.isInteger(p) && c.paragraphs.some((x) => x.no === p) ? p : null
        return send(
          reply,
          200,
          consultationPage(c, officeToday(clock), { ...EMPTY_FORM, paragraphNo }),
        )
      },
    )

    scope.get<{ Params: { id: string; sha256: string } }>(
      '/consultations/:id/attachments/:sha256',
      async (req, reply) => {
        const id = idSchema.safeParse(req.params.id)
        // A hash and nothing else: a name, a path or `..` never reaches the database.
        const sha256 = blobHashSchema.safeParse(req.params.sha256)
        const outcome =
          id.success && sha256.success
            ? await consultationAttachment(db, id.data.toLowerCase(), sha256.data)
            : ({ kind: 'not_found' } as const)
        if (outcome.kind === 'not_found')
          return send(
            reply,
            404,
            messagePage('未找到', '没有找到该附件，可能意见征集已结束或已撤回。'),
          )
        if (outcome.kind === 'pending') {
          reply.header('retry-after', '300')
          return send(
            reply,
            503,
            messagePage('附件正在上传', `附件「${outcome.name}」正在上传，请稍后再试。`),
          )
        }
        return reply
          .status(200)
          .headers({
            'content-type': downloadContentType(outcome.name),
            'content-disposition': contentDisposition(outcome.name),
            'content-length': String(outcome.size),
            'x-content-type-options': 'nosniff',
            'content-security-policy': "default-src 'none'; sandbox",
            'referrer-policy': 'no-referrer',
            'cache-control': 'no-cache',
          })
          .send(Readable.from(outcome.bytes))
      },
    )

    scope.post<{ Params: { id: string } }>('/consultations/:id/comments', async (req, reply) => {
      const wait = await throttle.hit(req.ip)
      if (wait !== null) {
        reply.header('retry-after', String(wait))
        return send(
          reply,
          429,
          messagePage(
            '提交过于频繁',
            `同一网络提交意见过于频繁，请在 ${Math.ceil(wait / 60)} 分钟后再试。`,
          ),
        )
      }
      const parsed = idSchema.safeParse(req.params.id)
      const id = parsed.success ? parsed.data.toLowerCase() : null
      const c = id ? await liveConsultation(db, id) : null
      if (!c || !id)
        return send(reply, 404, messagePage('未找到', '没有找到该意见征集，可能已结束或已撤回。'))
      const form = readForm(req.body)
      const refused = formError(form)
      const today = officeToday(clock)
      if (refused) return send(reply, 400, consultationPage(c, today, { ...form, ...refused }))
      const now = clock()
      const outcome = await submitComment(db, id, form, now)
      switch (outcome.kind) {
        case 'accepted':
          return send(reply, 201, receiptPage(c, outcome.receiptNo, now))
        case 'not_started':
          return send(
            reply,
            409,
            messagePage(
              '征集尚未开始',
              `本次意见征集自${dayText(outcome.startDate)}开始，请届时再提交。`,
            ),
          )
        case 'ended':
          return send(
            reply,
            409,
            messagePage(
              '征集已结束',
              `本次意见征集已于${dayText(outcome.endDate)}结束，不再接收意见。`,
            ),
          )
        case 'invalid':
          return send(
            reply,
            400,
            consultationPage(c, today, {
              ...form,
              error: outcome.message,
              errorField: 'paragraph',
            }),
          )
        case 'not_found':
          return send(reply, 404, messagePage('未找到', '没有找到该意见征集，可能已结束或已撤回。'))
      }
    })

    const districtOnly = async (req: FastifyRequest, reply: FastifyReply) => {
      if (options.view.password) {
        if (!basicAuthMatches(req.headers.authorization, options.view.password)) {
          reply.header('www-authenticate', 'Basic realm="district", charset="UTF-8"')
          return send(reply, 401, messagePage('需要密码', '请输入区级总览页的访问密码。'))
        }
      } else if (!options.view.openWithoutPassword) {
        return send(reply, 403, messagePage('未启用', '区级页面未启用访问密码，不能导出知识库。'))
      }
      return undefined
    }

    scope.get('/district/qa.json', async (req, reply) => {
      const refused = await districtOnly(req, reply)
      if (refused) return refused
      const entries = await qaKnowledgeBase(db)
      return reply
        .headers({
          'content-type': 'application/json; charset=utf-8',
          'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent('政策问答知识库.json')}`,
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        })
        .send(JSON.stringify({ exportedAt: clock().toISOString(), entries }, null, 2))
    })

    scope.get('/district/qa.xlsx', async (req, reply) => {
      const refused = await districtOnly(req, reply)
      if (refused) return refused
      const entries = await qaKnowledgeBase(db)
      const bytes = await writeSpreadsheet({
        sheets: [
          {
            name: '政策问答知识库',
            title: '政策业务咨询问答知识库',
            columns: QA_EXPORT_COLUMNS.map((header, i) => ({
              header,
              width: [6, 30, 50, 26, 20, 24, 16, 12, 12, 16, 20][i] ?? 12,
            })),
            rows: entries.map((e, i) => [
              i + 1,
              e.question,
              e.answer,
              e.policyTitle,
              e.policyDocNumber,
              e.interpretationTitle ?? '',
              e.department,
              e.validFrom ?? '',
              e.validTo ?? '',
              e.keywords,
              e.valid ? '有效' : (e.flag ?? '失效'),
            ]),
          },
        ],
      })
      return reply
        .headers({
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent('政策问答知识库.xlsx')}`,
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        })
        .send(bytes)
    })
  })
}
