import { useCallback, useMemo, useState, type FormEvent } from 'react'
import type { z } from 'zod'
import { limitOf } from './schema-limits'

/**
 * A small form-state hook validated by a zod schema (the same schemas core uses, from
 * src/shared/<domain>/schemas.ts). @mantine/form is not a dependency; this covers what our forms need:
 * values, per-field errors shown after blur (or live for `liveFields`), text limits from the
 * schema enforced as you type (`maxLength`), and submit.
 */

export type FieldErrors = Partial<Record<string, string>>

/** Maps zod issues to `{ 'a.b': message }`, first message per field. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_form'
    errors[key] ??= issue.message
  }
  return errors
}

/** Validates `values` against `schema`: parsed output, or field errors. */
export function validateWith<S extends z.ZodType>(
  schema: S,
  values: unknown,
): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors } {
  const parsed = schema.safeParse(values)
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, errors: zodFieldErrors(parsed.error) }
}

type ChangeArg = unknown

const isFilled = (v: unknown): boolean =>
  Array.isArray(v) ? v.length > 0 : v !== '' && v !== null && v !== undefined

function valueFromChange(arg: ChangeArg): unknown {
  if (arg && typeof arg === 'object' && 'currentTarget' in arg) {
    const target = (arg as { currentTarget: HTMLInputElement }).currentTarget
    return target.type === 'checkbox' ? target.checked : target.value
  }
  return arg
}

export interface ZodFormOptions<V extends Record<string, unknown>> {
  initialValues: V
  /** Fields re-validated on every change once non-empty (e.g. the org code's checksum). */
  liveFields?: (keyof V & string)[]
}

export function useZodForm<V extends Record<string, unknown>, S extends z.ZodType>(
  schema: S,
  { initialValues, liveFields = [] }: ZodFormOptions<V>,
) {
  const [values, setValues] = useState<V>(initialValues)
  const [touched, setTouched] = useState<Partial<Record<keyof V, boolean>>>({})
  const [submitted, setSubmitted] = useState(false)
  const [serverErrors, setServerErrors] = useState<FieldErrors>({})

  const allErrors = useMemo(() => {
    const result = validateWith(schema, values)
    return result.ok ? {} : result.errors
  }, [schema, values])

  const visibleError = useCallback(
    (field: keyof V & string): string | undefined => {
      // Before the first submit, an empty field is not an error yet: only what was typed is checked.
      const filled = isFilled(values[field])
      const live = liveFields.includes(field) && filled
      const show = submitted || (touched[field] && filled) || live
      return serverErrors[field] ?? (show ? allErrors[field] : undefined)
    },
    [allErrors, liveFields, serverErrors, submitted, touched, values],
  )

  const setFieldValue = useCallback(<K extends keyof V>(field: K, value: V[K]) => {
    setValues((v) => ({ ...v, [field]: value }))
    setServerErrors((e) => ({ ...e, [field as string]: undefined }))
  }, [])

  const getInputProps = <K extends keyof V & string>(field: K) => ({
    // The schema's max length, enforced as the user types (issue 10).
    ...limitOf(schema, field),
    value: values[field],
    onChange: (arg: ChangeArg) => setFieldValue(field, valueFromChange(arg) as V[K]),
    onBlur: () => setTouched((t) => ({ ...t, [field]: true })),
    error: visibleError(field),
  })

  /** Wraps a submit handler: validates all fields first and calls it with the parsed output. */
  const onSubmit =
    (handler: (data: z.output<S>) => void | Promise<void>) => (event?: FormEvent) => {
      event?.preventDefault()
      setSubmitted(true)
      const result = validateWith(schema, values)
      if (result.ok) void handler(result.data)
    }

  /** Back to the initial values (with `overrides`), as if nothing had been typed or submitted. */
  const reset = useCallback(
    (overrides?: Partial<V>) => {
      setValues({ ...initialValues, ...overrides })
      setTouched({})
      setSubmitted(false)
      setServerErrors({})
    },
    [initialValues],
  )

  return {
    values,
    errors: allErrors,
    isValid: Object.keys(allErrors).length === 0,
    getInputProps,
    setFieldValue,
    /** Shows an error from core next to a field (e.g. 用户名已存在). */
    setFieldError: (field: keyof V & string, message: string) =>
      setServerErrors((e) => ({ ...e, [field]: message })),
    onSubmit,
    reset,
  }
}
