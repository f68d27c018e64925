/** Where a piece of extracted text came from inside its file. */
export type SegmentSource =
  | 'body'
  | 'tracked-insert'
  | 'tracked-delete'
  | 'comment'
  | 'hidden'
  | 'properties'
  | 'metadata'
  | `sheet:${string}`
  | `page:${number}`

/** A labelled piece of a file's text; `start` is its offset in {@link ExtractResult.text}. */
export interface Segment {
  source: SegmentSource
  text: string
  start: number
  /** Chinese description for people, e.g. “修订记录中的删除内容”, “隐藏工作表“名单””. */
  label: string
}

/** Text extracted from one file, hidden parts included and labelled. */
export interface ExtractResult {
  segments: Segment[]
  /** All segments joined with {@link SEGMENT_SEPARATOR}; finding offsets refer to this string. */
  text: string
  /** Things the reviewer should know that are not findings, e.g. a PDF page with no text layer. */
  warnings: string[]
}

/** Between segments: a blank line, so no pattern can run from one segment into the next. */
export const SEGMENT_SEPARATOR = '\n\n'

/** Why extraction failed, for callers that branch on it. */
export type ExtractErrorCode = 'NOT_FOUND' | 'UNSUPPORTED' | 'CORRUPT' | 'ENCRYPTED' | 'TOO_LARGE'

/** Extraction failure with a Chinese message that says what to do. Never a crash. */
export class ExtractError extends Error {
  constructor(
    readonly code: ExtractErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'ExtractError'
  }
}

/** Assembles segments (skipping empty ones) and computes their offsets in the joined text. */
export function joinSegments(
  parts: ReadonlyArray<Omit<Segment, 'start'>>,
  warnings: string[] = [],
): ExtractResult {
  const segments: Segment[] = []
  let text = ''
  for (const p of parts) {
    if (p.text.trim() === '') continue
    if (segments.length > 0) text += SEGMENT_SEPARATOR
    segments.push({ ...p, start: text.length })
    text += p.text
  }
  return { segments, text, warnings }
}
