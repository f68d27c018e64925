/**
 * The one spreadsheet module (issue 9): every spreadsheet the app reads or writes goes through
 * here. Reading uses @e965/xlsx (the maintained SheetJS build: .xlsx from any producer, .xls,
 * .csv, with merged ranges); writing uses exceljs (styles, print setup). Nothing else in src/
 * imports either library.
 */
export { parseSheetDate, serialToIsoDate, isoDate } from './dates'
export {
  cellPlace,
  cellRef,
  columnLetter,
  fillMerged,
  findHeader,
  isNoteRow,
  mergeAt,
  normaliseHeaderName,
  type FindHeaderOptions,
  type HeaderMatch,
} from './grid'
export { decodeText, firstSheet, readSpreadsheet, SpreadsheetError } from './read'
export { writeSpreadsheet } from './write'
export type {
  LayoutCell,
  SheetLayout,
  SheetComment,
  SheetGrid,
  SheetMerge,
  SheetSpec,
  SheetValue,
  SpreadsheetBook,
  SpreadsheetProperties,
  SpreadsheetSpec,
} from './types'
