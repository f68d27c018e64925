/** Runs `fn` `warmup` times untimed, then `repeat` times; returns the median duration in ms. */
export function medianMs(fn: () => void, warmup: number, repeat: number): number {
  for (let i = 0; i < warmup; i++) fn()
  const times: number[] = []
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now()
    fn()
    times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)] as number
}
