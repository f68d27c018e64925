/** Longest cleaned name, in characters (well below the 255-byte limit of common file systems). */
export const MAX_NAME_LENGTH = 120

const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i

/**
 * A safe display/export name from an original file name: the last path part only, no control
 * characters, no characters Windows forbids, no trailing dots or spaces, not a reserved device
 * name (CON, NUL, COM1 …), at most MAX_NAME_LENGTH characters with the extension kept.
 */
export function cleanFileName(original: string, fallbackExt = ''): string {
  const last = original.split(/[\\/]/).pop() ?? ''
  let name = last
    .normalize('NFC')
    // Control characters and bidi overrides (which can disguise `gpj.exe` as `exe.jpg`).
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[<>:"|?*]/g, '_')
    .trim()
    .replace(/[. ]+$/, '')
    .replace(/^\.+/, '')
  if (RESERVED.test(name)) name = `_${name}`
  const chars = [...name]
  if (chars.length > MAX_NAME_LENGTH) {
    const dot = name.lastIndexOf('.')
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : ''
    const base = [...(ext ? name.slice(0, dot) : name)].slice(0, MAX_NAME_LENGTH - ext.length)
    name = base.join('').replace(/[. ]+$/, '') + ext
  }
  if (name === '' || name.startsWith('.')) name = `附件${fallbackExt ? `.${fallbackExt}` : ''}`
  return name
}
