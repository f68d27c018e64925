import type { DraftParagraph } from '../../shared/engagement/types'
import { htmlToText } from '../html/html-text'

/** Most paragraphs a draft offers to comment on (longer drafts: the rest joins the last one). */
export const MAX_PARAGRAPHS = 2000

/**
 * The draft's text as numbered paragraphs (one block of the sanitised body per paragraph), what
 * the public page shows and a comment may name. Frozen on the consultation so a later edit of
 * the draft does not renumber what commenters referred to.
 */
export function draftParagraphs(bodyHtml: string): DraftParagraph[] {
  const lines = htmlToText(bodyHtml)
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '')
  if (lines.length > MAX_PARAGRAPHS) {
    const head = lines.slice(0, MAX_PARAGRAPHS - 1)
    head.push(lines.slice(MAX_PARAGRAPHS - 1).join(' '))
    return head.map((text, i) => ({ no: i + 1, text }))
  }
  return lines.map((text, i) => ({ no: i + 1, text }))
}
