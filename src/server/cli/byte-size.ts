const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  kb: 1024,
  k: 1024,
  mb: 1024 ** 2,
  m: 1024 ** 2,
  gb: 1024 ** 3,
  g: 1024 ** 3,
}

/** Parses `20mb`, `512kb`, `1048576` into bytes; null when it is not a positive size. */
export function parseByteSize(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text)
  if (!match) return null
  const unit = UNITS[(match[2] ?? '').toLowerCase()]
  const bytes = unit === undefined ? NaN : Math.floor(Number(match[1]) * unit)
  return Number.isFinite(bytes) && bytes > 0 ? bytes : null
}
