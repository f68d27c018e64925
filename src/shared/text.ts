import { z } from 'zod'

/**
 * Text hygiene shared by every input (issue 8 point 10). C0 control characters other than tab,
 * line feed and carriage return — NUL above all — and DEL have no place in anything an officer
 * types: a NUL in a title was accepted and approved, then refused by the district server forever,
 * and a NUL in search text crashed the full-text query. Core's dispatcher refuses them in every
 * channel's input with `findInputHazard`; forms use `plainText` to say so as the officer types.
 */

// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/

export const CONTROL_CHARACTER_MESSAGE = '不能包含控制字符（如 NUL 等不可见字符），请删除后重试'

/** True when `text` holds a control character that is not a tab or line break. */
export function hasControlCharacters(text: string): boolean {
  return CONTROL_CHARACTERS.test(text)
}

/**
 * Pasted text with its control characters taken out (vertical tab and form feed, which Word puts in
 * plain-text copies for soft line breaks and page breaks, become a line feed). For the editors'
 * paste handlers: typed input never holds them, pasted input should not be refused for them.
 */
export function stripControlCharacters(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u000B\u000C]/g, '\n')
      .replace(new RegExp(CONTROL_CHARACTERS.source, 'g'), '')
  )
}

/** A string schema that refuses control characters (the other checks are chained by the caller). */
export const plainText = (): z.ZodString =>
  z.string().refine((s) => !hasControlCharacters(s), CONTROL_CHARACTER_MESSAGE)

/** How deep an input may nest (arrays and objects); far beyond any channel's real shape. */
export const MAX_INPUT_DEPTH = 32
/** How many values one input may hold in total. */
export const MAX_INPUT_NODES = 200_000

export type InputHazard =
  | { kind: 'control'; path: (string | number)[] }
  | { kind: 'deep'; path: (string | number)[] }
  | { kind: 'large'; path: (string | number)[] }

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false
  const proto = Object.getPrototypeOf(v) as unknown
  return proto === Object.prototype || proto === null
}

/**
 * Walks an untrusted input (iteratively: deep nesting cannot overflow the stack) and returns the
 * first control character in a string or key, or a nesting/size beyond the limits; null if clean.
 */
export function findInputHazard(value: unknown): InputHazard | null {
  const stack: { v: unknown; path: (string | number)[] }[] = [{ v: value, path: [] }]
  let nodes = 0
  while (stack.length > 0) {
    const { v, path } = stack.pop() as { v: unknown; path: (string | number)[] }
    if (++nodes > MAX_INPUT_NODES) return { kind: 'large', path: [] }
    if (typeof v === 'string') {
      if (hasControlCharacters(v)) return { kind: 'control', path }
      continue
    }
    const array = Array.isArray(v)
    if (!array && !isPlainObject(v)) continue
    if (path.length >= MAX_INPUT_DEPTH) return { kind: 'deep', path: path.slice(0, 3) }
    if (array) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: [...path, i] })
    } else {
      const keys = Object.keys(v)
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string
        if (hasControlCharacters(key)) return { kind: 'control', path }
        stack.push({ v: v[key], path: [...path, key] })
      }
    }
  }
  return null
}
