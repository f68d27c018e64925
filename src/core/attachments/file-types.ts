import { ATTACHMENT_EXTENSIONS } from '../../shared/catalogue/types'

type Magic = 'pdf' | 'zip' | 'ole' | 'png' | 'jpg'

/**
 * What each allowed extension must look like inside. Office Open XML (docx/xlsx), OFD and zip are
 * zip containers; legacy Office and WPS/ET files are OLE compound documents. Newer WPS Office
 * saves .wps/.et as zip-based as well, so those accept both.
 */
const EXPECTED: Record<(typeof ATTACHMENT_EXTENSIONS)[number], readonly Magic[]> = {
  pdf: ['pdf'],
  docx: ['zip'],
  xlsx: ['zip'],
  zip: ['zip'],
  ofd: ['zip'],
  doc: ['ole'],
  xls: ['ole'],
  wps: ['ole', 'zip'],
  et: ['ole', 'zip'],
  png: ['png'],
  jpg: ['jpg'],
  jpeg: ['jpg'],
}

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) =>
  sig.every((b, i) => bytes[at + i] === b)

/** The container format recognised from the first bytes, or null. */
export function sniff(head: Uint8Array): Magic | null {
  // %PDF- may follow a few bytes of junk (the spec allows it within the first 1024 bytes).
  const text = new TextDecoder('latin1').decode(head.subarray(0, 1024))
  if (text.includes('%PDF-')) return 'pdf'
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    return 'zip'
  }
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole'
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpg'
  return null
}

const ALLOWED_TEXT = ATTACHMENT_EXTENSIONS.map((e) => `.${e}`).join('、')

export type TypeCheck = { ok: true; ext: string } | { ok: false; message: string }

/** Checks a file by extension AND content, with Chinese messages that list what is allowed. */
export function checkAttachmentType(name: string, head: Uint8Array): TypeCheck {
  const dot = name.lastIndexOf('.')
  const ext = dot >= 0 ? name.slice(dot + 1).toLowerCase() : ''
  if (!(ATTACHMENT_EXTENSIONS as readonly string[]).includes(ext)) {
    return {
      ok: false,
      message: `不支持的附件类型：${ext ? `.${ext}` : '无扩展名'}。允许的类型：${ALLOWED_TEXT}`,
    }
  }
  const expected = EXPECTED[ext as keyof typeof EXPECTED]
  const actual = sniff(head)
  if (actual === null || !expected.includes(actual)) {
    return {
      ok: false,
      message:
        `附件「${name}」的内容与扩展名 .${ext} 不符（可能是改了扩展名的其他文件或已损坏）。` +
        `请用原程序重新导出后再添加。允许的类型：${ALLOWED_TEXT}`,
    }
  }
  return { ok: true, ext }
}
