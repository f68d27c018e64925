import { AppError } from '../errors'

/** The built-in number pattern: GK2025-001. */
export const DEFAULT_NUMBER_PATTERN = 'GK{year}-{seq:3}'

/** Formats a request number: `GK{year}-{seq:3}` with 2025 and 1 → `GK2025-001`. */
export function formatRequestNo(pattern: string, year: number, seq: number): string {
  return pattern.replace(/\{(year|seq)(?::([1-9]))?\}/g, (_m, name: string, width?: string) => {
    if (name === 'year') return String(year)
    return String(seq).padStart(width ? Number(width) : 1, '0')
  })
}

/** Throws VALIDATION when the pattern has no sequence placeholder (numbers would repeat). */
export function assertNumberPattern(pattern: string): void {
  if (!/\{seq(:[1-9])?\}/.test(pattern)) {
    throw new AppError('VALIDATION', '编号规则须包含序号 {seq} 或 {seq:3}')
  }
}
