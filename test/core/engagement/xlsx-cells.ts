import ExcelJS from 'exceljs'

/**
 * Every cell of an .xlsx as { text, formula }: what a spreadsheet program would show and whether
 * it would compute anything — a commenter's `=HYPERLINK(…)` must arrive as a string cell.
 */
export async function xlsxCells(bytes: Buffer): Promise<{ text: string; formula: boolean }[]> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(bytes as unknown as ArrayBuffer)
  const out: { text: string; formula: boolean }[] = []
  book.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        out.push({
          text: typeof cell.value === 'string' ? cell.value : String(cell.text ?? ''),
          formula: cell.type === ExcelJS.ValueType.Formula || cell.formula !== undefined,
        })
      })
    })
  })
  return out
}
