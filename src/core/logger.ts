/** The one logger (architecture doc, principle 11). Secrets are redacted before anything is written. */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void
  info(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
}

/** Where formatted lines go; the default is stderr so stdout stays clean for the CLI. */
export type LogSink = (level: LogLevel, line: string) => void

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }

/** Key names whose values must never reach a log file. */
const SECRET_KEY = /pass(word)?|pwd|token|secret|hash|salt|credential|cookie|authorization/i

export const REDACTED = '[已隐藏]'

/** A deep copy of `value` with every secret-looking key replaced, errors flattened, cycles cut. */
export function redact(value: unknown, seen = new WeakSet<object>()): unknown {
  if (value instanceof Error) {
    return { name: value.name, message: value.message, stack: value.stack }
  }
  if (value === null || typeof value !== 'object') {
    return typeof value === 'bigint' ? value.toString() : value
  }
  if (seen.has(value)) return '[循环引用]'
  seen.add(value)
  if (Array.isArray(value)) return value.map((v) => redact(v, seen))
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) {
    out[k] = SECRET_KEY.test(k) ? REDACTED : redact(v, seen)
  }
  return out
}

const stderrSink: LogSink = (_level, line) => {
  process.stderr.write(line + '\n')
}

/** Creates a logger writing JSON lines at or above `level` to `sink`. */
export function createLogger(
  options: { level?: LogLevel; sink?: LogSink; clock?: () => Date } = {},
): Logger {
  const min = ORDER[options.level ?? 'info']
  const sink = options.sink ?? stderrSink
  const clock = options.clock ?? (() => new Date())
  const write = (level: LogLevel, message: string, fields?: Record<string, unknown>): void => {
    if (ORDER[level] < min) return
    const record = {
      at: clock().toISOString(),
      level,
      message,
      ...(redact(fields ?? {}) as object),
    }
    let line: string
    try {
      line = JSON.stringify(record)
    } catch {
      line = JSON.stringify({ at: record.at, level, message })
    }
    sink(level, line)
  }
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  }
}

/** A logger that drops everything; handy in tests that assert on nothing logged. */
export const silentLogger: Logger = createLogger({ sink: () => {} })
