import { readFile, stat } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import { extractDocx } from './docx'
import { extractHtml } from './html'
import { extractPdf } from './pdf'
import { extractTxt } from './txt'
import { extractXlsx } from './xlsx'
import { ExtractError, type ExtractResult } from './types'

export * from './types'

/** Largest file we try to read (larger drafts are split before publication anyway). */
export const MAX_FILE_BYTES = 200 * 1024 * 1024

/** File extensions extractText understands. */
export const SUPPORTED_EXTENSIONS: readonly string[] = [
  '.txt',
  '.html',
  '.htm',
  '.docx',
  '.xlsx',
  '.xls',
  '.csv',
  '.pdf',
]

/** True when `name` has an extension {@link extractText} can read. */
export function isSupportedFile(name: string): boolean {
  return SUPPORTED_EXTENSIONS.includes(extname(name).toLowerCase())
}

/**
 * Extracts the reviewable text of a file — by path, or from bytes plus the file's name (the
 * extension picks the format). Hidden content (tracked changes, comments, hidden text/sheets,
 * properties, PDF metadata) comes back as labelled segments. Failures are {@link ExtractError}s
 * with Chinese messages; nothing else escapes.
 */
export async function extractText(
  source: string | Uint8Array,
  name?: string,
): Promise<ExtractResult> {
  const fileName = typeof source === 'string' ? source : (name ?? '')
  let bytes: Uint8Array
  if (typeof source === 'string') {
    try {
      const st = await stat(source)
      if (!st.isFile()) throw new ExtractError('NOT_FOUND', `“${source}”不是文件`)
      if (st.size > MAX_FILE_BYTES) {
        throw new ExtractError(
          'TOO_LARGE',
          `“${basename(source)}”超过 200 MB，无法扫描：请拆分后再试`,
        )
      }
      bytes = await readFile(source)
    } catch (cause) {
      if (cause instanceof ExtractError) throw cause
      const code = (cause as NodeJS.ErrnoException).code
      if (code === 'ENOENT')
        throw new ExtractError('NOT_FOUND', `找不到文件“${source}”，请检查路径`, { cause })
      throw new ExtractError(
        'NOT_FOUND',
        `无法读取文件“${source}”（${code ?? '未知错误'}），请检查权限`,
        { cause },
      )
    }
  } else {
    bytes = source
    if (bytes.byteLength > MAX_FILE_BYTES) {
      throw new ExtractError('TOO_LARGE', `“${fileName}”超过 200 MB，无法扫描：请拆分后再试`)
    }
  }
  const ext = extname(fileName).toLowerCase()
  try {
    switch (ext) {
      case '.txt':
      case '.csv':
        return extractTxt(bytes)
      case '.html':
      case '.htm':
        return extractHtml(bytes)
      case '.docx':
        return await extractDocx(bytes)
      case '.xlsx':
        return await extractXlsx(bytes)
      case '.xls':
        return await extractXlsx(bytes, { legacy: true })
      case '.pdf':
        return await extractPdf(bytes)
      default:
        throw new ExtractError(
          'UNSUPPORTED',
          `不支持扫描“${ext || '无扩展名'}”类型的文件“${basename(fileName)}”：支持 .txt、.csv、.html、.docx、.xlsx、.xls、.pdf`,
        )
    }
  } catch (cause) {
    if (cause instanceof ExtractError) throw cause
    throw new ExtractError(
      'CORRUPT',
      `读取“${basename(fileName)}”时出错，文件可能已损坏：请重新导出后再扫描`,
      { cause },
    )
  }
}
