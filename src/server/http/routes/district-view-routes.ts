import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import type { ServerDB } from '../../db/schema'
import {
  beijingDay,
  departmentReport,
  departmentSchedule,
  districtOverview,
  parseOverviewQuery,
} from '../../overview/district-overview'
import type { LateRule } from '../../overview/overview-service'
import { overviewXlsx } from '../../overview/overview-xlsx'
import { registerDistrictItemPage } from '../../overview/item-detail'
import {
  BreakdownFileError,
  listBreakdowns,
  parseBreakdownFile,
  publishBreakdown,
} from '../../schedule/breakdown-service'
import { renderDistrictOverview } from '../../view/district-page'
import { renderDepartmentReport } from '../../view/report-page'
import { escapeHtml } from '../../view/html'
import { FormBodyError, parseMultipart, parseUrlEncoded, type FormBody } from '../../view/form-body'
import { registerDistrictCalendarPages } from '../../calendar/calendar-pages'
import { registerDistrictAccountRoutes } from '../../district/account-routes'
import { districtSession, hasDistrictAccounts, SESSION_COOKIE } from '../../district/accounts'
import {
  accessOf,
  actorOf,
  allowed,
  cookieOf,
  linksOf,
  viewerOf,
} from '../../district/request-context'
import { renderBreakdownsPage, renderDepartmentSchedule } from '../../view/schedule-pages'

/** How the district page is protected. */
export interface DistrictViewOptions {
  /** When set, the page asks for HTTP Basic credentials with this password (any user name). */
  password?: string
  /** Without a password the page is served only when this is true (bound to loopback). */
  openWithoutPassword: boolean
  lateRule: LateRule
}

/** Largest breakdown file accepted by the upload form. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024

/**
 * Strict headers for the pages: they run no script, load nothing, post forms only to this server,
 * and are never framed or cached.
 */
export const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  // Not no-referrer: with it browsers send `Origin: null` on the pages' own form posts, which the
  // same-origin check below must then refuse. same-origin still sends nothing to other sites.
  'referrer-policy': 'same-origin',
  'cache-control': 'no-store',
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest()

/** True when the Basic credentials carry `password`; compared in constant time via digests. */
export function basicAuthMatches(header: string | undefined, password: string): boolean {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '')
  if (!match?.[1]) return false
  const decoded = Buffer.from(match[1], 'base64').toString('utf8')
  const given = decoded.slice(decoded.indexOf(':') + 1)
  return timingSafeEqual(digest(given), digest(password))
}

export function refuse(reply: FastifyReply, status: 400 | 401 | 403 | 404, text: string) {
  if (status === 401) reply.header('www-authenticate', 'Basic realm="district", charset="UTF-8"')
  return reply
    .status(status)
    .headers(PAGE_HEADERS)
    .send(
      `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>区级总览</title><p>${escapeHtml(text)}</p><p><a href="/">返回各部门总览</a></p></html>`,
    )
}

/**
 * A form POST from another site (the browser would send the Basic credentials along) is refused:
 * the Origin (or, without it, the Referer) must be this server.
 */
export function sameOrigin(req: FastifyRequest): boolean {
  const host = req.headers.host
  if (!host) return false
  // Fetch metadata (every current browser): a cross-site form says so whatever its Origin.
  const site = req.headers['sec-fetch-site']
  if (site !== undefined && site !== 'same-origin') return false
  const from = req.headers.origin ?? req.headers.referer
  if (!from || from === 'null') return false
  try {
    return new URL(from).host === host
  } catch {
    return false
  }
}

/**
 * The district pages (server-rendered, escaped, no script): `GET /` the overview of every
 * department (items, 工作配档表 completion, overdue tasks, evidence; sortable, filterable),
 * `GET /district/overview.xlsx` the same rows as .xlsx, `GET /district/departments/:code/schedule`
 * one department's table, `GET|POST /district/breakdowns` the published 重点工作分解表 and the
 * upload form. Protected by the view password (HTTP Basic) or served only on loopback.
 */
export function registerDistrictView(
  app: FastifyInstance,
  db: Kysely<ServerDB>,
  clock: () => Date,
  options: DistrictViewOptions,
): void {
  void app.register(async (scope) => {
    // Form bodies for these pages only; the JSON API (another scope) still answers 415 to them.
    scope.addContentTypeParser(
      'multipart/form-data',
      { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES + 64 * 1024 },
      (req, body, done) => {
        try {
          done(null, parseMultipart(body as Buffer, req.headers['content-type'] ?? ''))
        } catch (e) {
          done(e as Error, undefined)
        }
      },
    )
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 64 * 1024 },
      (_req, body, done) => done(null, parseUrlEncoded(body as string)),
    )
    scope.setErrorHandler((error, _req, reply) => {
      if (error instanceof FormBodyError) return refuse(reply, 400, error.message)
      const status = (error as { statusCode?: number }).statusCode
      if (status === 413) return refuse(reply, 400, '上传的文件过大（最大 20 MB）。')
      if ((error as { code?: string }).code === 'NOT_FOUND') {
        return refuse(reply, 404, (error as Error).message)
      }
      scope.log.error({ err: error }, '区级页面出错')
      return refuse(reply, 400, '请求无法处理，请返回重试。')
    })
    scope.decorateRequest('districtAccess', null)
    scope.addHook('onRequest', async (req, reply) => {
      if (req.method === 'POST' && !sameOrigin(req)) {
        return refuse(reply, 403, '请从区级总览页本身提交表单（来源不符，已拒绝）。')
      }
      const path = req.url.split('?')[0]
      if (await hasDistrictAccounts(db)) {
        // District accounts exist: a session is needed; the view password no longer opens anything.
        const token = cookieOf(req, SESSION_COOKIE)
        const session = await districtSession(db, token, clock())
        req.districtAccess = { mode: 'accounts', session, token }
        if (path === '/district/login' || session) return
        if (req.method === 'GET') {
          return reply.redirect(`/district/login?next=${encodeURIComponent(req.url)}`, 303)
        }
        return refuse(reply, 403, '登录已过期，请重新登录后再提交。')
      }
      if (options.password) {
        if (!basicAuthMatches(req.headers.authorization, options.password)) {
          return refuse(reply, 401, '请输入区级总览页的访问密码。')
        }
        req.districtAccess = { mode: 'password' }
      } else if (!options.openWithoutPassword) {
        return refuse(
          reply,
          403,
          '总览页未启用：在非本机地址上监听时，须用 --view-password 或环境变量 DISTRICT_VIEW_PASSWORD 设置访问密码，或用 server:admin create-district-user 创建区级账户。',
        )
      } else {
        req.districtAccess = { mode: 'open' }
      }
    })
    // Every form of a session carries its CSRF token (SameSite=Strict and the Origin check aside).
    scope.addHook('preHandler', async (req, reply) => {
      const access = accessOf(req)
      if (req.method !== 'POST' || access.mode !== 'accounts' || !access.session) return
      const form = req.body as FormBody | undefined
      if (form?.fields?.csrf !== access.session.csrf) {
        return refuse(reply, 403, '表单已过期，请返回页面刷新后重新提交。')
      }
    })

    registerDistrictAccountRoutes(scope, db, clock, { refuse, headers: PAGE_HEADERS })
    registerDistrictCalendarPages(scope, db, clock, PAGE_HEADERS)
    registerDistrictItemPage(scope, db, { headers: PAGE_HEADERS, refuse })

    scope.get('/', async (req, reply) => {
      const now = clock()
      const query = parseOverviewQuery(req.query as Record<string, unknown>, now)
      const overview = await districtOverview(db, now, query, options.lateRule)
      return reply
        .headers(PAGE_HEADERS)
        .send(
          renderDistrictOverview(
            overview,
            overview.late,
            options.lateRule,
            now,
            viewerOf(req),
            linksOf(req),
          ),
        )
    })

    scope.get('/district/overview.xlsx', async (req, reply) => {
      const now = clock()
      const query = parseOverviewQuery(req.query as Record<string, unknown>, now)
      const overview = await districtOverview(db, now, query, options.lateRule)
      const bytes = await overviewXlsx(overview)
      const name = `${query.year}年各部门政务公开工作情况.xlsx`
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="overview-${query.year}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(bytes)
    })

    scope.get<{ Params: { code: string } }>(
      '/district/departments/:code/schedule',
      async (req, reply) => {
        const now = clock()
        const query = parseOverviewQuery(req.query as Record<string, unknown>, now)
        const data = await departmentSchedule(db, req.params.code, query.year)
        const overview = await districtOverview(
          db,
          now,
          { ...query, q: '', only: '' },
          options.lateRule,
        )
        const row = overview.rows.find((r) => r.code === data.code)
        return reply
          .headers(PAGE_HEADERS)
          .send(
            renderDepartmentSchedule(
              data,
              beijingDay(now),
              overview.years,
              viewerOf(req),
              linksOf(req),
              row ? { pushed: row.pushed, incomplete: row.incomplete } : null,
            ),
          )
      },
    )

    scope.get<{ Params: { code: string } }>(
      '/district/departments/:code/report',
      async (req, reply) => {
        const raw = req.query as Record<string, unknown>
        // `year` is the report's own year (the overview of 2026 shows the reports of 2025); by
        // default the year before the current one, the report now due.
        const year = raw['year']
          ? parseOverviewQuery(raw, clock()).year
          : Number(beijingDay(clock()).slice(0, 4)) - 1
        const data = await departmentReport(db, req.params.code, year)
        return reply
          .headers(PAGE_HEADERS)
          .send(renderDepartmentReport(data, viewerOf(req), linksOf(req)))
      },
    )

    const breakdownsPage = async (req: FastifyRequest, message?: { ok: boolean; text: string }) =>
      renderBreakdownsPage(
        await listBreakdowns(db),
        {
          defaultYear: Number(beijingDay(clock()).slice(0, 4)),
          canPublish: allowed(req, 'publish'),
          csrf: viewerOf(req)?.csrf ?? '',
          ...(message ? { message } : {}),
        },
        viewerOf(req),
        linksOf(req),
      )

    scope.get('/district/breakdowns', async (req, reply) =>
      reply.headers(PAGE_HEADERS).send(await breakdownsPage(req)),
    )

    scope.post('/district/breakdowns', async (req, reply) => {
      const form = req.body as FormBody | undefined
      const send = async (status: 200 | 400 | 403, ok: boolean, text: string) =>
        reply
          .status(status)
          .headers(PAGE_HEADERS)
          .send(await breakdownsPage(req, { ok, text }))
      if (!allowed(req, 'publish')) {
        return send(403, false, '只有「审核发布」或「管理员」角色可以发布分解表。')
      }
      if (!form || !Array.isArray(form.files)) {
        return send(400, false, '请用页面上的表单选择分解表文件后发布。')
      }
      const year = Number(form.fields.year)
      if (!Number.isInteger(year) || year < 2000 || year > 2100) {
        return send(400, false, '年度应为 2000 至 2100 之间的四位数字，例如 2026。')
      }
      const file = form.files.find((f) => f.field === 'file')
      if (!file || file.bytes.length === 0) return send(400, false, '请选择要发布的分解表文件。')
      try {
        const parsed = parseBreakdownFile(file.bytes, file.fileName || '分解表.xlsx', year)
        const actor = actorOf(req)
        const at = clock().toISOString()
        const done = await publishBreakdown(db, parsed, actor, at)
        return send(
          200,
          true,
          done.changed
            ? `已发布 ${year} 年「${parsed.title}」第 ${done.version} 版（${done.taskCount} 项任务），各部门下次同步时收到。`
            : `与已发布的 ${year} 年第 ${done.version} 版相同，未作更改。`,
        )
      } catch (e) {
        if (e instanceof BreakdownFileError) return send(400, false, e.message)
        throw e
      }
    })
  })
}
