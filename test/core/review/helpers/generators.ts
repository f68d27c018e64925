import fc from 'fast-check'
import { idCheckChar } from '../../../../src/core/review/checksums'
import { usccCheckChar } from '../../../../src/shared/uscc'

/** Province codes of GB/T 2260 (the first two digits of an ID's region code). */
export const PROVINCES = [
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
  53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
]

const pad = (n: number, w: number) => String(n).padStart(w, '0')

/** A valid 18-digit ID: valid province, a real birth date 1900–2020, GB 11643 check character. */
export function makeId(
  province: number,
  rest4: number,
  y: number,
  m: number,
  d: number,
  seq: number,
): string {
  const first17 = `${province}${pad(rest4, 4)}${y}${pad(m, 2)}${pad(d, 2)}${pad(seq, 3)}`
  return first17 + (idCheckChar(first17) ?? '')
}

/** fast-check arbitrary of valid 18-digit IDs. */
export const validIdArb = fc
  .record({
    province: fc.constantFrom(...PROVINCES),
    rest4: fc.integer({ min: 0, max: 9999 }),
    date: fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2020-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    seq: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ province, rest4, date, seq }) =>
    makeId(province, rest4, date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), seq),
  )

/** The same ID with its check character replaced by a wrong one. */
export function withWrongCheck(id: string, pick: number): string {
  const chars = '0123456789X'.split('').filter((c) => c !== id[17])
  return id.slice(0, 17) + chars[pick % chars.length]
}

/** Completes 15–18 leading digits with a Luhn check digit. */
export function withLuhn(prefix: string): string {
  for (let d = 0; d <= 9; d++) {
    const s = prefix + d
    let sum = 0
    let dbl = false
    for (let i = s.length - 1; i >= 0; i--) {
      let v = Number(s[i])
      if (dbl) v = v * 2 > 9 ? v * 2 - 9 : v * 2
      sum += v
      dbl = !dbl
    }
    if (sum % 10 === 0) return s
  }
  throw new Error('unreachable')
}

/** Completes 17 characters with the GB 32100 check character. */
export function withUsccCheck(first17: string): string {
  return first17 + (usccCheckChar(first17) ?? '')
}

/** fast-check arbitrary of valid mobile numbers 1[3-9]xxxxxxxxx. */
export const mobileArb = fc
  .tuple(fc.integer({ min: 3, max: 9 }), fc.stringMatching(/^\d{9}$/))
  .map(([second, rest]) => `1${second}${rest}`)
