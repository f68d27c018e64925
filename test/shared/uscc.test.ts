import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isValidUscc, usccCheckChar } from '../../src/shared/uscc'

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'

describe('isValidUscc (GB 32100)', () => {
  it('accepts codes with the right check character', () => {
    expect(isValidUscc('113301000020000011')).toBe(true)
    expect(isValidUscc('91350100M000100Y43')).toBe(true)
  })

  it('rejects a wrong check character, wrong length and letters outside the alphabet', () => {
    expect(isValidUscc('113301000020000012')).toBe(false)
    expect(isValidUscc('11330100002000001')).toBe(false)
    expect(isValidUscc('11330100002000001I')).toBe(false)
    expect(isValidUscc('')).toBe(false)
  })

  it('accepts exactly one check character for any 17-character body', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: 17, maxLength: 17 }),
        (body) => {
          const check = usccCheckChar(body)
          expect(check).not.toBeNull()
          const valid = [...ALPHABET].filter((c) => isValidUscc(body + c))
          expect(valid).toEqual([check])
        },
      ),
    )
  })
})
