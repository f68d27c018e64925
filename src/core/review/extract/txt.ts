import { decodeText } from './decode'
import { joinSegments, type ExtractResult } from './types'

/** Plain text: one body segment. */
export function extractTxt(bytes: Uint8Array): ExtractResult {
  return joinSegments([
    { source: 'body', label: '正文', text: normaliseNewlines(decodeText(bytes)) },
  ])
}

/** CRLF/CR to LF so line-based rules (markings at a line start) see the same lines everywhere. */
export function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n')
}
