import { isIP } from 'node:net'
import { parseArgs } from 'node:util'
import { resolveTarget, type DatabaseTarget } from '../db/connect'
import { DEFAULT_BODY_LIMIT, type TrustProxy } from '../http/app'
import { DEFAULT_RATE_LIMIT, type RateLimitOptions } from '../http/rate-limit'
import { DEFAULT_LATE_RULE, type LateRule } from '../overview/overview-service'
import { parseByteSize } from './byte-size'
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from '../uploads/uploads-service'

/** The server's settings after parsing the command line and environment. */
export interface ServerSettings {
  target: DatabaseTarget
  host: string
  port: number
  bodyLimit: number
  rateLimit: RateLimitOptions | false
  tls: { certPath: string; keyPath: string } | null
  viewPassword: string | undefined
  lateRule: LateRule
  logLevel: string
  /** The load balancers whose X-Forwarded-For is believed; false: none. */
  trustProxy: TrustProxy
  /** Seconds the whole request (headers and body) may take before the socket is closed. */
  requestTimeoutS: number
  /** Attachment uploads: largest file, per-department quota, chunk size, expiry (protocol v2). */
  uploads: UploadLimits
}

export const SERVER_USAGE = `用法：npm run server -- --data <目录> [--port 8080] [--host 127.0.0.1]
  [--tls-cert <证书.pem> --tls-key <私钥.pem>] [--body-limit 20mb]
  [--rate-limit 600] [--rate-window 60] [--view-password <密码>] [--late-days 20]
  [--returned-days 5] [--log-level info] [--trust-proxy <负载均衡地址或 CIDR,…>] [--request-timeout 120]
  [--upload-max-file 1024mb] [--upload-quota 20gb] [--upload-chunk 4mb] [--upload-expiry 7]
附件上传的上限也可用环境变量 UPLOAD_MAX_FILE、UPLOAD_QUOTA、UPLOAD_CHUNK、UPLOAD_EXPIRY_DAYS 设置（命令行优先）；
--upload-expiry：未完成的上传在最后一个分块之后多少天过期，过期后删除分块、释放配额（0 为永不过期）；
设置 DATABASE_URL=postgres://… 时使用 PostgreSQL（此时不需要 --data）；
总览页密码也可用环境变量 DISTRICT_VIEW_PASSWORD 设置（避免出现在进程列表中）。`

/** A wrong command line, reported in Chinese with the usage. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

function positiveInt(
  value: string | undefined,
  fallback: number,
  what: string,
  allowZero = false,
): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < (allowZero ? 0 : 1))
    throw new UsageError(`${what} 必须是${allowZero ? '非负' : '正'}整数，收到：${value}`)
  return n
}

/** True for addresses only this machine can reach, where the district page may go without a password. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host)
}

/**
 * The warning for serving plain http on an address other machines can reach: department tokens
 * and item contents would cross the network in clear (issue 8, point 10). None on loopback, with
 * TLS, or behind a proxy (`--trust-proxy`, which is expected to terminate TLS).
 */
export function plainHttpWarning(settings: {
  host: string
  tls: unknown
  trustProxy: TrustProxy
}): string | null {
  if (settings.tls || settings.trustProxy !== false || isLoopback(settings.host)) return null
  return (
    `警告：正在以明文 http 在非本机地址 ${settings.host} 上提供服务，部门令牌和条目内容将以明文传输。` +
    '请用 --tls-cert 与 --tls-key 启用 HTTPS，或置于 HTTPS 反向代理之后并加 --trust-proxy。'
  )
}

const TRUST_PROXY_HELP =
  '--trust-proxy 需要负载均衡（反向代理）的地址，如 10.0.0.5 或 10.0.0.0/24（逗号分隔，也可写 loopback、' +
  'uniquelocal）。不接受 true、跳数或 0.0.0.0/0：那样直接连接的客户端也能用 X-Forwarded-For 自选地址，' +
  '绕过认证前的频率限制。'

/**
 * `--trust-proxy` (review finding 8): the proxies whose X-Forwarded-For is believed — addresses,
 * CIDRs or proxy-addr's names; never "everyone". No hop count: it cannot tell the proxy from a
 * direct client (Fastify 5 itself trusts nothing for a number).
 */
export function parseTrustProxy(value: string): TrustProxy {
  const entries = value.split(',').map((e) => e.trim())
  for (const entry of entries) {
    if (!isProxyAddress(entry))
      throw new UsageError(`${TRUST_PROXY_HELP}收到：${entry || '（空）'}`)
  }
  return entries
}

function isProxyAddress(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true
  const [address, prefix, ...more] = entry.split('/')
  const family = isIP(address ?? '')
  if (family === 0 || more.length > 0) return false
  if (prefix === undefined) return true
  if (!/^\d{1,3}$/.test(prefix)) return false
  const bits = Number(prefix)
  // /0 would trust every address.
  return bits >= 1 && bits <= (family === 4 ? 32 : 128)
}

/** Parses `npm run server -- …` arguments (and DATABASE_URL / DISTRICT_VIEW_PASSWORD). */
export function parseServerArgs(argv: string[], env: NodeJS.ProcessEnv): ServerSettings {
  let values
  try {
    ;({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        data: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        'body-limit': { type: 'string' },
        'rate-limit': { type: 'string' },
        'rate-window': { type: 'string' },
        'view-password': { type: 'string' },
        'late-days': { type: 'string' },
        'returned-days': { type: 'string' },
        'log-level': { type: 'string' },
        'trust-proxy': { type: 'string' },
        'request-timeout': { type: 'string' },
        'upload-max-file': { type: 'string' },
        'upload-quota': { type: 'string' },
        'upload-chunk': { type: 'string' },
        'upload-expiry': { type: 'string' },
      },
    }))
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e)
    if (why.includes('--trust-proxy')) throw new UsageError(TRUST_PROXY_HELP)
    throw new UsageError(`参数有误：${why}`)
  }
  let target: DatabaseTarget
  try {
    target = resolveTarget(values.data, env.DATABASE_URL)
  } catch (e) {
    throw new UsageError((e as Error).message)
  }
  const port = positiveInt(values.port, 8080, '--port', true)
  if (port > 65535) throw new UsageError('--port 必须在 0–65535 之间。')
  const bodyLimit =
    values['body-limit'] === undefined ? DEFAULT_BODY_LIMIT : parseByteSize(values['body-limit'])
  if (bodyLimit === null)
    throw new UsageError(`--body-limit 无效：${values['body-limit']}（例如 20mb）`)
  const max = positiveInt(values['rate-limit'], DEFAULT_RATE_LIMIT.max, '--rate-limit', true)
  const windowS = positiveInt(
    values['rate-window'],
    DEFAULT_RATE_LIMIT.timeWindowMs / 1000,
    '--rate-window',
  )
  const size = (option: string, given: string | undefined, fallback: number) => {
    if (given === undefined || given === '') return fallback
    const bytes = parseByteSize(given)
    if (bytes === null) throw new UsageError(`--${option} 无效：${given}（例如 4mb、20gb）`)
    return bytes
  }
  const uploads: UploadLimits = {
    maxFileBytes: size(
      'upload-max-file',
      values['upload-max-file'] ?? env.UPLOAD_MAX_FILE,
      DEFAULT_UPLOAD_LIMITS.maxFileBytes,
    ),
    quotaBytes: size(
      'upload-quota',
      values['upload-quota'] ?? env.UPLOAD_QUOTA,
      DEFAULT_UPLOAD_LIMITS.quotaBytes,
    ),
    chunkBytes: size(
      'upload-chunk',
      values['upload-chunk'] ?? env.UPLOAD_CHUNK,
      DEFAULT_UPLOAD_LIMITS.chunkBytes,
    ),
    expiryDays: positiveInt(
      values['upload-expiry'] ?? (env.UPLOAD_EXPIRY_DAYS || undefined),
      DEFAULT_UPLOAD_LIMITS.expiryDays,
      '--upload-expiry',
      true,
    ),
  }
  if (uploads.chunkBytes < 64 * 1024 || uploads.chunkBytes > 64 * 1024 * 1024)
    throw new UsageError('--upload-chunk 必须在 64kb–64mb 之间。')
  const cert = values['tls-cert']
  const key = values['tls-key']
  if (Boolean(cert) !== Boolean(key)) throw new UsageError('--tls-cert 与 --tls-key 必须同时提供。')
  return {
    target,
    host: values.host ?? '127.0.0.1',
    port,
    bodyLimit,
    // --rate-limit 0 switches the limiter off (a load balancer may already limit).
    rateLimit: max === 0 ? false : { max, timeWindowMs: windowS * 1000 },
    tls: cert && key ? { certPath: cert, keyPath: key } : null,
    viewPassword: values['view-password'] ?? (env.DISTRICT_VIEW_PASSWORD || undefined),
    lateRule: {
      unpublishedDays: positiveInt(
        values['late-days'],
        DEFAULT_LATE_RULE.unpublishedDays,
        '--late-days',
      ),
      returnedDays: positiveInt(
        values['returned-days'],
        DEFAULT_LATE_RULE.returnedDays,
        '--returned-days',
      ),
    },
    logLevel: values['log-level'] ?? 'info',
    uploads,
    trustProxy:
      values['trust-proxy'] === undefined ? false : parseTrustProxy(values['trust-proxy']),
    requestTimeoutS: positiveInt(values['request-timeout'], 120, '--request-timeout'),
  }
}
