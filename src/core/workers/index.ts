import { createHash } from 'node:crypto'
import type { OfficialDocument } from '../documents/types'
import { measureHtml } from '../html/bounds'
import { sanitiseHtml } from '../html/sanitise'
import type { ExtractResult } from '../review/extract/types'
import { scanDocument, type DocumentFinding } from '../review/scan-document'
import { scanText } from '../review/scan-text'
import type { Finding, ScanOptions } from '../review/types'
import type { SpreadsheetSpec } from '../spreadsheet/types'
import { runInWorker } from './pool'
import type { WireScanOptions } from './tasks'

export { closeWorkers, setWorkerLogger, workerMode } from './pool'

/**
 * The heavy functions of core, off the calling thread (issue 8, point 7). Each has the signature
 * of the function it wraps, made async, so a call site changes by one line.
 *
 * Text under {@link INLINE_BELOW_CHARS} is scanned, and well-formed HTML that short (no tag the
 * parser must repair, as the editor always sends) is sanitised, on the calling thread: that takes
 * a few milliseconds, while a trip to a worker costs a message copy and, the first time, starting
 * a thread. Anything longer or malformed (a short but hostile body can take a quarter of a
 * second), every file and every export go to a worker.
 */
export const INLINE_BELOW_CHARS = 16 * 1024

/**
 * The most recent sanitiser results, by SHA-256 of the input: the editor autosaves the same body
 * again and again (a 16,000-row table took 12 s per save), and an unchanged body must not be
 * sanitised again. Each result is also stored under its own hash — the sanitiser is idempotent,
 * so a body sent back exactly as it was stored is already clean. Bounded by total characters.
 */
const recent = new Map<string, string>()
let recentChars = 0
const RECENT_MAX_CHARS = 40_000_000

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex')

function remember(key: string, clean: string): void {
  if (clean.length > RECENT_MAX_CHARS / 4) return
  const old = recent.get(key)
  if (old !== undefined) {
    recent.delete(key)
    recentChars -= old.length
  }
  recent.set(key, clean)
  recentChars += clean.length
  for (const [k, v] of recent) {
    if (recentChars <= RECENT_MAX_CHARS) break
    recent.delete(k)
    recentChars -= v.length
  }
}

/** How many sanitiser runs the memo saved and how many it did not (tests, bench). */
export const sanitiseStats = { reused: 0, sanitised: 0 }

/**
 * {@link sanitiseHtml} on a worker, memoised on the input's hash (see `recent`). Refusals (the
 * bounds, the time limit) are AppError VALIDATION and are not remembered.
 */
export async function sanitiseHtmlInWorker(html: string): Promise<string> {
  const key = sha256(html)
  const hit = recent.get(key)
  if (hit !== undefined) {
    sanitiseStats.reused++
    remember(key, hit)
    return hit
  }
  const inline = html.length < INLINE_BELOW_CHARS && measureHtml(html).repairs === 0
  const clean = inline ? sanitiseHtml(html) : await runInWorker('sanitise', html)
  sanitiseStats.sanitised++
  remember(key, clean)
  if (clean !== html) remember(sha256(clean), clean)
  return clean
}

/** Forgets the memo (tests and the bench's full-sanitise baseline). */
export function forgetSanitised(): void {
  recent.clear()
  recentChars = 0
}

function toWire(options: ScanOptions): WireScanOptions {
  const out: WireScanOptions = {}
  if (options.itemKind !== undefined) out.itemKind = options.itemKind
  if (options.headLength !== undefined) out.headLength = options.headLength
  const k = options.keywords
  if (k) {
    out.keywords = k.entries.map((e, i) => {
      const note = k.notes[i]
      return note === undefined ? { ...e } : { ...e, note }
    })
  }
  return out
}

/** {@link scanText} on a worker. */
export function scanTextInWorker(text: string, options: ScanOptions = {}): Promise<Finding[]> {
  if (text.length < INLINE_BELOW_CHARS) return Promise.resolve(scanText(text, options))
  return runInWorker('scanText', text, toWire(options))
}

/** {@link scanDocument} on a worker. */
export function scanDocumentInWorker(
  doc: ExtractResult,
  options: ScanOptions = {},
): Promise<DocumentFinding[]> {
  if (doc.text.length < INLINE_BELOW_CHARS) {
    return Promise.resolve(scanDocument(doc, options))
  }
  return runInWorker('scanDocument', doc, toWire(options))
}

/** {@link extractText} (from bytes) on a worker; failures are ExtractErrors as before. */
export function extractTextInWorker(bytes: Uint8Array, name: string): Promise<ExtractResult> {
  return runInWorker('extractText', bytes, name)
}

/** mammoth's .docx → HTML on a worker (the Word import; sanitise the result). */
export function docxToHtmlInWorker(bytes: Uint8Array): Promise<string> {
  return runInWorker('docxToHtml', bytes)
}

/** A Buffer over the bytes a worker sent back (a Buffer arrives as a plain Uint8Array). */
const asBuffer = (u8: Uint8Array) => Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength)

/** {@link writeSpreadsheet} (the styled .xlsx exports) on a worker. */
export async function writeSpreadsheetInWorker(spec: SpreadsheetSpec): Promise<Buffer> {
  return asBuffer(await runInWorker('writeSpreadsheet', spec))
}

/** {@link buildDocx} (the .docx exports: review record, letters) on a worker. */
export async function buildDocxInWorker(doc: OfficialDocument): Promise<Buffer> {
  return asBuffer(await runInWorker('buildDocx', doc))
}
