import type { Server } from 'node:http'
import type { Socket } from 'node:net'

/**
 * How long the server waits for slow or idle clients (issue 8, point 8: with Fastify's
 * `requestTimeout` 0, 600 sockets trickling a body one byte at a time never timed out and
 * starved `/health` of file descriptors). All in milliseconds.
 */
export interface ServerTimeouts {
  /** The whole request — headers and body — must arrive within this (Fastify `requestTimeout`). */
  requestMs: number
  /** The request headers must arrive within this (node http `headersTimeout`). */
  headersMs: number
  /** A socket with no traffic at all is closed after this (Fastify `connectionTimeout`). */
  idleMs: number
  /** An idle keep-alive socket between requests is closed after this (Fastify `keepAliveTimeout`). */
  keepAliveMs: number
  /** How often node checks open requests against the two timeouts above. */
  checkEveryMs: number
  /**
   * Open sockets one client address may hold; further ones are closed at once (0 = no cap). Off
   * behind a proxy (`trustProxy`), where every connection comes from the proxy's address.
   */
  connectionsPerAddress: number
}

/**
 * Defaults: a 20 MB body over a slow office line (~2 Mbit/s) takes about 80 s, hence two minutes
 * for a request; headers are small and must come within 15 s.
 */
export const DEFAULT_TIMEOUTS: ServerTimeouts = {
  requestMs: 120_000,
  headersMs: 15_000,
  idleMs: 30_000,
  keepAliveMs: 5_000,
  checkEveryMs: 1_000,
  connectionsPerAddress: 256,
}

/** The Fastify and node http options that carry `t`. */
export function timeoutOptions(t: ServerTimeouts) {
  return {
    requestTimeout: t.requestMs,
    connectionTimeout: t.idleMs,
    keepAliveTimeout: t.keepAliveMs,
    http: {
      // node requires headersTimeout <= requestTimeout.
      headersTimeout: Math.min(t.headersMs, t.requestMs),
      requestTimeout: t.requestMs,
      keepAliveTimeout: t.keepAliveMs,
      connectionsCheckingInterval: t.checkEveryMs,
    },
  }
}

/**
 * Closes a new socket when its address already holds `max` open ones, so one client cannot take
 * every descriptor the process has. Counting is per remote address, released on close.
 */
export function capConnectionsPerAddress(server: Server, max: number): void {
  if (max <= 0) return
  const open = new Map<string, number>()
  const onConnection = (socket: Socket) => {
    const address = socket.remoteAddress ?? ''
    const count = open.get(address) ?? 0
    if (count >= max) {
      socket.destroy()
      return
    }
    open.set(address, count + 1)
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1
      if (left <= 0) open.delete(address)
      else open.set(address, left)
    })
  }
  // TLS servers hand out the raw socket on 'connection' before the handshake, as plain http does.
  server.prependListener('connection', onConnection)
}
