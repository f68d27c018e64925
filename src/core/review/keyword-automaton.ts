/**
 * Aho–Corasick multi-pattern matcher over UTF-16 code units (the units JS string offsets count), so
 * Chinese text, and even astral characters as surrogate pairs, match with offsets that slice the
 * original string exactly. Built once; `scan` finds every occurrence of every pattern, overlapping
 * ones included, in a single left-to-right pass.
 *
 * Layout, chosen for the hot loop: code units are first mapped to a dense alphabet (0 = a unit no
 * pattern uses, which sends the automaton straight back to the root). The root's transitions are a
 * dense array over that alphabet; other states keep their few children as sorted runs in flat
 * typed arrays (compressed sparse rows). No Maps or objects are touched while scanning.
 */
export class KeywordAutomaton {
  /** Number of patterns the automaton was built from (duplicates included, empty ones excluded). */
  readonly patternCount: number
  private readonly classOf: Uint16Array
  private readonly rootNext: Int32Array
  private readonly edgeStart: Int32Array
  private readonly edgeKey: Uint16Array
  private readonly edgeNext: Int32Array
  private readonly fail: Int32Array
  /** Pattern index ending exactly at each state, or -1. */
  private readonly word: Int32Array
  /** Nearest proper suffix state that ends a pattern (the output link), or 0. */
  private readonly dict: Int32Array
  private readonly lengths: Int32Array

  private constructor(patterns: readonly string[]) {
    this.patternCount = patterns.length
    this.lengths = Int32Array.from(patterns, (p) => p.length)
    // 1. Dense alphabet over the code units the patterns use.
    this.classOf = new Uint16Array(65536)
    let classes = 0
    for (const p of patterns) {
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i)
        if (this.classOf[c] === 0) this.classOf[c] = ++classes
      }
    }
    if (classes > 65535) throw new RangeError('关键词使用的字符过多')
    // 2. The trie, with Maps while building (build happens once).
    const children: Array<Map<number, number>> = [new Map()]
    const word: number[] = [-1]
    patterns.forEach((p, index) => {
      if (p.length === 0) return
      let s = 0
      for (let i = 0; i < p.length; i++) {
        const k = this.classOf[p.charCodeAt(i)] as number
        const node = children[s] as Map<number, number>
        let next = node.get(k)
        if (next === undefined) {
          next = children.length
          children.push(new Map())
          word.push(-1)
          node.set(k, next)
        }
        s = next
      }
      if (word[s] === -1) word[s] = index // the first of duplicate patterns wins
    })
    const n = children.length
    // 3. Flatten the children into sorted compressed rows.
    this.edgeStart = new Int32Array(n + 1)
    let edges = 0
    for (let s = 0; s < n; s++) {
      this.edgeStart[s] = edges
      edges += (children[s] as Map<number, number>).size
    }
    this.edgeStart[n] = edges
    this.edgeKey = new Uint16Array(edges)
    this.edgeNext = new Int32Array(edges)
    for (let s = 0; s < n; s++) {
      const sorted = [...(children[s] as Map<number, number>)].sort((a, b) => a[0] - b[0])
      let e = this.edgeStart[s] as number
      for (const [k, t] of sorted) {
        this.edgeKey[e] = k
        this.edgeNext[e++] = t
      }
    }
    this.rootNext = new Int32Array(classes + 1)
    for (const [k, t] of children[0] as Map<number, number>) this.rootNext[k] = t
    // 4. Failure and output links, breadth first.
    this.word = Int32Array.from(word)
    this.fail = new Int32Array(n)
    this.dict = new Int32Array(n)
    const queue: number[] = [...(children[0] as Map<number, number>).values()]
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q] as number
      for (const [k, t] of children[s] as Map<number, number>) {
        let f = this.fail[s] as number
        let target = this.step(f, k)
        while (target < 0) {
          f = this.fail[f] as number
          target = this.step(f, k)
        }
        this.fail[t] = target
        this.dict[t] = (this.word[target] as number) >= 0 ? target : (this.dict[target] as number)
        queue.push(t)
      }
    }
  }

  /** Builds the automaton; pattern indexes in matches refer to positions in `patterns`. */
  static build(patterns: readonly string[]): KeywordAutomaton {
    return new KeywordAutomaton(patterns)
  }

  /** The goto function: next state, or -1 when `s` (not the root) has no edge for class `k`. */
  private step(s: number, k: number): number {
    if (s === 0) return this.rootNext[k] as number
    let lo = this.edgeStart[s] as number
    let hi = (this.edgeStart[s + 1] as number) - 1
    const keys = this.edgeKey
    if (hi - lo < 8) {
      for (; lo <= hi; lo++) if (keys[lo] === k) return this.edgeNext[lo] as number
      return -1
    }
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const v = keys[mid] as number
      if (v === k) return this.edgeNext[mid] as number
      if (v < k) lo = mid + 1
      else hi = mid - 1
    }
    return -1
  }

  /**
   * Calls `onMatch(start, end, patternIndex)` for every occurrence in `text`, in order of `end`
   * (longer patterns first among those ending at the same place). Offsets are UTF-16 code units.
   */
  scan(text: string, onMatch: (start: number, end: number, pattern: number) => void): void {
    const classOf = this.classOf
    const fail = this.fail
    const word = this.word
    const dict = this.dict
    const lengths = this.lengths
    let s = 0
    for (let i = 0; i < text.length; i++) {
      const k = classOf[text.charCodeAt(i)] as number
      if (k === 0) {
        s = 0
        continue
      }
      let next = this.step(s, k)
      while (next < 0) {
        s = fail[s] as number
        next = this.step(s, k)
      }
      s = next
      let o = (word[s] as number) >= 0 ? s : (dict[s] as number)
      while (o > 0) {
        const w = word[o] as number
        onMatch(i + 1 - (lengths[w] as number), i + 1, w)
        o = dict[o] as number
      }
    }
  }

  /** Every occurrence as `{ start, end, pattern }`, sorted by start then end. */
  findAll(text: string): Array<{ start: number; end: number; pattern: number }> {
    const found: Array<{ start: number; end: number; pattern: number }> = []
    this.scan(text, (start, end, pattern) => found.push({ start, end, pattern }))
    return found.sort((a, b) => a.start - b.start || a.end - b.end)
  }
}
