import type { Clock } from '../clock'

/** China Standard Time: UTC+8 all year (no daylight saving). */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000

/**
 * Today's date (`YYYY-MM-DD`) for the request register: the officer's calendar day in China,
 * from the injected clock, never from the machine's time zone. The receipt day (条例第三十一条)
 * and every working-day period (条例第三十条、第三十三条) are Beijing dates.
 */
export function officeToday(clock: Clock): string {
  return new Date(clock().getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10)
}
