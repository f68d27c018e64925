/**
 * Duplicate and form-letter grouping (批量/联名意见): near-identical comments are found with
 * MinHash over character 3-gram shingles of the normalised text, candidate pairs from LSH bands,
 * and every candidate verified with the exact Jaccard similarity of the shingle sets — so a pair
 * is grouped only when its texts really share at least SIMILARITY of their shingles. Groups are the
 * connected components of the verified pairs. Pure and deterministic.
 */

/** Jaccard similarity of the 3-gram sets at and above which two comments are one opinion. */
export const SIMILARITY = 0.6
const SHINGLE = 3
const BANDS = 20
const ROWS = 4
const HASHES = BANDS * ROWS

/** Text for comparison: NFKC, lower case, without whitespace, punctuation and symbols. */
export function normaliseComment(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '')
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
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
  const chars = [...normalised]
  const out = new Set<number>()
  if (chars.length === 0) return out
  if (chars.length <= SHINGLE) {
    out.add(fnv1a(chars.join('')))
    return out
  }
  for (let i = 0; i + SHINGLE <= chars.length; i++) {
    out.add(fnv1a(chars.slice(i, i + SHINGLE).join('')))
  }
  return out
}

/** Exact Jaccard similarity of two shingle sets. */
export function jaccard(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 && b.size === 0) return 1
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let common = 0
  for (const x of small) if (large.has(x)) common++
  return common / (a.size + b.size - common)
}

function signature(set: Set<number>): Uint32Array {
  const sig = new Uint32Array(HASHES).fill(0xffffffff)
  for (const x of set) {
    for (let i = 0; i < HASHES; i++) {
      const v = mix(x, SEEDS[i]!)
      if (v < sig[i]!) sig[i] = v
    }
  }
  return sig
}

export interface GroupInput {
  id: string
  body: string
}

/**
 * Groups of near-identical comments: each group lists at least two ids in input order; a
 * comment like no other is in no group. Empty texts are never grouped.
 */
export function groupComments(comments: readonly GroupInput[]): string[][] {
  const sets = comments.map((c) => shingles(normaliseComment(c.body)))
  const parent = comments.map((_, i) => i)
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
  // Pairs whose Jaccard fell short (a pair may share several bands); united pairs need no memory:
  // the find() check skips them, which keeps a 3,000-letter campaign near-linear per band.
  const failed = new Set<number>()
  const n = comments.length
  const buckets = new Map<string, number[]>()
  sets.forEach((set, i) => {
    if (set.size === 0) return
    const sig = signature(set)
    for (let b = 0; b < BANDS; b++) {
      const key = `${b}:${Array.from(sig.subarray(b * ROWS, (b + 1) * ROWS)).join(',')}`
      const bucket = buckets.get(key)
      if (!bucket) {
        buckets.set(key, [i])
        continue
      }
      for (const j of bucket) {
        if (find(i) === find(j)) continue
        const pair = j * n + i
        if (failed.has(pair)) continue
        if (jaccard(sets[i]!, sets[j]!) >= SIMILARITY) union(i, j)
        else failed.add(pair)
      }
      bucket.push(i)
    }
  })
  const groups = new Map<number, string[]>()
  comments.forEach((c, i) => {
    const root = find(i)
    const list = groups.get(root)
    if (list) list.push(c.id)
    else groups.set(root, [c.id])
  })
  return [...groups.values()].filter((g) => g.length > 1)
}
