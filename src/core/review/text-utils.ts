/** Small helpers shared by detectors. All offsets are UTF-16 code units. */

/** True for ASCII letters and digits (callers pass code units of the folded text). */
export function isAsciiAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
}

/** True for a CJK unified ideograph in the basic block (what names and words are made of). */
export function isHan(code: number): boolean {
  return code >= 0x4e00 && code <= 0x9fff
}

const FULL_WIDTH = /[\u3000\uff01-\uff5e]/

/**
 * Folds full-width ASCII forms (Ｕ+FF01–FF5E) and the ideographic space to their ASCII twins. Each
 * replacement is one code unit for one, so offsets stay valid; returns `text` itself when nothing
 * needs folding (the common case, no allocation).
 */
export function foldFullWidth(text: string): string {
  if (!FULL_WIDTH.test(text)) return text
  let out = ''
  let last = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x3000 || (c >= 0xff01 && c <= 0xff5e)) {
      out += text.slice(last, i) + String.fromCharCode(c === 0x3000 ? 32 : c - 0xfee0)
      last = i + 1
    }
  }
  return out + text.slice(last)
}

/** Start (inclusive) and end (exclusive, before the newline) of the line containing `pos`. */
export function lineBounds(text: string, pos: number): [number, number] {
  const start = text.lastIndexOf('\n', pos - 1) + 1
  const nl = text.indexOf('\n', pos)
  return [start, nl < 0 ? text.length : nl]
}

/** The up to `span` characters before `pos`, for context-word checks. */
export function before(text: string, pos: number, span: number): string {
  return text.slice(Math.max(0, pos - span), pos)
}
