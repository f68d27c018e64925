import type { z } from 'zod'

/**
 * Limits read from the shared zod schemas (the ones core validates with), so a form stops the
 * user at the limit as they type instead of complaining on save (issue 10: a 5,000-character
 * title). One place reads them; forms spread `limitOf(schema, 'field')` into their inputs.
 */

type Def = { type: string } & Record<string, unknown>
const defOf = (schema: unknown): Def | undefined =>
  (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def

/** The schema under optional / nullable / default / pipe wrappers (the input side of a pipe). */
function unwrap(schema: unknown): unknown {
  let current = schema
  for (let i = 0; i < 20; i++) {
    const def = defOf(current)
    if (!def) return current
    if (
      def.type === 'optional' ||
      def.type === 'nullable' ||
      def.type === 'default' ||
      def.type === 'prefault' ||
      def.type === 'readonly' ||
      def.type === 'catch' ||
      def.type === 'nonoptional'
    ) {
      current = def['innerType']
    } else if (def.type === 'pipe') {
      current = def['in']
    } else return current
  }
  return current
}

/** The longest string a string schema accepts (`undefined` when it sets none). */
export function maxLengthOf(schema: z.ZodType | undefined): number | undefined {
  const inner = unwrap(schema) as { maxLength?: number | null } | undefined
  const max = inner && defOf(inner)?.type === 'string' ? inner.maxLength : undefined
  return typeof max === 'number' && Number.isFinite(max) ? max : undefined
}

/** The field `key` of an object schema (through wrappers), or undefined. */
export function fieldOf(schema: z.ZodType, key: string): z.ZodType | undefined {
  const inner = unwrap(schema)
  const def = defOf(inner)
  if (def?.type !== 'object') return undefined
  return (def['shape'] as Record<string, z.ZodType>)[key]
}

/**
 * Props that enforce a text field's limit while typing: the browser refuses characters past
 * `maxLength`. Spread into a Mantine TextInput / Textarea / PasswordInput.
 */
export function limitOf(schema: z.ZodType, key: string): { maxLength?: number } {
  const max = maxLengthOf(fieldOf(schema, key))
  return max === undefined ? {} : { maxLength: max }
}
