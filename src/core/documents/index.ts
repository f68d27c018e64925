/**
 * The one document layout module (issue 10): every .docx the app writes is an OfficialDocument
 * built here, so the review record, answer letters and the annual report share A4, GB/T 9704
 * margins, explicit East Asian fonts, fitted tables, signature spaces and page numbers.
 */
export { buildDocx, chineseDate } from './build'
export { fitWidths, FONTS, MARGINS, PAGE, SIZE, TEXT_WIDTH, LINE_PITCH } from './layout'
export type {
  CellParagraph,
  DocBlock,
  DocCell,
  DocColumn,
  DocTableRow,
  GridCell,
  OfficialDocument,
} from './types'
