/** 0 → A, 25 → Z, 26 → AA: the spreadsheet column letters shown in the mapping step. */
export function columnName(index: number): string {
  let n = index + 1
  let s = ''
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}
