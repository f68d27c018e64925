import { createServer, request, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** What the proxy does with one request. */
export type Fault =
  | 'pass'
  /** Close the connection without forwarding. */
  | 'drop-before'
  /** Forward, let the server commit, then close the connection instead of answering. */
  | 'drop-after'
  /** Wait a little, then forward. */
  | 'delay'
  /** Answer 500/502/429 without forwarding. */
  | '500'
  | '502'
  | '429'
  /** Forward twice (the second one is what a retrying middlebox would send) and answer the first. */
  | 'duplicate'
  /** Forward and kill the server while it works on the request (it may or may not commit). */
  | 'kill-during'
  /** Forward, wait for the commit, then kill the server and drop the connection. */
  | 'kill-after'
  /** Send the server only the first half of the body (full Content-Length), then cut both ends. */
  | 'cut-body'

export interface FaultProxy {
  url: string
  /** Every request with the fault applied, e.g. `POST /api/v1/items/batch drop-after`. */
  log: string[]
  close(): Promise<void>
}

interface Forwarded {
  status: number
  headers: Record<string, string>
  body: Buffer
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function forward(port: number, req: IncomingMessage, body: Buffer): Promise<Forwarded> {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers, host: `127.0.0.1:${port}`, connection: 'close' }
    const out = request(
      { host: '127.0.0.1', port, method: req.method, path: req.url, headers },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const h: Record<string, string> = {}
          for (const [k, v] of Object.entries(res.headers)) {
            if (
              typeof v === 'string' &&
              !['connection', 'transfer-encoding', 'keep-alive'].includes(k)
            )
              h[k] = v
          }
          resolve({ status: res.statusCode ?? 502, headers: h, body: Buffer.concat(chunks) })
        })
        res.on('error', reject)
      },
    )
    out.on('error', reject)
    out.end(body)
  })
}

/** Starts forwarding `body` but stops halfway and destroys the connection (a drop mid-chunk). */
function cutBody(port: number, req: IncomingMessage, body: Buffer): Promise<void> {
  return new Promise((resolve) => {
    const headers = { ...req.headers, host: `127.0.0.1:${port}`, connection: 'close' }
    const out = request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers })
    out.on('error', () => resolve())
    out.on('response', () => resolve())
    out.write(body.subarray(0, Math.floor(body.length / 2)), () => {
      setTimeout(() => {
        out.destroy()
        resolve()
      }, 5)
    })
  })
}

/**
 * A small HTTP proxy on 127.0.0.1 in front of the central server that applies, per request, the
 * fault `choose()` returns. `target()` gives the server's current port; `kill()` stops the server.
 */
export async function startFaultProxy(options: {
  target: () => number
  choose: (method: string, path: string) => Fault
  delayMs: () => number
  kill: () => Promise<void>
}): Promise<FaultProxy> {
  const log: string[] = []
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req)
      const path = (req.url ?? '').split('?')[0] ?? ''
      const fault = options.choose(req.method ?? 'GET', path)
      log.push(`${req.method} ${path} ${fault}`)
      const drop = () => req.socket.destroy()
      const reply = (f: Forwarded) => {
        res.writeHead(f.status, f.headers)
        res.end(f.body)
      }
      try {
        switch (fault) {
          case 'drop-before':
            return drop()
          case '500':
          case '502':
          case '429':
            res.writeHead(Number(fault), {
              'content-type': 'application/json',
              ...(fault === '429' ? { 'retry-after': '1' } : {}),
            })
            return res.end('{"error":{"code":"INJECTED","message":"代理注入的故障"}}')
          case 'delay':
            await new Promise((r) => setTimeout(r, options.delayMs()))
            return reply(await forward(options.target(), req, body))
          case 'duplicate': {
            const first = await forward(options.target(), req, body)
            await forward(options.target(), req, body).catch(() => undefined)
            return reply(first)
          }
          case 'drop-after':
            await forward(options.target(), req, body)
            return drop()
          case 'kill-during': {
            const pending = forward(options.target(), req, body).catch(() => undefined)
            await new Promise((r) => setTimeout(r, options.delayMs() % 3))
            await options.kill()
            await pending
            return drop()
          }
          case 'kill-after':
            await forward(options.target(), req, body)
            await options.kill()
            return drop()
          case 'cut-body':
            await cutBody(options.target(), req, body)
            return drop()
          default:
            return reply(await forward(options.target(), req, body))
        }
      } catch {
        // The server is down (connection refused) or died mid-answer: the client sees a reset.
        drop()
      }
    })()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
