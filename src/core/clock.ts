/** Injected time source (architecture doc, principle 2): tests pass a fixed clock. */
export type Clock = () => Date

/** The real wall clock. */
export const systemClock: Clock = () => new Date()

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/** `YYYY-MM-DD` of `d` in local time: the officer's calendar day. */
export function localDateKey(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** `YYYY-MM-DD HH:mm` of an ISO time in local time, for Chinese messages; the input if unreadable. */
export function localDateTimeText(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return `${localDateKey(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** `YYYYMMDD-HHmmss-SSS` in local time, sortable, safe in file names on every OS. */
export function fileStamp(d: Date): string {
  return (
    `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-` +
    `${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}-${pad(d.getMilliseconds(), 3)}`
  )
}

/**
 * The UTC instant at which local calendar day `date` (`YYYY-MM-DD`) starts, as an ISO string.
 * `offsetDays` shifts the day first, so `(to, 1)` gives an exclusive upper bound.
 */
export function localDayStartIso(date: string, offsetDays = 0): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number)
  return new Date(y, m - 1, d + offsetDays).toISOString()
}
