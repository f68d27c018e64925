/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from a 31-symbol
 * alphabet, the last one a mod-31 check character over the first 17 with fixed weights.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

/** The check character for the first 17 characters, or null when one is outside the alphabet. */
export function usccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i] ?? '')
    if (v < 0) return null
    sum += v * (WEIGHTS[i] ?? 0)
  }
  return ALPHABET[(31 - (sum % 31)) % 31] ?? null
}

/** True when `code` is a well-formed 统一社会信用代码 with a correct check character (GB 32100). */
export function isValidUscc(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false
  return usccCheckChar(code.slice(0, 17)) === code[17]
}
