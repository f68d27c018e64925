import { reviewSubmitSchema } from '../../../../shared/review/schemas'
import type { CarrierForm, PublishChannel } from '../../../../shared/review/types'

/**
 * The 载体形式 / 拟公开方式 part of a submission checked with the shared `reviewSubmitSchema` (its
 * refinement: 其他 needs its text — the rule core applies too), per field path.
 */
export function publishErrors(
  carrier: CarrierForm | null,
  channels: PublishChannel[],
  channelOther: string,
): Record<string, string> {
  const parsed = reviewSubmitSchema.safeParse({
    itemId: 'form',
    revision: 1,
    contentHash: '0'.repeat(64),
    checklistVersion: 1,
    selfCheck: [],
    carrier: carrier ?? undefined,
    channels,
    ...(channels.includes('other') ? { channelOther } : {}),
  })
  const errors: Record<string, string> = {}
  if (parsed.success) return errors
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? '')
    if (key === 'carrier') errors.carrier = '请选择载体形式'
    else if (!(key in errors)) errors[key] = issue.message
  }
  return errors
}
