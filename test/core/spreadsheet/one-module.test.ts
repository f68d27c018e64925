import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = resolve(__dirname, '../../../src')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return /\.(ts|tsx|mts|cts)$/.test(name) ? [path] : []
  })
}

/** Files under src/ that import `pkg` (static import, export … from, require or dynamic import). */
function importers(pkg: RegExp): string[] {
  const spec = new RegExp(
    `(?:from\\s*|require\\(\\s*|import\\(\\s*|import\\s+)['"](${pkg.source})(?:/[^'"]*)?['"]`,
  )
  return sources(SRC)
    .filter((f) => spec.test(readFileSync(f, 'utf8')))
    .map((f) => relative(SRC, f).replace(/\\/g, '/'))
}

describe('one spreadsheet module, one document layout module (issues 9 and 10)', () => {
  it('only src/core/spreadsheet imports exceljs or @e965/xlsx', () => {
    const outside = importers(/exceljs|@e965\/xlsx/).filter(
      (f) => !f.startsWith('core/spreadsheet/'),
    )
    expect(outside).toEqual([])
  })

  it('only src/core/documents imports docx', () => {
    const outside = importers(/docx/).filter((f) => !f.startsWith('core/documents/'))
    expect(outside).toEqual([])
  })

  it('finds the imports it looks for (the check itself works)', () => {
    expect(importers(/exceljs/)).toContain('core/spreadsheet/write.ts')
    expect(importers(/@e965\/xlsx/)).toContain('core/spreadsheet/read.ts')
    expect(importers(/docx/)).toContain('core/documents/build.ts')
  })
})
