import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { scanText } from '../../../src/core/review'
import { mobileArb, validIdArb, withWrongCheck } from './helpers/generators'

/** Chinese filler around the generated values, never digits or letters (so boundaries are clean). */
const filler = fc.string({
  unit: fc.constantFrom('的', '号', '码', '，', '。', '当', '日', ' ', '\n'),
  maxLength: 8,
})

describe('property tests (GB 11643, mobile number boundaries)', () => {
  it('a generated valid 18-digit ID (valid region, real date, GB 11643 check) is always found as high', () => {
    fc.assert(
      fc.property(validIdArb, filler, filler, (id, pre, post) => {
        const text = `${pre}${id}${post}`
        const hits = scanText(text).filter((f) => f.kind === 'id-card')
        expect(hits).toHaveLength(1)
        expect(hits[0]).toMatchObject({ text: id, severity: 'high', start: pre.length })
      }),
      { numRuns: 500 },
    )
  })

  it('the same IDs with a wrong check character never rise to high (as any kind)', () => {
    fc.assert(
      fc.property(validIdArb, fc.nat(), filler, (id, pick, pre) => {
        const bad = withWrongCheck(id, pick)
        const found = scanText(`${pre}${bad}`)
        const severe = found.filter((f) => f.severity === 'high' || f.severity === 'blocker')
        expect(severe).toEqual([])
        // …and the reviewer still sees it: as an ID warning naming the failed check, or (1 in 31)
        // as the credit code it then also is.
        expect(found).toHaveLength(1)
        if (found[0]?.kind === 'id-card') expect(found[0].reason).toMatch(/校验位不符/)
        else expect(found[0]?.kind).toBe('uscc')
      }),
      { numRuns: 500 },
    )
  })

  it('a valid mobile number embedded in a longer digit run is never found as a mobile', () => {
    const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 6 })
    fc.assert(
      fc.property(mobileArb, digits, digits, (phone, pre, post) => {
        fc.pre(pre.length + post.length > 0)
        // +86/86/0086 directly before a number is the documented country-code prefix, not a longer run.
        fc.pre(post.length > 0 || !/(^|[^0-9])(86|0086)$/.test(`x${pre}`))
        const found = scanText(`编号${pre}${phone}${post}。`).filter((f) => f.kind === 'mobile')
        expect(found).toEqual([])
      }),
      { numRuns: 1000 },
    )
  })

  it('a valid mobile number standing alone is always found', () => {
    fc.assert(
      fc.property(mobileArb, filler, (phone, pre) => {
        expect(scanText(`${pre}${phone}。`).filter((f) => f.kind === 'mobile')).toHaveLength(1)
      }),
    )
  })
})
