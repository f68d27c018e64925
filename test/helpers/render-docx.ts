import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, extname, join, resolve } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** Where rendered pages are kept (beside the e2e screenshots; test-results/ is git-ignored). */
export const RENDER_ROOT = resolve(__dirname, '../../test-results/documents')

const MISSING =
  '渲染文档需要 LibreOffice 和 pdftoppm：apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-noto-cjk ' +
  '(the render tests need soffice and pdftoppm; .ci/run must install these packages)'

function which(cmd: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    const p = join(dir, cmd)
    if (existsSync(p)) return p
  }
  return null
}

/** Throws (never skips) when the renderers are missing, naming the apt packages to install. */
export function requireRenderer(): { soffice: string; pdftoppm: string } {
  const soffice = which('soffice')
  const pdftoppm = which('pdftoppm')
  if (!soffice || !pdftoppm) throw new Error(MISSING)
  return { soffice, pdftoppm }
}

/**
 * Renders an office file (.docx or .xlsx) to PNG pages: LibreOffice (headless, with a private
 * profile so parallel runs don't clash) converts it to PDF, pdftoppm rasterises each page at
 * 80 dpi. Returns the PNG paths (page order) in `outDir`, which is emptied first; the PDF is kept
 * beside them.
 */
export async function renderToPng(
  bytes: Buffer,
  outDir: string,
  fileName = 'document.docx',
): Promise<string[]> {
  const { soffice, pdftoppm } = requireRenderer()
  rmSync(outDir, { recursive: true, force: true })
  mkdirSync(outDir, { recursive: true })
  const work = mkdtempSync(join(tmpdir(), `lo-${process.pid}-`))
  try {
    const source = join(work, basename(fileName))
    writeFileSync(source, bytes)
    const profile = join(work, 'profile')
    await run(
      soffice,
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        source,
      ],
      { timeout: 120_000 },
    )
    const pdf = join(outDir, `${basename(fileName, extname(fileName))}.pdf`)
    if (!existsSync(pdf)) throw new Error(`LibreOffice produced no PDF for ${fileName}`)
    await run(pdftoppm, ['-png', '-r', '80', pdf, join(outDir, 'page')], { timeout: 120_000 })
    return readdirSync(outDir)
      .filter((f) => /^page-\d+\.png$/.test(f))
      .sort((a, b) => Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0]))
      .map((f) => join(outDir, f))
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

/** An .xlsx to PNG pages, as it prints (see renderToPng; the PDF is `sheet.pdf`). */
export function renderXlsxToPng(xlsx: Buffer, outDir: string): Promise<string[]> {
  return renderToPng(xlsx, outDir, 'sheet.xlsx')
}

/** A .docx to PNG pages (see renderToPng). */
export function renderDocxToPng(docx: Buffer, outDir: string): Promise<string[]> {
  return renderToPng(docx, outDir, 'document.docx')
}

/** The text of the PDF LibreOffice made in `outDir` (pdftotext), or of one page of it. */
export async function renderedText(
  outDir: string,
  pdfName = 'document.pdf',
  page?: number,
): Promise<string> {
  const pdftotext = which('pdftotext')
  if (!pdftotext) throw new Error(MISSING)
  const pages = page === undefined ? [] : ['-f', String(page), '-l', String(page)]
  const { stdout } = await run(pdftotext, ['-layout', ...pages, join(outDir, pdfName), '-'])
  return stdout
}

/** Page count and the first page's size in points (pdfinfo). */
export async function renderedPages(
  outDir: string,
  pdfName = 'document.pdf',
): Promise<{ pages: number; width: number; height: number }> {
  const pdfinfo = which('pdfinfo')
  if (!pdfinfo) throw new Error(MISSING)
  const { stdout } = await run(pdfinfo, [join(outDir, pdfName)])
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(stdout)
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(stdout)?.[1] ?? 0),
    width: Number(size?.[1] ?? 0),
    height: Number(size?.[2] ?? 0),
  }
}
