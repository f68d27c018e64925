import { z } from 'zod'

/** zod schemas of the settings channels. */

/** A whole number in [min, max]; out of range is refused with the range in the message. */
const intInRange = (min: number, max: number, unit: string) => {
  const message = `须在 ${min}–${max} ${unit}之间`
  return z.int(`请填写 ${min}–${max} 之间的整数`).min(min, message).max(max, message)
}

export const settingsPatchSchema = z.strictObject({
  lockAfterMinutes: intInRange(1, 240, '分钟').optional(),
  autoBackupEnabled: z.boolean().optional(),
  autoBackupKeep: intInRange(1, 365, '份').optional(),
  maxFailedLogins: intInRange(3, 10, '次').optional(),
  lockoutMinutes: intInRange(1, 1440, '分钟').optional(),
})

/** The [min, max] of a whole-number settings field, read from the schema (forms use it). */
export function settingRange(
  key: 'lockAfterMinutes' | 'autoBackupKeep' | 'maxFailedLogins' | 'lockoutMinutes',
): {
  min: number
  max: number
} {
  const field = settingsPatchSchema.shape[key].unwrap()
  return { min: field.minValue ?? 0, max: field.maxValue ?? Number.MAX_SAFE_INTEGER }
}
