/**
 * The headers of a consultation attachment's download. The file name is the desk's label only:
 * it goes into `Content-Disposition` percent-encoded (RFC 5987 / RFC 6266 `filename*`), with an
 * ASCII-only fallback `filename` of safe characters, so no name — quotes, semicolons, CR/LF,
 * non-ASCII — can end the header or add another. The type comes from a short list of document
 * types by extension (never from the bytes or the client); anything else is
 * `application/octet-stream`, and `nosniff` keeps a browser from guessing it as HTML.
 */

/** Content types served by extension; a type a browser would run (HTML, SVG, script) is not here. */
const CONTENT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  ofd: 'application/ofd',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  wps: 'application/vnd.ms-works',
  et: 'application/vnd.ms-excel',
  zip: 'application/zip',
  rar: 'application/vnd.rar',
  '7z': 'application/x-7z-compressed',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  txt: 'text/plain; charset=utf-8',
}

/** The content type served for a file named `name`. */
export function downloadContentType(name: string): string {
  const dot = name.lastIndexOf('.')
  const ext = dot >= 0 ? name.slice(dot + 1).toLowerCase() : ''
  return CONTENT_TYPES[ext] ?? 'application/octet-stream'
}

/** RFC 5987 `value-chars`: every byte but the unreserved attr-chars percent-encoded. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
}

/**
 * `attachment; filename="<ascii>"; filename*=UTF-8''<encoded>`. The fallback keeps letters,
 * digits, `.`, `-`, `_` (anything else becomes `_`) for browsers without `filename*`.
 */
export function contentDisposition(name: string): string {
  // Lone surrogates cannot be percent-encoded: replace them first.
  const wellFormed = name.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  )
  const ascii = wellFormed.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 120) || 'download'
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(wellFormed)}`
}

/** The size as the public page shows it (字节 / KB / MB). */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}
