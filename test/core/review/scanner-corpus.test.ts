import { describe, expect, it } from 'vitest'
import { scanText, severityRank, type Finding, type FindingKind } from '../../../src/core/review'
import { formatScores, loadCorpus, score } from './helpers/corpus'
import { loadPublishedCorpus } from './helpers/published-corpus'

/**
 * Recall per detector on the labelled corpus before the context rules of issue 10 (restricted
 * label as instruction, office contacts, legal representatives; `address` is new with them): the
 * new rules may not lose any.
 */
const RECALL_BASELINE: Partial<Record<FindingKind, number>> = {
  address: 1,
  'bank-card': 1,
  'classification-marking': 1,
  email: 1,
  'fixed-line': 1,
  'id-card': 1,
  'license-plate': 1,
  mobile: 1,
  'person-name': 1,
  'process-hint': 1,
  'restricted-label': 1,
  uscc: 1,
}

const isHigh = (f: Finding) => severityRank(f.severity) >= severityRank('high')

describe('scanner on the labelled corpus and on published text (issue 10)', () => {
  const labelled = loadCorpus().map((d) => ({
    ...d,
    found: scanText(d.text, d.itemKind === undefined ? {} : { itemKind: d.itemKind }),
  }))
  const { scores, misses } = score(labelled)
  const published = loadPublishedCorpus().map((d) => ({ ...d, found: scanText(d.text) }))
  const falseHigh = published.flatMap((d) =>
    d.found
      .filter(isHigh)
      .map((f) => `${d.name}: ${f.kind}/${f.severity} “${f.text}” — ${f.reason}`),
  )

  it('prints precision/recall per detector and the false-HIGH count on published text', () => {
    const bySeverity = (sev: string) =>
      published.reduce((n, d) => n + d.found.filter((f) => f.severity === sev).length, 0)
    console.log(
      [
        `\n标注语料（${labelled.length} 篇）每类检测的精确率/召回率`,
        formatScores(scores),
        `\n公开文本语料（${published.length} 篇）：误报高风险 ${falseHigh.length} 条；` +
          `提示 warn ${bySeverity('warn')} 条、info ${bySeverity('info')} 条`,
        ...falseHigh,
      ].join('\n'),
    )
    expect(published.length).toBeGreaterThanOrEqual(20)
  })

  it('raises no high or blocker finding on published government text', () => {
    expect(falseHigh).toEqual([])
  })

  it.each(Object.entries(RECALL_BASELINE))(
    '%s keeps its recall on the labelled corpus',
    (kind, baseline) => {
      const s = scores.get(kind as FindingKind)
      expect(s, `语料中没有 ${kind} 的标注`).toBeDefined()
      expect(s?.recall, misses.join('\n')).toBeGreaterThanOrEqual(baseline)
    },
  )

  it('still finds a private person in a published-looking notice', () => {
    // The published corpus must not be passing because the scanner went quiet.
    const text = `${published[0]?.text ?? ''}\n当事人：刘建军，联系电话：13853312876，电子邮箱：liujj1985@qq.com，公民身份号码：370303198503122153。`
    const high = scanText(text)
      .filter(isHigh)
      .map((f) => f.kind)
    expect(high).toEqual(expect.arrayContaining(['person-name', 'mobile', 'email', 'id-card']))
  })
})
