import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

/**
 * The app version from package.json, found by walking up from this file (the CLI runs from source
 * through tsx, outside Electron, so `app.getVersion()` is not available).
 */
export function readAppVersion(): string {
  let dir = __dirname
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'package.json')
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string }
      if (pkg.name === 'disclosure-desk' && pkg.version) return pkg.version
    }
    dir = dirname(dir)
  }
  return '0.0.0'
}
