/** Year choices: the years that have a table plus this year and the next, newest first. */
export function yearOptions(years: number[] | undefined, current: number): string[] {
  const all = new Set([...(years ?? []), current, current + 1])
  return [...all].sort((a, b) => b - a).map(String)
}

/** This year in the officer's calendar. */
export const thisYear = (): number => new Date().getFullYear()
