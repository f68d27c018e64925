import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import type { ServerDB } from '../../db/schema'
import { getOverview, type LateRule } from '../../overview/overview-service'
import { renderOverviewPage } from '../../view/overview-page'

/** How the district page is protected. */
export interface DistrictViewOptions {
  /** When set, the page asks for HTTP Basic credentials with this password (any user name). */
  password?: string
  /** Without a password the page is served only when this is true (bound to loopback). */
  openWithoutPassword: boolean
  lateRule: LateRule
}

/** Strict headers for the page: it runs no script, loads nothing, and is never framed or cached. */
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
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

function refuse(reply: FastifyReply, status: 401 | 403, text: string) {
  if (status === 401) reply.header('www-authenticate', 'Basic realm="district", charset="UTF-8"')
  return reply
    .status(status)
    .headers(PAGE_HEADERS)
    .send(`<!doctype html><meta charset="utf-8"><p>${text}</p>`)
}

/** `GET /`: the district overview, server-rendered, every value escaped. */
export function registerDistrictView(
  app: FastifyInstance,
  db: Kysely<ServerDB>,
  clock: () => Date,
  options: DistrictViewOptions,
): void {
  app.get('/', async (req: FastifyRequest, reply) => {
    if (options.password) {
      if (!basicAuthMatches(req.headers.authorization, options.password)) {
        return refuse(reply, 401, '请输入区级总览页的访问密码。')
      }
    } else if (!options.openWithoutPassword) {
      return refuse(
        reply,
        403,
        '总览页未启用：在非本机地址上监听时，须用 --view-password 或环境变量 DISTRICT_VIEW_PASSWORD 设置访问密码。',
      )
    }
    const now = clock()
    const overview = await getOverview(db, now, options.lateRule)
    return reply.headers(PAGE_HEADERS).send(renderOverviewPage(overview, options.lateRule, now))
  })
}
