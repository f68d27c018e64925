import { Checkbox, Group, Radio, TextInput } from '@mantine/core'
import {
  CARRIER_FORMS,
  PUBLISH_CHANNELS,
  type CarrierForm,
  type PublishChannel,
} from '../../../../shared/review/types'
import { CARRIER_FORM_LABELS, PUBLISH_CHANNEL_LABELS } from '../../../../shared/review/labels'

/** 载体形式 and 拟公开方式 of the 保密审查单, with the text 其他 requires (shared schema). */
export function PublishFields({
  carrier,
  channels,
  channelOther,
  onCarrier,
  onChannels,
  onChannelOther,
  errors,
}: {
  carrier: CarrierForm | null
  channels: PublishChannel[]
  channelOther: string
  onCarrier: (c: CarrierForm) => void
  onChannels: (c: PublishChannel[]) => void
  onChannelOther: (text: string) => void
  errors: {
    carrier?: string | undefined
    channels?: string | undefined
    channelOther?: string | undefined
  }
}) {
  return (
    <>
      <Radio.Group
        label="载体形式"
        withAsterisk
        value={carrier ?? ''}
        onChange={(v) => onCarrier(v as CarrierForm)}
        error={errors.carrier}
      >
        <Group mt={6}>
          {CARRIER_FORMS.map((c) => (
            <Radio key={c} value={c} label={CARRIER_FORM_LABELS[c]} />
          ))}
        </Group>
      </Radio.Group>
      <Checkbox.Group
        label="拟公开方式"
        withAsterisk
        value={channels}
        onChange={(v) => onChannels(v as PublishChannel[])}
        error={errors.channels}
      >
        <Group mt={6}>
          {PUBLISH_CHANNELS.map((c) => (
            <Checkbox key={c} value={c} label={PUBLISH_CHANNEL_LABELS[c]} />
          ))}
        </Group>
      </Checkbox.Group>
      {channels.includes('other') && (
        <TextInput
          label="其他公开方式"
          withAsterisk
          value={channelOther}
          onChange={(e) => onChannelOther(e.currentTarget.value)}
          error={errors.channelOther}
          maxLength={60}
        />
      )}
    </>
  )
}
