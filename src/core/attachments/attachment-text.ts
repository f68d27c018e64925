import { ExtractError } from '../review'
import { extractTextInWorker } from '../workers'

/** Formats whose text core/review can extract (the others are stored without text). */
const TEXT_EXTENSIONS = new Set(['docx', 'xlsx', 'pdf'])

export interface AttachmentText {
  status: 'ok' | 'none' | 'failed'
  text: string | null
  warning: string | null
}

/**
 * Text of an attachment for search and the confidentiality scan, via core/review's extractText
 * (hidden content included: it must be scanned too). A failure never loses the attachment: it is
 * kept with status `failed` and a Chinese warning.
 */
export async function extractAttachmentText(
  bytes: Uint8Array,
  name: string,
  ext: string,
): Promise<AttachmentText> {
  if (!TEXT_EXTENSIONS.has(ext)) return { status: 'none', text: null, warning: null }
  try {
    const result = await extractTextInWorker(bytes, name)
    const warning = result.warnings.length > 0 ? result.warnings.join('；') : null
    return { status: 'ok', text: result.text, warning }
  } catch (e) {
    const message = e instanceof ExtractError ? e.message : `读取「${name}」时出错`
    return { status: 'failed', text: null, warning: message }
  }
}
