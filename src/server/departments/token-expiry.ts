/**
 * Department token expiry (issue 8, point 10). An expiry is the token's last valid calendar day in
 * China time (UTC+8, no daylight saving): a token given `--expires 2027-06-30` works until
 * 2027-06-30 24:00 Beijing time and is refused from 2027-07-01 00:00.
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** `YYYY-MM-DD` of `now` in Beijing time. */
export function beijingDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
}

/** True once Beijing's calendar day is past `expiresAt` (null: never). */
export function tokenExpired(expiresAt: string | null, now: Date): boolean {
  return expiresAt !== null && beijingDate(now) > expiresAt
}

/**
 * What is wrong with an `--expires` value, in Chinese, or null when it is a real calendar date
 * `YYYY-MM-DD`, today or later (an expiry in the past would issue a token that never works).
 */
export function tokenExpiryProblem(text: string, now: Date): string | null {
  const shown = text.length > 20 ? `${text.slice(0, 20)}…` : text
  const m = DAY.exec(text)
  if (!m) return `--expires 须为 YYYY-MM-DD 格式的日期，例如 2027-06-30；收到：${shown}`
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    return `--expires 不是有效日期：${shown}`
  }
  const today = beijingDate(now)
  if (text < today) {
    return `--expires ${text} 早于今天（${today}），令牌将无法使用；请给出今天或以后的日期。`
  }
  return null
}
