import mammoth from 'mammoth'
import { buildDocx } from '../documents/build'
import type { OfficialDocument } from '../documents/types'
import { sanitiseHtml } from '../html/sanitise'
import { extractText } from '../review/extract'
import type { ExtractResult } from '../review/extract/types'
import { createKeywordMatcher } from '../review/keyword-matcher'
import { scanDocument, type DocumentFinding } from '../review/scan-document'
import { scanText } from '../review/scan-text'
import type { Finding, KeywordEntry, KeywordMatcher, ScanOptions } from '../review/types'
import type { SpreadsheetSpec } from '../spreadsheet/types'
import { writeSpreadsheet } from '../spreadsheet/write'

/**
 * The heavy work that runs on a worker thread (issue 8, point 7): each task takes and returns
 * plain, structured-cloneable data. The same table serves the inline fallback (pool.ts), so both
 * paths run the very same code.
 */

/** ScanOptions as it crosses to a worker: the keyword list as entries (the automaton is rebuilt). */
export interface WireScanOptions {
  itemKind?: string
  headLength?: number
  keywords?: KeywordEntry[]
}

/** The keyword matchers a worker built, by list: a scan of N attachments compiles the list once. */
const matchers = new Map<string, KeywordMatcher>()

function fromWire(options: WireScanOptions): ScanOptions {
  const out: ScanOptions = {}
  if (options.itemKind !== undefined) out.itemKind = options.itemKind
  if (options.headLength !== undefined) out.headLength = options.headLength
  if (options.keywords && options.keywords.length > 0) {
    const key = JSON.stringify(options.keywords)
    let matcher = matchers.get(key)
    if (!matcher) {
      matcher = createKeywordMatcher(options.keywords)
      if (matchers.size >= 4) matchers.clear()
      matchers.set(key, matcher)
    }
    out.keywords = matcher
  }
  return out
}

export const TASKS = {
  ping: (): 'pong' => 'pong',
  sanitise: (html: string): string => sanitiseHtml(html),
  scanText: (text: string, options: WireScanOptions): Finding[] =>
    scanText(text, fromWire(options)),
  scanDocument: (doc: ExtractResult, options: WireScanOptions): DocumentFinding[] =>
    scanDocument(doc, fromWire(options)),
  extractText: (bytes: Uint8Array, name: string): Promise<ExtractResult> =>
    extractText(bytes, name),
  /** mammoth's .docx → HTML (the Word import), before sanitising. */
  docxToHtml: async (bytes: Uint8Array): Promise<string> =>
    (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value,
  /** The exports: a styled .xlsx (the one spreadsheet module) and a .docx (the one layout module). */
  writeSpreadsheet: (spec: SpreadsheetSpec): Promise<Uint8Array> => writeSpreadsheet(spec),
  buildDocx: (doc: OfficialDocument): Promise<Uint8Array> => buildDocx(doc),
}

export type TaskName = keyof typeof TASKS
export type TaskArgs<T extends TaskName> = Parameters<(typeof TASKS)[T]>
export type TaskResult<T extends TaskName> = Awaited<ReturnType<(typeof TASKS)[T]>>

/** A failure as it crosses back from a worker (Error subclasses lose their fields in a clone). */
export type WireError =
  | { kind: 'app'; code: string; message: string; details?: unknown }
  | { kind: 'extract'; code: string; message: string }
  | { kind: 'other'; name: string; message: string }

export type WireOutcome = { ok: true; value: unknown } | { ok: false; error: WireError }

/** Runs one task and wraps its outcome for the trip back (also used inline). */
export async function runTask(task: string, args: unknown[]): Promise<WireOutcome> {
  const fn = (TASKS as Record<string, (...a: unknown[]) => unknown>)[task]
  if (!fn)
    return { ok: false, error: { kind: 'other', name: 'Error', message: `unknown task ${task}` } }
  try {
    return { ok: true, value: await fn(...args) }
  } catch (e) {
    const err = e as { name?: string; code?: string; message?: string; details?: unknown }
    if (err?.name === 'AppError') {
      return {
        ok: false,
        error: {
          kind: 'app',
          code: String(err.code),
          message: String(err.message),
          details: err.details,
        },
      }
    }
    if (err?.name === 'ExtractError') {
      return {
        ok: false,
        error: { kind: 'extract', code: String(err.code), message: String(err.message) },
      }
    }
    return {
      ok: false,
      error: { kind: 'other', name: err?.name ?? 'Error', message: err?.message ?? String(e) },
    }
  }
}
