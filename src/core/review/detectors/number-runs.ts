import type { Detector, DetectorContext, Finding } from '../types'
import { maskValue } from '../mask'
import { before } from '../text-utils'
import { classifyBankCard } from './bank-card'
import { classifyFixedLine } from './fixed-line'
import { classifyIdNumber, looksLikeId18 } from './id-card'
import { classifyMobile } from './mobile'
import { classifyUscc } from './uscc'
import type { NumberContext, Verdict } from './verdict'

/**
 * One pass over the text for everything made of digits: ID numbers, mobile and fixed-line phones,
 * bank cards and credit codes. A token is a maximal alphanumeric run, or several joined by single
 * spaces/dashes (138 1234 5678). Because tokens are maximal, a number inside a longer run is never
 * mistaken for a shorter kind — the "not inside a longer digit run" rule falls out of the tokeniser.
 */
const TOKEN = /\+?[0-9A-Za-z]+(?:[ \-\u2013][0-9A-Za-z]+)*/g
const SEPARATOR = /[ \-\u2013]/g
/** The shortest candidate worth classifying: a 10-digit fixed line like 0101234567. */
const MIN_TOKEN = 10

interface Group {
  start: number
  end: number
  value: string
}

export const detectNumberRuns: Detector = (ctx, out) => {
  const { folded } = ctx
  TOKEN.lastIndex = 0
  for (let m = TOKEN.exec(folded); m !== null; m = TOKEN.exec(folded)) {
    const token = m[0]
    if (token.length < MIN_TOKEN) continue
    const start = m.index
    const end = start + token.length
    // Part of an e-mail address (the e-mail detector reports it) or the decimals of a number.
    if (folded[start - 1] === '@' || folded[end] === '@') continue
    if (folded[start - 1] === '.' && /\d/.test(folded[start - 2] ?? '')) continue
    if (folded[end] === '.' && /\d/.test(folded[end + 1] ?? '')) continue
    classifyToken(ctx, token, start, out)
  }
}

function classifyToken(ctx: DetectorContext, token: string, start: number, out: Finding[]): void {
  SEPARATOR.lastIndex = 0
  if (!SEPARATOR.test(token)) {
    single(ctx, { start, end: start + token.length, value: token }, out)
    return
  }
  const groups: Group[] = []
  let s = 0
  for (let i = 0; i <= token.length; i++) {
    const c = token[i]
    if (i === token.length || c === ' ' || c === '-' || c === '\u2013') {
      groups.push({ start: start + s, end: start + i, value: token.slice(s, i) })
      s = i + 1
    }
  }
  for (let i = 0; i < groups.length;) {
    const used = grouped(ctx, groups, i, out)
    if (used > 0) i += used
    else single(ctx, groups[i++] as Group, out)
  }
}

const lengths = (gs: Group[], i: number, ls: number[]): boolean =>
  ls.every((l, k) => gs[i + k]?.value.length === l && /^\d+$/.test(gs[i + k]?.value ?? ''))

/** Tries the written-out shapes at group `i`; returns how many groups it consumed (0 for none). */
function grouped(ctx: DetectorContext, gs: Group[], i: number, out: Finding[]): number {
  const join = (from: number, n: number) =>
    gs
      .slice(from, from + n)
      .map((g) => g.value)
      .join('')
  const at = (from: number, to: number): [number, number] => [
    (gs[from] as Group).start,
    (gs[to] as Group).end,
  ]
  // Mobile as 3-4-4, optionally after a +86 / 86 / 0086 group.
  const p = /^\+?(?:0086|86)$/.test(gs[i]?.value ?? '') ? 1 : 0
  if (lengths(gs, i + p, [3, 4, 4])) {
    const v = classifyMobile(join(i + p, 3))
    if (v) return emit(ctx, v, ...at(i, i + p + 2), out, p + 3)
  }
  // ID as 6-8-4 (region, birth date, sequence + check).
  const id = gs[i + 2]?.value ?? ''
  if (lengths(gs, i, [6, 8]) && /^\d{3}[\dXx]$/.test(id)) {
    const v = classifyIdNumber(join(i, 3), numberContext(ctx, gs[i] as Group))
    if (v) return emit(ctx, v, ...at(i, i + 2), out, 3)
  }
  // Bank card in groups of four, with an optional short tail group.
  if (lengths(gs, i, [4, 4, 4, 4])) {
    const tail = gs[i + 4]?.value ?? ''
    const n = /^\d{1,3}$/.test(tail) ? 5 : 4
    const v = classifyBankCard(join(i, n), numberContext(ctx, gs[i] as Group), true)
    if (v) return emit(ctx, v, ...at(i, i + n - 1), out, n)
  }
  // Fixed line as area code + local number.
  const area = gs[i]?.value ?? ''
  const local = gs[i + 1]?.value ?? ''
  if (area.startsWith('0') && /^\d+$/.test(area)) {
    const v = classifyFixedLine(area, local, numberContext(ctx, gs[i] as Group), true)
    if (v) return emit(ctx, v, ...at(i, i + 1), out, 2)
  }
  return 0
}

/** Classifies one compact group (no separators). */
function single(ctx: DetectorContext, g: Group, out: Finding[]): void {
  let { value, start } = g
  if (value.length < MIN_TOKEN) return
  if (value.startsWith('+')) {
    const v = classifyMobile(value)
    if (v) return void emit(ctx, v, start, g.end, out, 1)
    value = value.slice(1)
    start++
  }
  const len = value.length
  const allDigits = /^\d+$/.test(value)
  let v: Verdict | null = null
  if (len >= 11 && len <= 15 && allDigits) v = classifyMobile(value)
  if (!v && len === 18) {
    const nctx = numberContext(ctx, g)
    const id = looksLikeId18(value) ? classifyIdNumber(value, nctx) : null
    const uscc = classifyUscc(value, nctx)
    const bank = allDigits ? classifyBankCard(value, nctx) : null
    if (id?.severity === 'high') v = id
    else if (uscc) v = uscc
    else if (bank?.severity === 'high' && !id) v = bank
    else v = id ?? bank
  } else if (!v && len === 15 && allDigits) {
    v = classifyIdNumber(value, numberContext(ctx, g))
  } else if (!v && len >= 16 && len <= 19 && allDigits) {
    v = classifyBankCard(value, numberContext(ctx, g))
  } else if (!v && len >= 10 && len <= 12 && allDigits && value.startsWith('0')) {
    // Area codes are 3 digits for 010 and 02x, 4 digits elsewhere.
    const cut = value[1] === '1' || value[1] === '2' ? 3 : 4
    v = classifyFixedLine(value.slice(0, cut), value.slice(cut), numberContext(ctx, g), false)
  }
  if (v) emit(ctx, v, start, g.end, out, 1)
}

function numberContext(ctx: DetectorContext, g: Group): NumberContext {
  return { before: before(ctx.text, g.start, 16) }
}

function emit(
  ctx: DetectorContext,
  v: Verdict,
  start: number,
  end: number,
  out: Finding[],
  used: number,
): number {
  const text = ctx.text.slice(start, end)
  const finding: Finding = {
    kind: v.kind,
    severity: v.severity,
    start,
    end,
    text,
    reason: v.reason,
  }
  if (v.mask) {
    const masked = maskValue(v.kind, text)
    if (masked !== null) finding.suggestion = `脱敏为：${masked}`
  }
  out.push(finding)
  return used
}
