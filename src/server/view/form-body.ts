/**
 * The district pages' form bodies: `application/x-www-form-urlencoded` (login, short forms) and
 * `multipart/form-data` (the breakdown upload), parsed from the raw bytes the route scope collects
 * (Fastify has no parser for either; the JSON API never sees these — the parsers are registered in
 * the district pages' own scope only).
 */

/** One uploaded file. */
export interface FormFile {
  field: string
  fileName: string
  bytes: Buffer
}

export interface FormBody {
  fields: Record<string, string>
  files: FormFile[]
}

/** Thrown for a body that is not what its Content-Type says (answered 400). */
export class FormBodyError extends Error {
  override readonly name = 'FormBodyError'
}

/** Most parts accepted in one multipart body. */
const MAX_PARTS = 20

/** `a=1&b=%E4%B8%AD` → fields. */
export function parseUrlEncoded(text: string): FormBody {
  const fields: Record<string, string> = {}
  for (const [k, v] of new URLSearchParams(text)) fields[k] = v
  return { fields, files: [] }
}

function boundaryOf(contentType: string): string {
  const match = /boundary=(?:"([^"]{1,70})"|([^;\s]{1,70}))/i.exec(contentType)
  const boundary = match?.[1] ?? match?.[2]
  if (!boundary) throw new FormBodyError('上传的表单缺少 boundary')
  return boundary
}

/** The value of `key` in a Content-Disposition header (`filename*=UTF-8''…` preferred). */
function dispositionParam(header: string, key: string): string | null {
  const extended = new RegExp(`;\\s*${key}\\*=(?:UTF-8|utf-8)''([^;]+)`).exec(header)
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim())
    } catch {
      return null
    }
  }
  const quoted = new RegExp(`;\\s*${key}="((?:[^"\\\\]|\\\\.)*)"`).exec(header)
  if (quoted?.[1] !== undefined) return quoted[1].replace(/\\(.)/g, '$1')
  const bare = new RegExp(`;\\s*${key}=([^;\\s]+)`).exec(header)
  return bare?.[1] ?? null
}

/**
 * Parses a `multipart/form-data` body (RFC 7578): text parts become fields, parts with a filename
 * files. Header bytes are read as UTF-8 (what browsers send for Chinese file names). A body that
 * does not follow the format is refused, never half-read.
 */
export function parseMultipart(body: Buffer, contentType: string): FormBody {
  const boundary = boundaryOf(contentType)
  const delimiter = Buffer.from(`--${boundary}`)
  const fields: Record<string, string> = {}
  const files: FormFile[] = []
  let at = body.indexOf(delimiter)
  if (at < 0) throw new FormBodyError('上传的表单格式不正确')
  for (let parts = 0; ; parts++) {
    at += delimiter.length
    // `--` after a delimiter ends the body.
    if (body.subarray(at, at + 2).toString('latin1') === '--') break
    if (parts >= MAX_PARTS) throw new FormBodyError('上传的表单项过多')
    if (body.subarray(at, at + 2).toString('latin1') !== '\r\n') {
      throw new FormBodyError('上传的表单格式不正确')
    }
    at += 2
    const headerEnd = body.indexOf('\r\n\r\n', at, 'latin1')
    if (headerEnd < 0) throw new FormBodyError('上传的表单格式不正确')
    const headers = body.subarray(at, headerEnd).toString('utf8').split('\r\n')
    const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), headerEnd + 4)
    if (next < 0) throw new FormBodyError('上传的表单不完整（可能上传中断），请重试')
    const content = body.subarray(headerEnd + 4, next)
    const disposition = headers.find((h) => /^content-disposition:/i.test(h)) ?? ''
    const name = dispositionParam(disposition, 'name')
    if (name === null) throw new FormBodyError('上传的表单项缺少名称')
    const fileName = dispositionParam(disposition, 'filename')
    if (fileName !== null) {
      // Only the last path segment: old browsers sent C:\…\file.xlsx.
      const base = fileName.split(/[\\/]/).pop() ?? ''
      if (base !== '' || content.length > 0) {
        files.push({ field: name, fileName: base, bytes: Buffer.from(content) })
      }
    } else {
      fields[name] = content.toString('utf8')
    }
    at = next + 2
  }
  return { fields, files }
}
