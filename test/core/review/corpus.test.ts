import { describe, expect, it } from 'vitest'
import { scanText, type FindingKind } from '../../../src/core/review'
import { formatScores, loadCorpus, score } from './helpers/corpus'

/** Detectors whose quality gates the build (confidentiality-review.md: markings and personal IDs). */
const GATED: FindingKind[] = ['id-card', 'mobile', 'classification-marking']

describe('labelled corpus (test/fixtures/review/corpus)', () => {
  const docs = loadCorpus()
  const results = docs.map((d) => ({
    ...d,
    found: scanText(d.text, d.itemKind === undefined ? {} : { itemKind: d.itemKind }),
  }))
  const { scores, misses } = score(results)

  it('has at least 15 labelled documents', () => {
    expect(docs.length).toBeGreaterThanOrEqual(15)
  })

  it('prints per-detector precision and recall', () => {
    console.log(`\n语料评测（${docs.length} 篇）\n${formatScores(scores)}\n${misses.join('\n')}`)
    expect(scores.size).toBeGreaterThan(0)
  })

  it.each(GATED)('%s reaches recall ≥ 0.95 and precision ≥ 0.9', (kind) => {
    const s = scores.get(kind)
    expect(s, `语料中没有 ${kind} 的标注`).toBeDefined()
    expect(s?.recall, misses.join('\n')).toBeGreaterThanOrEqual(0.95)
    expect(s?.precision, misses.join('\n')).toBeGreaterThanOrEqual(0.9)
  })
})
