import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AUDIT_ACTION_LABELS, AUDIT_DETAIL_LABELS } from '../../../src/shared/audit/labels'

const ROOT = join(__dirname, '..', '..', '..', 'src')

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')
        ? [join(dir, e.name)]
        : [],
  )
}

const CODE = [...sources(join(ROOT, 'core')), ...sources(join(ROOT, 'cli'))].map((f) => ({
  file: f,
  text: readFileSync(f, 'utf8'),
}))

/**
 * Every action the code can write: the `domain.verb` literals on lines that name an action
 * (`action: 'item.save'`, `action: mode === 'import' ? 'item.import_docx' : 'item.create'`,
 * `audit('auth.account_locked', …)`), anywhere in core and the CLI. (The AuditAction type
 * already refuses an unlabelled literal passed to appendAudit; this also covers strings built
 * elsewhere, e.g. in a ternary or a helper's parameter.)
 */
function writtenActions(): Set<string> {
  const found = new Set<string>()
  for (const { text } of CODE) {
    const lines = text.split('\n')
    lines.forEach((line, i) => {
      // The line naming the action, or the argument line right after a call that takes one.
      const context = `${lines[i - 1] ?? ''} ${line}`
      if (/^\s*(\*|\/\/)/.test(line)) return
      if (!/\baction\b|\baudit\(|AuditAction/.test(context)) return
      for (const m of line.matchAll(/'([a-z][a-z_]*\.[a-z_]+(?:\.[a-z_]+)?)'/g)) {
        found.add(m[1] as string)
      }
    })
  }
  return found
}

/** The explicit keys of every `detail: { … }` object literal in core. */
function writtenDetailKeys(): Set<string> {
  const keys = new Set<string>()
  for (const { text } of CODE) {
    let at = 0
    while ((at = text.indexOf('detail: {', at)) >= 0) {
      let depth = 0
      let end = at + 8
      for (; end < text.length; end++) {
        if (text[end] === '{') depth++
        if (text[end] === '}' && --depth === 0) break
      }
      const body = text
        .slice(at + 9, end)
        .replace(/'[^']*'/g, "''")
        .replace(/`[^`]*`/g, '')
      for (const m of body.matchAll(/(?<![.\w?])([a-zA-Z_]\w*)\s*:(?!:)/g)) keys.add(m[1] as string)
      at = end
    }
  }
  return keys
}

describe('the audit log speaks Chinese (issue 10)', () => {
  it('every audit action the code can write has a Chinese label', () => {
    const actions = writtenActions()
    expect(actions.size).toBeGreaterThan(60)
    const labels = AUDIT_ACTION_LABELS as Record<string, string>
    const missing = [...actions].filter((a) => !labels[a] || !/\p{Script=Han}/u.test(labels[a]))
    expect(missing).toEqual([])
  })

  it('the scan finds the actions it must (so it cannot pass by finding nothing)', () => {
    const actions = writtenActions()
    for (const a of [
      'auth.login_failed',
      'auth.account_locked',
      'user.unlock',
      'item.save',
      'item.autosave',
    ]) {
      expect(actions).toContain(a)
    }
  })

  it('every detail key written in core has a Chinese label', () => {
    const keys = writtenDetailKeys()
    expect(keys.size).toBeGreaterThan(40)
    const missing = [...keys].filter((k) => !AUDIT_DETAIL_LABELS[k])
    expect(missing).toEqual([])
  })
})
