/**
 * 保密审查扫描（命令行）: `npm run scan -- [--json] [--keywords 词表.txt] <文件或文件夹>...`
 * The CLI twin of core/review: same extraction, same detectors. Exit 0 whether or not findings exist;
 * 1 when a path or file could not be read (the others are still scanned); 2 for wrong usage.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import {
  createKeywordMatcher,
  extractText,
  FINDING_KIND_LABELS,
  isSupportedFile,
  parseKeywordList,
  scanDocument,
  SEVERITIES,
  SEVERITY_LABELS,
  type DocumentFinding,
  type KeywordMatcher,
} from '../core/review'

const HELP = `政务公开工作台 · 保密审查扫描

用法：npm run scan -- [选项] <文件或文件夹>...

扫描 .txt、.html、.docx、.xlsx、.pdf 文件（文件夹递归扫描，其他类型跳过），
报告密级标志、限制性标注、个人信息（身份证号、手机号、银行卡号、姓名、车牌号、邮箱）、
过程性信息提示和部门敏感词。Word/Excel/PDF 中的修订记录、批注、隐藏内容和文档属性一并检查。

选项：
  --json               输出一个 JSON 文档：{"files":[{"path","findings":[...]}]}，偏移量指向提取出的文本
  --keywords <词表>    部门敏感词表（.txt，每行一个词，# 开头为注释，可用 TAB 分隔级别）
  --item-kind <类别>   信息类别，如“意见征集”（此类不提示征求意见稿等过程性信息）
  -h, --help           显示本帮助

退出码：0 扫描完成（无论是否有发现项）；1 有文件无法读取；2 参数错误。`

interface Args {
  json: boolean
  keywords?: string
  itemKind?: string
  paths: string[]
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Args | 'help' {
  const args: Args = { json: false, paths: [] }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? ''
    if (a === '-h' || a === '--help') return 'help'
    else if (a === '--json') args.json = true
    else if (a === '--keywords' || a === '--item-kind') {
      const v = argv[++i]
      if (v === undefined) throw new UsageError(`选项 ${a} 需要一个值`)
      if (a === '--keywords') args.keywords = v
      else args.itemKind = v
    } else if (a.startsWith('-') && a !== '-')
      throw new UsageError(`未知选项“${a}”，用 --help 查看用法`)
    else args.paths.push(a)
  }
  if (args.paths.length === 0)
    throw new UsageError('请指定要扫描的文件或文件夹，用 --help 查看用法')
  return args
}

/** Expands folders (recursively, sorted, symlinked folders not followed) into supported files. */
async function collect(path: string, errors: string[]): Promise<string[]> {
  let st
  try {
    st = await stat(path)
  } catch {
    errors.push(`找不到“${path}”，请检查路径`)
    return []
  }
  if (st.isFile()) return [path]
  if (!st.isDirectory()) return []
  const files: string[] = []
  const entries = await readdir(path, { withFileTypes: true })
  entries.sort((a, b) => a.name.localeCompare(b.name))
  for (const e of entries) {
    const p = join(path, e.name)
    if (e.isDirectory()) files.push(...(await collect(p, errors)))
    else if (e.isFile() && isSupportedFile(e.name)) files.push(p)
  }
  return files
}

function describe(f: DocumentFinding): string {
  const where = f.source === 'body' ? '' : `［${f.sourceLabel}］`
  const lines = [
    `  [${SEVERITY_LABELS[f.severity]}] ${FINDING_KIND_LABELS[f.kind]}${where}「${f.text}」（位置 ${f.start}–${f.end}）`,
    `      ${f.reason}`,
  ]
  if (f.suggestion) lines.push(`      建议：${f.suggestion}`)
  return lines.join('\n')
}

async function main(argv: string[]): Promise<number> {
  let args: Args | 'help'
  try {
    args = parseArgs(argv)
  } catch (e) {
    if (!(e instanceof UsageError)) throw e
    process.stderr.write(`错误：${e.message}\n`)
    return 2
  }
  if (args === 'help') {
    process.stdout.write(`${HELP}\n`)
    return 0
  }
  const errors: string[] = []
  let keywords: KeywordMatcher | undefined
  if (args.keywords !== undefined) {
    try {
      keywords = createKeywordMatcher(parseKeywordList(await readFile(args.keywords, 'utf8')))
    } catch (e) {
      const why =
        (e as NodeJS.ErrnoException).code === 'ENOENT' ? '找不到该文件' : (e as Error).message
      process.stderr.write(`错误：无法读取敏感词表“${args.keywords}”：${why}\n`)
      return 1
    }
  }
  const options = { keywords, itemKind: args.itemKind }
  const report: Array<{ path: string; findings: DocumentFinding[]; warnings: string[] }> = []
  for (const input of args.paths) {
    for (const path of await collect(input, errors)) {
      try {
        const doc = await extractText(path)
        report.push({ path, findings: scanDocument(doc, options), warnings: doc.warnings })
      } catch (e) {
        errors.push(`${path}：${(e as Error).message}`)
      }
    }
  }
  if (args.json) {
    const files = report.map((r) => ({
      path: r.path,
      findings: r.findings.map(
        ({ kind, severity, start, end, text, reason, source, suggestion }) => ({
          kind,
          severity,
          start,
          end,
          text,
          reason,
          source,
          ...(suggestion === undefined ? {} : { suggestion }),
        }),
      ),
      ...(r.warnings.length > 0 ? { warnings: r.warnings } : {}),
    }))
    process.stdout.write(`${JSON.stringify({ files }, null, 2)}\n`)
  } else {
    for (const r of report) {
      const counts = SEVERITIES.map(
        (s) => [s, r.findings.filter((f) => f.severity === s).length] as const,
      )
        .filter(([, n]) => n > 0)
        .map(([s, n]) => `${SEVERITY_LABELS[s]} ${n}`)
      process.stdout.write(`\n文件：${r.path}\n`)
      process.stdout.write(
        r.findings.length === 0
          ? '  未发现需要审查的内容\n'
          : `${r.findings.map(describe).join('\n')}\n`,
      )
      for (const w of r.warnings) process.stdout.write(`  注意：${w}\n`)
      if (counts.length > 0) process.stdout.write(`  合计：${counts.join('，')}\n`)
    }
    process.stdout.write(
      `\n共扫描 ${report.length} 个文件${errors.length > 0 ? `，${errors.length} 个无法读取` : ''}。\n`,
    )
  }
  for (const e of errors) process.stderr.write(`错误：${e}\n`)
  return errors.length > 0 ? 1 : 0
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    process.stderr.write(`扫描时发生意外错误：${(e as Error)?.message ?? String(e)}\n`)
    process.exitCode = 1
  },
)
