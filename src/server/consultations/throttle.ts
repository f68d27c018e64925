import { addressKey } from '../http/rate-limit'

/** Comments one address may send per window by default (a household or office line). */
export const DEFAULT_COMMENT_LIMIT = { max: 10, windowMs: 10 * 60_000 }

/** Addresses remembered at most (the oldest window is forgotten first). */
const MAX_KEYS = 50_000

/**
 * The comment page's own per-address limit, counted on every submission (accepted or not) in a
 * fixed window, kept in memory: on top of the server's general per-address request limit, much
 * lower because a comment is a write any passer-by can make. IPv6 addresses count by their /64.
 */
export class CommentThrottle {
  private readonly windows = new Map<string, { count: number; resetAt: number }>()

  constructor(
    private readonly options: { max: number; windowMs: number } = DEFAULT_COMMENT_LIMIT,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Counts a submission from `ip`; the seconds to wait when it is over the limit, else null. */
  hit(ip: string): number | null {
    const key = addressKey(ip)
    const now = this.clock().getTime()
    let w = this.windows.get(key)
    if (!w || w.resetAt <= now) {
      this.windows.delete(key)
      if (this.windows.size >= MAX_KEYS) {
        const oldest = this.windows.keys().next().value
        if (oldest !== undefined) this.windows.delete(oldest)
      }
      w = { count: 0, resetAt: now + this.options.windowMs }
      this.windows.set(key, w)
    }
    w.count++
    if (w.count <= this.options.max) return null
    return Math.max(1, Math.ceil((w.resetAt - now) / 1000))
  }
}
