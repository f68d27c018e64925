/** Retry timing for the sync worker: exponential backoff with "equal jitter". */

export interface BackoffPolicy {
  /** Delay after the first failure (before jitter). */
  baseMs: number
  /** Upper bound of the exponential part. */
  maxMs: number
}

/** 5 s, 10 s, 20 s … capped at 30 minutes, each somewhere between half and all of that. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 5_000, maxMs: 30 * 60_000 }

/**
 * The wait before the next try after `attempts` tries failed: `min(max, base·2^(attempts−1))`,
 * half of it fixed and half random, so many desks that lost the network together do not all
 * come back in the same second, yet none retries sooner than half the schedule.
 */
export function backoffDelay(
  attempts: number,
  random: () => number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number {
  const exponent = Math.max(0, Math.min(attempts, 40) - 1)
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent)
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}

/** A small seeded PRNG (mulberry32) in [0, 1): tests pass one so the jitter is reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
