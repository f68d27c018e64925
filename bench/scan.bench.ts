/**
 * Scanner benchmark: all detectors plus a 10,000-word department keyword list through the
 * Aho–Corasick automaton, against the naive baseline of one global RegExp per keyword over the same
 * text. Throughput is in MB of UTF-8 text per second (MB = 10^6 bytes). Prints a table, then one
 * JSON line (the last line) for tooling.
 */
import { createKeywordMatcher, scanText } from '../src/core/review'
import { generateCorpus, generateKeywords } from './lib/chinese-corpus'
import { medianMs } from './lib/timing'

const KEYWORDS = 10_000
const text = generateCorpus(20240501, 1_000_000)
const mb = Buffer.byteLength(text, 'utf8') / 1e6
const words = generateKeywords(7, KEYWORDS, text)

const t0 = performance.now()
const matcher = createKeywordMatcher(words)
const buildMs = performance.now() - t0

let findings = 0
const scanMs = medianMs(
  () => {
    findings = scanText(text, { keywords: matcher }).length
  },
  3,
  9,
)

let keywordHits = 0
const automatonMs = medianMs(
  () => {
    keywordHits = 0
    matcher.automaton.scan(text, () => {
      keywordHits++
    })
  },
  3,
  9,
)

const detectorsMs = medianMs(() => void scanText(text), 3, 9)

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const regexes = words.map((w) => new RegExp(escape(w), 'g'))
let naiveHits = 0
const naiveMs = medianMs(
  () => {
    naiveHits = 0
    for (const re of regexes) {
      re.lastIndex = 0
      while (re.exec(text) !== null) naiveHits++
    }
  },
  1,
  3,
)

const rate = (ms: number) => mb / (ms / 1000)
const row = (name: string, ms: number, note = '') =>
  `${name.padEnd(34)} ${ms.toFixed(1).padStart(9)} ms ${rate(ms).toFixed(1).padStart(9)} MB/s  ${note}`

console.log(`语料 ${mb.toFixed(2)} MB（${text.length} 个 UTF-16 单元），关键词 ${words.length} 个`)
console.log(`自动机构建 ${buildMs.toFixed(1)} ms`)
console.log(`${'步骤'.padEnd(32)} ${'中位耗时'.padStart(8)}    ${'吞吐'.padStart(8)}`)
console.log(row('scanText（全部检测器 + 自动机）', scanMs, `${findings} 项发现`))
console.log(row('scanText（不含关键词）', detectorsMs))
console.log(row('Aho–Corasick 自动机（仅关键词）', automatonMs, `${keywordHits} 次命中`))
console.log(row('朴素基线（每词一个 RegExp）', naiveMs, `${naiveHits} 次命中`))
if (naiveHits < keywordHits) console.log('注意：朴素基线不报告重叠匹配，命中数可能少于自动机')

const mbPerS = rate(scanMs)
const naiveMbPerS = rate(naiveMs)
console.log(
  JSON.stringify({
    keywords: words.length,
    mb_per_s: Number(mbPerS.toFixed(2)),
    naive_mb_per_s: Number(naiveMbPerS.toFixed(3)),
    ratio: Number((mbPerS / naiveMbPerS).toFixed(1)),
  }),
)
