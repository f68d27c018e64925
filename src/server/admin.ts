/** `npm run server:admin -- --data <dir> <command> …`: departments, tokens, publish and return. */
import { runAdmin } from './cli/admin-commands'

runAdmin(process.argv.slice(2), process.env, {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
}).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    process.stderr.write(`操作失败：${e instanceof Error ? e.message : String(e)}\n`)
    process.exitCode = 1
  },
)
