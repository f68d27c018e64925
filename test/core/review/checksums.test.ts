import { describe, expect, it } from 'vitest'
import {
  checkIdNumber,
  idCheckChar,
  isPlausibleBirthDate,
  luhnValid,
} from '../../../src/core/review/checksums'

describe('GB 11643 check character (ISO 7064 MOD 11-2)', () => {
  it('computes the published example 11010519491231002X', () => {
    expect(idCheckChar('11010519491231002')).toBe('X')
  })
  it('computes digit check characters', () => {
    expect(idCheckChar('37030319850312215')).toBe('3')
  })
  it('refuses non-digits', () => {
    expect(idCheckChar('3703031985031221A')).toBeNull()
  })
})

describe('ID plausibility (region code and birth date)', () => {
  const today = new Date(2025, 0, 1)
  it('accepts a valid province, date and check', () => {
    expect(checkIdNumber('11010519491231002X', today)).toMatchObject({
      plausible: true,
      checksumOk: true,
    })
  })
  it('accepts a lower-case x check character', () => {
    expect(checkIdNumber('11010519491231002x', today)?.checksumOk).toBe(true)
  })
  it('rejects province codes outside GB/T 2260 (00, 99)', () => {
    expect(checkIdNumber('990105194912310021', today)?.plausible).toBe(false)
  })
  it('rejects impossible dates (Feb 30) and future births', () => {
    expect(isPlausibleBirthDate(1990, 2, 30, today)).toBe(false)
    expect(isPlausibleBirthDate(2030, 1, 1, today)).toBe(false)
    expect(isPlausibleBirthDate(1899, 12, 31, today)).toBe(false)
    expect(isPlausibleBirthDate(2000, 2, 29, today)).toBe(true)
    expect(isPlausibleBirthDate(1900, 2, 29, today)).toBe(false)
  })
  it('reads the 15-digit legacy form as a 19YY birth date', () => {
    expect(checkIdNumber('370303680715001', today)).toMatchObject({ plausible: true })
    expect(checkIdNumber('370303681315001', today)?.plausible).toBe(false)
  })
})

describe('Luhn (ISO/IEC 7812)', () => {
  it('accepts valid card numbers and rejects a changed digit', () => {
    expect(luhnValid('6222021603012345674')).toBe(true)
    expect(luhnValid('6222021603012345675')).toBe(false)
    expect(luhnValid('4111111111111111')).toBe(true)
  })
})
