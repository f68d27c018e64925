import { spawn, type ChildProcess } from 'node:child_process'

/** A server started as a child process by the tests, as `npm run server` would run it. */
export interface SpawnedServer {
  url: string
  child: ChildProcess
  output: () => string
  stop(): Promise<void>
}

/**
 * Runs src/server/main.ts under node with tsx (no npx wrapper, so the pid we signal is the
 * server itself) and resolves with the URL it prints once listening.
 */
export function spawnServer(args: string[], env: NodeJS.ProcessEnv = {}): Promise<SpawnedServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', ...args], {
    env: { ...process.env, DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let text = ''
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop()
      reject(new Error(`server did not start:\n${text}`))
    }, 20_000)
    const onData = (chunk: Buffer) => {
      text += chunk.toString()
      const match = /区级同步服务已启动：(\S+)/.exec(text)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve({ url: match[1], child, output: () => text, stop })
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code}:\n${text}`))
    })
  })
}
