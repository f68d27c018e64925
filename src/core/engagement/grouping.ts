/**
 * Duplicate and form-letter grouping (批量/联名意见). Two comments are "the same letter" when
 *  - their character 3-gram shingle sets have Jaccard similarity ≥ SIMILARITY, or one text is
 *    contained in the other (CONTAINMENT of the shorter's shingles, the shorter a real letter of at
 *    least MIN_CONTAINED shingles and at least MIN_SHARE of the longer: a form letter with the
 *    sender's own sentence in front), and
 *  - what differs between them does not change the stance: a 坚决反对 letter and a 坚决支持
 *    letter, or 同意 and 不同意, are two opinions however alike the rest of the text is.
 *
 * Candidates: every pair when there are few comments, MinHash + LSH bands when there are many.
 * Candidate pairs that are alike form pools (connected components); each pool is then cut into
 * star groups: the pool's most central comment (its medoid, found on a bounded sample) takes every
 * comment of the pool that is the same letter as IT, and the rest of the pool is grouped again. So
 * every member of a group is similar to the group's medoid — a chain of slowly drifting texts is
 * never one group because neighbours resemble each other. Pure and deterministic.
 */

/** Jaccard similarity of the 3-gram sets at and above which two comments are one opinion. */
export const SIMILARITY = 0.6
/** Share of the shorter text's 3-grams found in the longer at and above which it is contained. */
export const CONTAINMENT = 0.8
/** The contained text must be a letter, not a phrase: at least this many 3-grams (≈ 32 字). */
const MIN_CONTAINED = 30
/** …and at least this share of the longer text (the letter is not a quote in an essay). */
const MIN_SHARE = 1 / 3
const SHINGLE = 3
/** Bands × rows of the LSH: a pair at J = 0.45 becomes a candidate with probability ≈ 0.94. */
const BANDS = 30
const ROWS = 3
const HASHES = BANDS * ROWS
/**
 * A comment is compared with at most this many latest comments of each LSH bucket it falls in: a
 * campaign of thousands of letters fills one bucket per band, and the latest dozens are enough
 * to join it (while each comparison to all of them made grouping quadratic).
 */
const BUCKET_TRIES = 48
/** Up to this many comments every pair is compared exactly (no LSH). */
const EXACT_UP_TO = 600
/** Members of a pool sampled to find its medoid. */
const MEDOID_SAMPLE = 32
/** An added or removed sentence at either end (a signature, one's own words) from this length. */
const EDGE_ADDITION = 8
/** Length of the character grams that anchor two texts to each other for the stance check. */
const ANCHOR = 4

/** Text for comparison: NFKC, lower case, without whitespace, punctuation and symbols. */
export function normaliseComment(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '')
}

/** FNV-1a over code points (the characters of a shingle, without building a string). */
function fnv1a(points: readonly number[], from: number, to: number): number {
  let h = 0x811c9dc5
  for (let i = from; i < to; i++) {
    h ^= points[i]!
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** A 32-bit mix (murmur3's finaliser) of `x` under `seed`: one of the MinHash functions. */
function mix(x: number, seed: number): number {
  let h = (x ^ seed) >>> 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

const SEEDS = Array.from({ length: HASHES }, (_, i) => mix(i + 1, 0x9e3779b9))

/** The set of hashed 3-grams of a normalised text (the whole text when shorter). */
export function shingles(normalised: string): Set<number> {
  return shingleSet(Array.from(normalised, (c) => c.codePointAt(0)!))
}

function shingleSet(points: readonly number[]): Set<number> {
  const out = new Set<number>()
  if (points.length === 0) return out
  if (points.length <= SHINGLE) {
    out.add(fnv1a(points, 0, points.length))
    return out
  }
  for (let i = 0; i + SHINGLE <= points.length; i++) out.add(fnv1a(points, i, i + SHINGLE))
  return out
}

function common(a: Set<number>, b: Set<number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let n = 0
  for (const x of small) if (large.has(x)) n++
  return n
}

/** Shared elements of two ascending arrays (a merge: faster than set look-ups for many pairs). */
function commonSorted(a: Uint32Array, b: Uint32Array): number {
  let i = 0
  let j = 0
  let n = 0
  while (i < a.length && j < b.length) {
    const x = a[i]!
    const y = b[j]!
    if (x === y) {
      n++
      i++
      j++
    } else if (x < y) i++
    else j++
  }
  return n
}

/** Exact Jaccard similarity of two shingle sets. */
export function jaccard(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 && b.size === 0) return 1
  const n = common(a, b)
  return n / (a.size + b.size - n)
}

/**
 * How alike two shingle sets are: their Jaccard similarity, or — when the shorter is a letter
 * that may be contained in the longer (MIN_CONTAINED, MIN_SHARE) — the share of the shorter's
 * shingles in the longer, whichever is higher; and whether that makes them alike.
 */
export function resemblance(a: Set<number>, b: Set<number>): { score: number; alike: boolean } {
  return resemble(a.size, b.size, common(a, b))
}

function resemble(sizeA: number, sizeB: number, n: number): { score: number; alike: boolean } {
  if (sizeA === 0 || sizeB === 0) return { score: 0, alike: false }
  const j = n / (sizeA + sizeB - n)
  if (j >= SIMILARITY) return { score: j, alike: true }
  const small = Math.min(sizeA, sizeB)
  if (small < MIN_CONTAINED || small < MIN_SHARE * Math.max(sizeA, sizeB)) {
    return { score: j, alike: false }
  }
  const c = n / small
  return { score: Math.max(j, c), alike: c >= CONTAINMENT }
}

/** Whether two comments could be alike by their sizes alone (no look at their texts). */
function mayResemble(sizeA: number, sizeB: number): boolean {
  const small = Math.min(sizeA, sizeB)
  const large = Math.max(sizeA, sizeB)
  if (small === 0) return false
  return small >= SIMILARITY * large || (small >= MIN_CONTAINED && small >= MIN_SHARE * large)
}

/** `resemblance(a, b).alike` of two prepared comments (the hot path of verification). */
function isAlike(a: Prepared, b: Prepared): boolean {
  const sa = a.sorted.length
  const sb = b.sorted.length
  if (!mayResemble(sa, sb)) return false
  const n = commonSorted(a.sorted, b.sorted)
  if (n >= SIMILARITY * (sa + sb - n)) return true
  const small = Math.min(sa, sb)
  return small >= MIN_CONTAINED && small >= MIN_SHARE * Math.max(sa, sb) && n >= CONTAINMENT * small
}

// ——— Stance: what differs between two texts must not turn an opinion around ———

const POSITIVE = ['支持', '赞成', '赞同', '同意', '拥护', '认可', '欢迎', '肯定']
const NEGATIVE = ['反对', '抵制', '拒绝', '否定', '质疑']
const NEGATION = ['不', '没', '未', '无', '勿', '否', '禁止']

function occurrences(text: string, words: readonly string[]): number {
  let n = 0
  for (const w of words) {
    for (let i = text.indexOf(w); i !== -1; i = text.indexOf(w, i + w.length)) n++
  }
  return n
}

/** Counts of support, opposition and negation words in a stretch of normalised text. */
function stanceProfile(text: string): string {
  return `${occurrences(text, POSITIVE)}/${occurrences(text, NEGATIVE)}/${occurrences(text, NEGATION)}`
}

/** Grams of ANCHOR characters that occur once in the text, with their position. */
function uniqueGrams(chars: readonly string[]): Map<string, number> {
  const seen = new Map<string, number>()
  for (let i = 0; i + ANCHOR <= chars.length; i++) {
    const g = chars.slice(i, i + ANCHOR).join('')
    seen.set(g, seen.has(g) ? -1 : i)
  }
  return seen
}

/**
 * The stretches in which two texts differ, in order: the texts are anchored on grams that occur
 * once in each (the longest chain in the same order on both sides, as patience diff does); between
 * consecutive anchors lies one stretch of each text. `edge` marks the stretches before the first
 * and after the last anchor.
 */
interface Stretch {
  a: string
  b: string
  /** Characters of the longer side, without the anchors' context. */
  length: number
  edge: boolean
}

function differingStretches(a: Prepared, b: Prepared): Stretch[] {
  const ga = a.grams()
  const gb = b.grams()
  const pairs: [number, number][] = []
  for (const [g, i] of ga) {
    if (i < 0) continue
    const j = gb.get(g)
    if (j !== undefined && j >= 0) pairs.push([i, j])
  }
  pairs.sort((x, y) => x[0] - y[0])
  // Longest chain increasing in b (patience sorting, O(n log n)).
  const tails: number[] = []
  const prev = new Array<number>(pairs.length).fill(-1)
  pairs.forEach(([, j], k) => {
    let lo = 0
    let hi = tails.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (pairs[tails[mid]!]![1] < j) lo = mid + 1
      else hi = mid
    }
    if (lo > 0) prev[k] = tails[lo - 1]!
    tails[lo] = k
  })
  const chain: [number, number][] = []
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k !== -1; k = prev[k]!) {
    chain.push(pairs[k]!)
  }
  chain.reverse()
  const ca = a.chars
  const cb = b.chars
  if (chain.length === 0) {
    return [{ a: a.norm, b: b.norm, length: Math.max(ca.length, cb.length), edge: true }]
  }
  const out: Stretch[] = []
  let endA = 0
  let endB = 0
  const push = (toA: number, toB: number, edge: boolean, after: string) => {
    const sa = ca.slice(endA, Math.max(endA, toA))
    const sb = cb.slice(endB, Math.max(endB, toB))
    if (sa.length === 0 && sb.length === 0) return
    // Two characters of anchor on each side, so that a word the anchor cuts is still counted.
    const before = ca.slice(Math.max(0, endA - 2), endA).join('')
    out.push({
      a: before + sa.join('') + after,
      b: before + sb.join('') + after,
      length: Math.max(sa.length, sb.length),
      edge,
    })
  }
  chain.forEach(([i, j], k) => {
    push(i, j, k === 0, ca.slice(i, i + 2).join(''))
    endA = Math.max(endA, i + ANCHOR)
    endB = Math.max(endB, j + ANCHOR)
  })
  push(ca.length, cb.length, true, '')
  return out
}

/**
 * Whether what differs between two alike texts leaves their stance as it is: every differing
 * stretch inside the texts, and every replaced word at either end, has the same count of support,
 * opposition and negation words on both sides. A sentence added at either end (a signature, the
 * sender's own words: EDGE_ADDITION characters or more) is the sender's, not the letter's.
 */
export function sameStance(textA: string, textB: string): boolean {
  const a = prepare(textA)
  const b = prepare(textB)
  return stanceAgrees(a, b)
}

function stanceAgrees(a: Prepared, b: Prepared): boolean {
  if (a.norm === b.norm) return true
  for (const s of differingStretches(a, b)) {
    if (s.edge && s.length >= EDGE_ADDITION) continue
    if (stanceProfile(s.a) !== stanceProfile(s.b)) return false
  }
  return true
}

// ——— Grouping ———

interface Prepared {
  norm: string
  chars: string[]
  /** The shingles, ascending. */
  sorted: Uint32Array
  grams(): Map<string, number>
}

function prepare(text: string): Prepared {
  const norm = normaliseComment(text)
  const chars = [...norm]
  let grams: Map<string, number> | undefined
  return {
    norm,
    chars,
    sorted: Uint32Array.from(shingleSet(chars.map((c) => c.codePointAt(0)!))).sort(),
    grams: () => (grams ??= uniqueGrams(chars)),
  }
}

function signature(set: Uint32Array): Uint32Array {
  const sig = new Uint32Array(HASHES).fill(0xffffffff)
  for (const x of set) {
    for (let i = 0; i < HASHES; i++) {
      const v = mix(x, SEEDS[i]!)
      if (v < sig[i]!) sig[i] = v
    }
  }
  return sig
}

/** Connected components (as root per index) of the pairs that are alike. */
function pools(items: readonly Prepared[]): number[] {
  const parent = items.map((_, i) => i)
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!
      i = parent[i]!
    }
    return i
  }
  const union = (a: number, b: number) => {
    const ra = find(a)
    const rb = find(b)
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb)
  }
  const n = items.length
  const live = items.map((p, i) => (p.sorted.length > 0 ? i : -1)).filter((i) => i >= 0)
  if (n <= EXACT_UP_TO) {
    for (let x = 0; x < live.length; x++) {
      for (let y = 0; y < x; y++) {
        const i = live[x]!
        const j = live[y]!
        if (find(i) !== find(j) && isAlike(items[i]!, items[j]!)) union(i, j)
      }
    }
    return items.map((_, i) => find(i))
  }
  // Pairs found unlike (a pair may share several bands); pairs already in one pool are skipped
  // before any work.
  const failed = new Set<number>()
  // One map per band, keyed by a hash of the band's rows (a collision only adds a candidate,
  // which is then verified like any other).
  const bands = Array.from({ length: BANDS }, () => new Map<number, number[]>())
  for (const i of live) {
    const sig = signature(items[i]!.sorted)
    for (let b = 0; b < BANDS; b++) {
      let key = b
      for (let r = b * ROWS; r < (b + 1) * ROWS; r++) key = mix(key ^ sig[r]!, 0x27d4eb2f)
      key >>>= 2 // a small integer: a faster map key
      const buckets = bands[b]!
      const bucket = buckets.get(key)
      if (!bucket) {
        buckets.set(key, [i])
        continue
      }
      for (let k = Math.max(0, bucket.length - BUCKET_TRIES); k < bucket.length; k++) {
        const j = bucket[k]!
        if (find(i) === find(j)) continue
        const pair = j * n + i
        if (failed.has(pair)) continue
        if (isAlike(items[i]!, items[j]!)) union(i, j)
        else failed.add(pair)
      }
      bucket.push(i)
    }
  }
  return items.map((_, i) => find(i))
}

/**
 * The most central member of `members`: the highest summed Jaccard similarity over a bounded
 * sample. Jaccard, not containment: a plain form letter is close to every copy, a copy with its
 * sender's own sentence only to the plain ones — the plain letter must be the centre, or the copies
 * with other senders' sentences would not resemble it.
 */
function medoid(items: readonly Prepared[], members: readonly number[]): number {
  const step = Math.max(1, members.length / MEDOID_SAMPLE)
  const sample: number[] = []
  for (let k = 0; k < members.length && sample.length < MEDOID_SAMPLE; k += step) {
    sample.push(members[Math.floor(k)]!)
  }
  let best = sample[0]!
  let bestScore = -1
  for (const s of sample) {
    let score = 0
    for (const t of sample) {
      if (t === s) continue
      const a = items[s]!.sorted
      const b = items[t]!.sorted
      const n = commonSorted(a, b)
      score += n / (a.length + b.length - n)
    }
    if (score > bestScore) [best, bestScore] = [s, score]
  }
  return best
}

/** Star groups of one pool: each group is a medoid and the members that are its same letter. */
function starGroups(items: readonly Prepared[], pool: number[]): number[][] {
  const out: number[][] = []
  let rest = pool
  while (rest.length >= 2) {
    const m = medoid(items, rest)
    const group = rest.filter(
      (x) => x === m || (isAlike(items[x]!, items[m]!) && stanceAgrees(items[x]!, items[m]!)),
    )
    if (group.length >= 2) out.push(group)
    const taken = new Set(group)
    rest = rest.filter((x) => !taken.has(x))
  }
  return out
}

export interface GroupInput {
  id: string
  body: string
}

/**
 * Groups of near-identical comments: each group lists at least two ids in input order, groups in
 * the order of their first comment; a comment like no other is in no group. Empty texts are never
 * grouped.
 */
export function groupComments(comments: readonly GroupInput[]): string[][] {
  const items = comments.map((c) => prepare(c.body))
  const roots = pools(items)
  const byRoot = new Map<number, number[]>()
  roots.forEach((r, i) => {
    const list = byRoot.get(r)
    if (list) list.push(i)
    else byRoot.set(r, [i])
  })
  const groups: number[][] = []
  for (const pool of byRoot.values()) {
    if (pool.length >= 2) groups.push(...starGroups(items, pool))
  }
  return groups.sort((a, b) => a[0]! - b[0]!).map((g) => g.map((i) => comments[i]!.id))
}
