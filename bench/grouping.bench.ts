/**
 * Form-letter grouping benchmark (issue 14): groupComments on 5,000 comments — a campaign of
 * 1,000 form letters (a fifth with the sender's own sentence in front) among 4,000 distinct
 * comments — against the baseline of 500 comments in the same proportions (below the exact
 * all-pairs limit) in the same run. The ratio is the cost per comment at 5,000 over the cost per
 * comment at 500: near 1 means the LSH path grows about linearly. Prints a table, then one JSON
 * line (the last line).
 * Run: npm run bench:grouping   (BENCH_COMMENTS=5000, BENCH_RUNS=3)
 */
import { groupComments } from '../src/core/engagement/grouping'
import { generatedComments } from '../test/core/engagement/generated-comments'
import { medianMs } from './lib/timing'

const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 5_000)
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const BASELINE = 500
const OWN =
  '我家老人有多年的哮喘病，孩子也在附近的实验小学上学，每天上下学都要从规划的选址旁边经过，我们全家对此都非常担心。'

const round = (n: number) => Math.round(n * 10) / 10

function commentSet(total: number, seed: number) {
  const letters = Math.round(total / 5)
  const comments = generatedComments(letters, total - letters, seed)
  let own = 0
  for (const c of comments) {
    if (c.id.startsWith('form-') && own < letters / 5) {
      c.body = `${OWN}${c.body}`
      own++
    }
  }
  return comments
}

function measure(total: number) {
  const comments = commentSet(total, 14)
  let groups: string[][] = []
  const ms = medianMs(
    () => {
      groups = groupComments(comments)
    },
    1,
    RUNS,
  )
  const form = groups.filter((g) => g.some((id) => id.startsWith('form-')))
  return {
    comments: total,
    ms: round(ms),
    us_per_comment: round((ms * 1000) / total),
    groups: groups.length,
    form_letter_groups: form.length,
    largest_group: Math.max(0, ...groups.map((g) => g.length)),
    distinct_in_form_groups: form.flat().filter((id) => id.startsWith('own-')).length,
  }
}

const base = measure(BASELINE)
const big = measure(COMMENTS)
const result = {
  bench: 'grouping',
  runs: RUNS,
  baseline: base,
  measured: big,
  ratio: round(big.us_per_comment / base.us_per_comment),
}
for (const r of [base, big]) {
  console.log(
    `${String(r.comments).padStart(6)} 条意见  ${String(r.ms).padStart(8)} ms（每条 ${r.us_per_comment} µs）` +
      `  ${r.groups} 组，联名信 ${r.form_letter_groups} 组，最大 ${r.largest_group} 条，误并 ${r.distinct_in_form_groups} 条`,
  )
}
console.log(`ratio (per comment, ${COMMENTS} / ${BASELINE})  ${result.ratio}`)
console.log(JSON.stringify(result))
