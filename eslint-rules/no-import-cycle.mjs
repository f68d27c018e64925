import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import ts from 'typescript'

/**
 * `local/no-import-cycle`: fails on an import circle between our own modules (issue 9: "no import
 * circles"). Type-only imports count too — a type circle ties two domains together just as well.
 * The graph is read from the files on disk (cached by mtime) (relative specifiers only, resolved
 * the way the bundler does: .ts, .tsx, .mts, /index.ts); each import whose target leads back to
 * the importing file is reported with the circle it closes.
 */

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.d.ts', '/index.ts', '/index.tsx']

/** file → its resolved relative imports, re-read when the file's mtime changes. */
const edges = new Map()

function resolveSpecifier(fromFile, specifier) {
  if (!specifier.startsWith('.')) return null
  const base = resolve(dirname(fromFile), specifier)
  const candidates = [base, ...EXTENSIONS.map((e) => base + e)]
  if (base.endsWith('.js')) candidates.push(base.slice(0, -3) + '.ts', base.slice(0, -3) + '.tsx')
  for (const c of candidates) {
    if (existsSync(c) && statSync(c).isFile()) return c
  }
  return null
}

function importsOf(file) {
  let mtime
  try {
    mtime = statSync(file).mtimeMs
  } catch {
    return []
  }
  const cached = edges.get(file)
  if (cached && cached.mtime === mtime) return cached.list
  const list = []
  edges.set(file, { mtime, list })
  const text = readFileSync(file, 'utf8')
  for (const imported of ts.preProcessFile(text, true, true).importedFiles) {
    const target = resolveSpecifier(file, imported.fileName)
    if (target) list.push({ target, specifier: imported.fileName })
  }
  return list
}

/** The shortest path of files from `start` back to `goal`, or null. */
function pathBack(start, goal) {
  const previous = new Map([[start, null]])
  const queue = [start]
  while (queue.length > 0) {
    const file = queue.shift()
    for (const { target } of importsOf(file)) {
      if (target === goal) {
        const path = [file]
        for (let p = previous.get(file); p; p = previous.get(p)) path.unshift(p)
        return path
      }
      if (!previous.has(target)) {
        previous.set(target, file)
        queue.push(target)
      }
    }
  }
  return null
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'disallow import circles between modules of this repository' },
    schema: [],
    messages: {
      cycle:
        '循环引用（import cycle）：{{cycle}}。把共同依赖移到第三个模块，或改用 core/events 的事件。',
    },
  },
  create(context) {
    const file = resolve(context.filename)
    const root = context.cwd
    const check = (node) => {
      if (!node.source || typeof node.source.value !== 'string') return
      const target = resolveSpecifier(file, node.source.value)
      if (!target) return
      const back = target === file ? [] : pathBack(target, file)
      if (!back) return
      const cycle = [file, ...back, file].map((f) => relative(root, f)).join(' → ')
      context.report({ node: node.source, messageId: 'cycle', data: { cycle } })
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    }
  },
}
