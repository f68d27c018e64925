import { runTask, type WireOutcome } from './tasks'

/**
 * The worker-thread entry (piscina calls the default export once per task). Built as its own
 * chunk by electron-vite (out/main/worker.js, see electron.vite.config.ts); from the TypeScript
 * sources it is loaded through bootstrap.cjs.
 */
export default function run(message: { task: string; args: unknown[] }): Promise<WireOutcome> {
  return runTask(message.task, message.args)
}
