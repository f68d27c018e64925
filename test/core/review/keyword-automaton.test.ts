import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { KeywordAutomaton, createKeywordMatcher, scanText } from '../../../src/core/review'

/** Every occurrence by brute force, the reference the automaton must agree with. */
function naive(text: string, words: string[]) {
  const out: Array<{ start: number; end: number; pattern: number }> = []
  words.forEach((w, pattern) => {
    if (w === '' || words.indexOf(w) !== pattern) return
    for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) {
      out.push({ start: i, end: i + w.length, pattern })
    }
  })
  return out.sort((a, b) => a.start - b.start || a.end - b.end)
}

describe('Aho–Corasick keyword automaton', () => {
  it('finds overlapping and nested matches (he/she/his/hers)', () => {
    const ac = KeywordAutomaton.build(['he', 'she', 'his', 'hers'])
    expect(ac.findAll('ushers')).toEqual([
      { start: 1, end: 4, pattern: 1 },
      { start: 2, end: 4, pattern: 0 },
      { start: 2, end: 6, pattern: 3 },
    ])
  })

  it('matches Chinese with offsets that slice the original string', () => {
    const words = ['国家', '国家安全', '安全生产', '生产']
    const text = '维护国家安全生产秩序'
    const hits = KeywordAutomaton.build(words).findAll(text)
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual([
      '国家',
      '国家安全',
      '安全生产',
      '生产',
    ])
  })

  it('counts UTF-16 code units like JS strings (astral characters as surrogate pairs)', () => {
    const text = '前𠀀后𠀀'
    const hits = KeywordAutomaton.build(['𠀀后']).findAll(text)
    expect(hits).toEqual([{ start: 1, end: 4, pattern: 0 }])
    expect(text.slice(1, 4)).toBe('𠀀后')
  })

  it('agrees with brute force on random word lists and texts', () => {
    const alphabet = fc.constantFrom('甲', '乙', '丙', '丁', 'a', 'b')
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: alphabet, minLength: 1, maxLength: 4 }), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.string({ unit: alphabet, maxLength: 60 }),
        (words, text) => {
          expect(KeywordAutomaton.build(words).findAll(text)).toEqual(naive(text, words))
        },
      ),
    )
  })

  it('keyword findings carry the entry severity (default high)', () => {
    const keywords = createKeywordMatcher([
      { word: '某重点工程', severity: 'warn' },
      '拆迁补偿底数',
    ])
    const found = scanText('关于某重点工程拆迁补偿底数的说明', { keywords }).filter(
      (f) => f.kind === 'keyword',
    )
    expect(found.map((f) => [f.text, f.severity])).toEqual([
      ['某重点工程', 'warn'],
      ['拆迁补偿底数', 'high'],
    ])
    expect(found[0]?.reason).toContain('敏感词')
  })

  it('a word listed twice keeps its most serious severity', () => {
    const m = createKeywordMatcher([
      { word: '底数', severity: 'info' },
      { word: '底数', severity: 'blocker' },
    ])
    expect(m.entries).toEqual([{ word: '底数', severity: 'blocker' }])
  })
})
