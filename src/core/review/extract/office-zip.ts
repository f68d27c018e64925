import JSZip from 'jszip'
import { ExtractError } from './types'

/** Largest XML part we will read from an Office file (guards against zip bombs). */
const MAX_PART_CHARS = 64 * 1024 * 1024

/** An OLE compound file: encrypted OOXML or the old binary .doc/.xls. */
export function isOleCompound(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0
}

/** Opens an Office (OOXML) package, turning every failure into a Chinese {@link ExtractError}. */
export async function openOfficeZip(bytes: Uint8Array, what: string): Promise<JSZip> {
  if (isOleCompound(bytes)) {
    throw new ExtractError(
      'ENCRYPTED',
      `该${what}已加密或为旧版二进制格式（.doc/.xls），无法读取：请去除密码并另存为 .docx/.xlsx 后再扫描`,
    )
  }
  try {
    return await JSZip.loadAsync(bytes)
  } catch (cause) {
    throw new ExtractError(
      'CORRUPT',
      `该${what}已损坏或不是有效的 Office 文件，无法读取：请用 Office/WPS 打开后另存再扫描`,
      {
        cause,
      },
    )
  }
}

/** Reads one XML part as text, or null when the package does not have it. */
export async function readPart(zip: JSZip, path: string): Promise<string | null> {
  const file = zip.file(path)
  if (file === null) return null
  const xml = await file.async('string')
  if (xml.length > MAX_PART_CHARS) {
    throw new ExtractError('TOO_LARGE', `文件中的“${path}”部分过大，无法扫描：请拆分文件后再试`)
  }
  return xml
}
