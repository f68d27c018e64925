import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ESLint } from 'eslint'
import { afterAll, describe, expect, it } from 'vitest'

/**
 * The layout rules `npm run lint` enforces (issue 9): no import circle anywhere (eslint-rules/
 * no-import-cycle.mjs), the renderer never imports core, core never imports the renderer.
 */
const eslint = new ESLint({ cwd: process.cwd() })
const scratch = join(process.cwd(), 'src', 'core', `.lint-scratch-${process.pid}`)

const messages = async (file: string, text: string) =>
  (await eslint.lintText(text, { filePath: file }))[0]!.messages.map((m) => m.ruleId)

afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('import rules in eslint.config.mjs', () => {
  it('fails on an import circle, type-only imports included', async () => {
    mkdirSync(scratch, { recursive: true })
    const a = "import type { B } from './b'\nexport type A = { b?: B }\n"
    writeFileSync(join(scratch, 'a.ts'), a)
    writeFileSync(
      join(scratch, 'b.ts'),
      "import type { A } from './a'\nexport type B = { a?: A }\n",
    )
    expect(await messages(join(scratch, 'a.ts'), a)).toContain('local/no-import-cycle')
    // Break the circle: b no longer imports a.
    writeFileSync(join(scratch, 'b.ts'), 'export type B = { n: number }\n')
    expect(await messages(join(scratch, 'a.ts'), a)).not.toContain('local/no-import-cycle')
  })

  it('refuses a renderer import from core', async () => {
    const text = "import { AppError } from '../../core/errors'\nexport const e = AppError\n"
    expect(await messages('src/renderer/features/x.ts', text)).toContain('no-restricted-imports')
  })

  it('refuses a core import from the renderer or Electron', async () => {
    const text = "import { app } from 'electron'\nexport const a = app\n"
    expect(await messages('src/core/items/x.ts', text)).toContain('no-restricted-imports')
    const ui = "import { x } from '../../renderer/lib/format'\nexport const y = x\n"
    expect(await messages('src/core/items/x.ts', ui)).toContain('no-restricted-imports')
  })
})
