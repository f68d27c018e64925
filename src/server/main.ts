/**
 * `npm run server -- --data <dir> [--port …]`: the district's central sync server.
 * Prints `区级同步服务已启动：<url>` on stdout once listening; errors go to stderr, exit 1.
 */
import { readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import {
  isLoopback,
  parseServerArgs,
  plainHttpWarning,
  SERVER_USAGE,
  UsageError,
} from './cli/server-options'
import { openServerDatabase } from './db/connect'
import { buildServer } from './http/app'

async function main(): Promise<void> {
  const argv = process.argv.slice(2)
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(SERVER_USAGE)
    return
  }
  const settings = parseServerArgs(argv, process.env)
  const https = settings.tls
    ? { cert: readFileSync(settings.tls.certPath), key: readFileSync(settings.tls.keyPath) }
    : undefined
  const database = await openServerDatabase(settings.target, {
    onIdleError: (e) => console.error(`数据库连接中断（已自动重连）：${e.message}`),
  })
  const app = await buildServer({
    db: database.db,
    bodyLimit: settings.bodyLimit,
    rateLimit: settings.rateLimit,
    view: {
      openWithoutPassword: isLoopback(settings.host),
      lateRule: settings.lateRule,
      ...(settings.viewPassword ? { password: settings.viewPassword } : {}),
    },
    logger: { level: settings.logLevel },
    trustProxy: settings.trustProxy,
    uploads: settings.uploads,
    timeouts: { requestMs: settings.requestTimeoutS * 1000 },
    ...(https ? { https } : {}),
  })
  await app.listen({ host: settings.host, port: settings.port })
  const address = app.server.address() as AddressInfo
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  console.log(`区级同步服务已启动：${https ? 'https' : 'http'}://${host}:${address.port}`)
  const warning = plainHttpWarning(settings)
  if (warning) {
    console.error(warning)
    app.log.warn(warning)
  }
  if (!isLoopback(settings.host) && !settings.viewPassword) {
    console.error('提示：未设置 --view-password，非本机访问时总览页（/）已停用。')
  }

  let closing = false
  const shutdown = async () => {
    if (closing) return
    closing = true
    await app.close()
    await database.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void shutdown())
  process.on('SIGTERM', () => void shutdown())
}

main().catch((e: unknown) => {
  if (e instanceof UsageError) {
    console.error(e.message)
    console.error(SERVER_USAGE)
    process.exit(2)
  }
  const code = (e as NodeJS.ErrnoException).code
  if (code === 'EADDRINUSE') console.error('启动失败：端口已被占用，请换一个 --port。')
  else if (code === 'ENOENT') console.error(`启动失败：找不到文件：${(e as Error).message}`)
  else console.error(`启动失败：${e instanceof Error ? e.message : String(e)}`)
  process.exit(1)
})
