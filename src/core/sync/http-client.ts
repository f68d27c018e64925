import type { z } from 'zod'
import {
  auditAnchorListSchema,
  auditAnchorSchema,
  batchResponseSchema,
  blobQueryResponseSchema,
  blobStatusSchema,
  changesPageSchema,
  CHUNK_SHA256_HEADER,
  healthSchema,
  type AuditAnchor,
  type AuditAnchorRebase,
  type BatchResultLine,
  type BlobQueryResponse,
  type BlobStatus,
  type ChangesPage,
} from '../../shared/sync/wire'

export type { BatchResultLine, ChangeEvent, ChangesPage } from '../../shared/sync/wire'

/**
 * The HTTP side of sync (docs/sync-protocol.md): every answer is classified once here, so the
 * worker only decides what to do with `ok`, `unauthorized`, `rejected` and `transient`.
 * The token goes in the Authorization header and nowhere else (never a log, never an error).
 */

/** The HTTP methods sync uses. */
export type SyncMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>

export type HttpOutcome<T> =
  | { kind: 'ok'; status: number; body: T }
  /** 401: the token is wrong, revoked or rotated. */
  | { kind: 'unauthorized' }
  /** Another 4xx: the server refuses this request as it is; retrying will not help. */
  | { kind: 'rejected'; status: number; code: string; message: string }
  /** Network error, timeout, 408/429/5xx, or an unreadable answer: try again later. */
  | { kind: 'transient'; message: string; retryAfterMs: number | null }

/** Thrown when the worker is stopped mid-request (app closing); not a failure of the server. */
export class SyncAborted extends Error {
  override readonly name = 'SyncAborted'
}

export interface SyncHttpOptions {
  /** The server's base URL as saved (no trailing slash). */
  serverUrl: string
  token: string | null
  fetch: FetchLike
  timeoutMs: number
  /** Aborts in-flight requests when the worker stops. */
  signal?: AbortSignal
}

/** `https://host/x/` or `https://host/x/api/v1` → `https://host/x`: what we save and show. */
export function normaliseServerUrl(url: string): string {
  const parsed = new URL(url.trim())
  let path = parsed.pathname.replace(/\/+$/, '')
  if (path.endsWith('/api/v1')) path = path.slice(0, -'/api/v1'.length)
  return `${parsed.protocol}//${parsed.host}${path}`
}

function retryAfterMs(res: Response): number | null {
  const value = res.headers.get('retry-after')
  if (!value) return null
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const at = Date.parse(value)
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now())
}

/** A fetch that failed because the answer was a redirect (`redirect: 'error'`; undici, Electron). */
function isRedirectError(e: unknown): boolean {
  for (let err = e, depth = 0; err instanceof Error && depth < 3; depth++) {
    if (/redirect/i.test(err.message)) return true
    err = (err as { cause?: unknown }).cause
  }
  return false
}

function errorOf(body: unknown): { code: string; message: string } | null {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error
  if (!error || typeof error.code !== 'string') return null
  return { code: error.code, message: typeof error.message === 'string' ? error.message : '' }
}

/** A small client over the protocol's endpoints; every method resolves to an HttpOutcome. */
export class SyncHttpClient {
  private readonly api: string

  constructor(private readonly options: SyncHttpOptions) {
    this.api = `${options.serverUrl}/api/v1`
  }

  /** `GET /health` (no token). */
  health(): Promise<HttpOutcome<z.infer<typeof healthSchema>>> {
    return this.request('GET', '/health', undefined, healthSchema, false)
  }

  /** `POST /items/batch`. */
  batch(items: unknown[]): Promise<HttpOutcome<{ results: BatchResultLine[] }>> {
    return this.request('POST', '/items/batch', { items }, batchResponseSchema)
  }

  /** `POST /items/{id}/withdraw`. */
  withdraw(id: string, reason: string): Promise<HttpOutcome<{ changed?: boolean }>> {
    return this.request('POST', `/items/${encodeURIComponent(id)}/withdraw`, { reason })
  }

  /** `GET /changes?cursor=…&limit=…`. */
  changes(cursor: string | null, limit: number): Promise<HttpOutcome<ChangesPage>> {
    const query = new URLSearchParams({ limit: String(limit) })
    if (cursor) query.set('cursor', cursor)
    return this.request('GET', `/changes?${query.toString()}`, undefined, changesPageSchema)
  }

  /**
   * `PUT /audit-anchors`: this desk's audit-chain head (protocol revision 2), with the restore it
   * declares when the chain was rewound by one since the last anchor (`rebase`).
   */
  putAnchor(
    seq: number,
    hash: string,
    rebase?: AuditAnchorRebase,
  ): Promise<HttpOutcome<AuditAnchor>> {
    return this.request(
      'PUT',
      '/audit-anchors',
      rebase ? { seq, hash, rebase } : { seq, hash },
      auditAnchorSchema,
    )
  }

  /** `GET /audit-anchors?after=…`: the anchors the district keeps for this department. */
  listAnchors(
    after: number,
    limit = 1000,
  ): Promise<HttpOutcome<z.infer<typeof auditAnchorListSchema>>> {
    const query = new URLSearchParams({ after: String(after), limit: String(limit) })
    return this.request(
      'GET',
      `/audit-anchors?${query.toString()}`,
      undefined,
      auditAnchorListSchema,
    )
  }

  /** `POST /blobs/query` (protocol v2): which of these files the district already has. */
  queryBlobs(hashes: string[]): Promise<HttpOutcome<BlobQueryResponse>> {
    return this.request('POST', '/blobs/query', { hashes }, blobQueryResponseSchema)
  }

  /** `POST /blobs/{sha256}`: starts or resumes the upload of a file; answers its status. */
  startBlob(sha256: string, size: number): Promise<HttpOutcome<BlobStatus>> {
    return this.request('POST', `/blobs/${encodeURIComponent(sha256)}`, { size }, blobStatusSchema)
  }

  /** `GET /blobs/{sha256}/status`: the chunks the server holds. */
  blobStatus(sha256: string): Promise<HttpOutcome<BlobStatus>> {
    return this.request(
      'GET',
      `/blobs/${encodeURIComponent(sha256)}/status`,
      undefined,
      blobStatusSchema,
    )
  }

  /**
   * `PUT /blobs/{sha256}/chunks/{index}`: one chunk's bytes with their own SHA-256. With
   * `startSize` (chunk 0 only) the request also starts the upload of a file of that many bytes.
   */
  putChunk(
    sha256: string,
    index: number,
    bytes: Uint8Array,
    chunkSha256: string,
    startSize?: number,
  ): Promise<HttpOutcome<BlobStatus>> {
    const start = startSize === undefined ? '' : `?size=${startSize}`
    return this.request(
      'PUT',
      `/blobs/${encodeURIComponent(sha256)}/chunks/${index}${start}`,
      bytes,
      blobStatusSchema,
      true,
      { [CHUNK_SHA256_HEADER]: chunkSha256 },
    )
  }

  /**
   * A request for a sync extension (src/core/sync/extensions.ts): any path under `/api/v1` of the
   * saved server, with the token bound to its origin, `redirect: 'error'`, the timeout, and the
   * 2xx answer checked against the shared zod wire schema `schema` (a mismatch is `transient`).
   */
  call<T>(
    method: SyncMethod,
    path: string,
    body: unknown,
    schema: z.ZodType<T>,
  ): Promise<HttpOutcome<T>> {
    if (!/^\/[A-Za-z0-9]/.test(path) || path.includes('..') || path.includes('//')) {
      throw new Error(`同步扩展的请求路径无效：${path}`)
    }
    return this.request(method, path, body, schema)
  }

  private async request<T>(
    method: SyncMethod,
    path: string,
    body?: unknown,
    /** The shared wire schema of a 2xx answer (src/shared/sync/wire.ts). */
    schema?: z.ZodType<T>,
    authenticated = true,
    extraHeaders: Record<string, string> = {},
  ): Promise<HttpOutcome<T>> {
    const { signal, timeoutMs, token } = this.options
    if (signal?.aborted) throw new SyncAborted('同步已停止')
    const timeout = AbortSignal.timeout(timeoutMs)
    const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders }
    if (authenticated && token) headers['authorization'] = `Bearer ${token}`
    // Bytes (an upload chunk) go as they are; everything else is JSON.
    const raw = body instanceof Uint8Array
    if (body !== undefined)
      headers['content-type'] = raw ? 'application/octet-stream' : 'application/json'
    let res: Response
    let text: string
    try {
      res = await this.options.fetch(`${this.api}${path}`, {
        method,
        headers,
        ...(body === undefined
          ? {}
          : { body: raw ? (body as Uint8Array<ArrayBuffer>) : JSON.stringify(body) }),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        // Never follow a redirect: the token would go on to wherever Location points.
        redirect: 'error',
      })
      text = await res.text()
    } catch (e) {
      if (signal?.aborted) throw new SyncAborted('同步已停止')
      if (isRedirectError(e)) {
        return {
          kind: 'transient',
          message:
            `区级服务器（${new URL(this.api).host}）要求跳转到其他地址（HTTP 重定向）；同步不跟随跳转，令牌没有发往别处。` +
            '请在同步设置中填写服务器的实际地址（例如 https:// 开头的地址）',
          retryAfterMs: null,
        }
      }
      if (timeout.aborted) {
        return { kind: 'transient', message: '区级服务器响应超时，将自动重试', retryAfterMs: null }
      }
      return {
        kind: 'transient',
        message: `无法连接区级服务器（${new URL(this.api).host}），可能是网络中断或服务器未启动，将自动重试`,
        retryAfterMs: null,
      }
    }
    let parsed: unknown
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {
      parsed = undefined
    }
    if (res.status === 401) return { kind: 'unauthorized' }
    if (res.status === 429) {
      return {
        kind: 'transient',
        message: '区级服务器繁忙（请求过于频繁），将稍后自动重试',
        retryAfterMs: retryAfterMs(res),
      }
    }
    if (res.status === 408 || res.status >= 500) {
      return {
        kind: 'transient',
        message: `区级服务器暂时出错（HTTP ${res.status}），将自动重试`,
        retryAfterMs: retryAfterMs(res),
      }
    }
    if (res.status >= 200 && res.status < 300) {
      if (parsed === undefined || parsed === null || typeof parsed !== 'object') {
        return {
          kind: 'transient',
          message: '区级服务器的回答无法识别，将自动重试',
          retryAfterMs: null,
        }
      }
      if (schema) {
        const checked = schema.safeParse(parsed)
        if (!checked.success) {
          return {
            kind: 'transient',
            message: '区级服务器的回答不符合同步协议，将自动重试',
            retryAfterMs: null,
          }
        }
        return { kind: 'ok', status: res.status, body: checked.data }
      }
      return { kind: 'ok', status: res.status, body: parsed as T }
    }
    const error = errorOf(parsed)
    return {
      kind: 'rejected',
      status: res.status,
      code: error?.code ?? `HTTP_${res.status}`,
      message: error?.message || `区级服务器拒绝了请求（HTTP ${res.status}）`,
    }
  }
}
