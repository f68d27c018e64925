import { useState } from 'react'
import type { z } from 'zod'
import { limitOf } from '../../lib/schema-limits'
import { validateWith, type FieldErrors } from '../../lib/zod-form'

/**
 * The 政民互动 forms' state (意见征集, 线下意见, 监督员/列席/培训): values, and the schema's errors
 * shown from the last 保存 on. `text(k)` binds a text field to `v[k]` with the schema's limit,
 * `date(k)` a date field (cleared to `empty`), `check(input)` validates (with `extra` errors the
 * form adds itself) and shows the result, `submit(onSave)` saves only a valid form.
 */
export function useCheckedForm<T extends Record<string, unknown>>(
  schema: z.ZodType,
  initial: T | (() => T),
) {
  const [v, setV] = useState<T>(initial)
  const [errors, setErrors] = useState<FieldErrors>({})
  const text = (k: keyof T & string) => ({
    ...limitOf(schema, k),
    value: (v[k] as string | undefined) ?? '',
    error: errors[k],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value
      setV((o) => ({ ...o, [k]: value }))
    },
  })
  const date = (k: keyof T & string, empty: '' | null = '') => ({
    value: (v[k] as string | null | undefined) || null,
    error: errors[k],
    onChange: (d: string | null) => setV((o) => ({ ...o, [k]: d ?? empty })),
  })
  const check = (input: unknown = v, extra: FieldErrors = {}): boolean => {
    const r = validateWith(schema, input)
    const shown = { ...(r.ok ? {} : r.errors), ...extra }
    setErrors(shown)
    return Object.keys(shown).length === 0
  }
  const submit = (onSave: (input: T) => void) => () => {
    if (check(v)) onSave(v)
  }
  return { v, setV, errors, text, date, check, submit }
}
