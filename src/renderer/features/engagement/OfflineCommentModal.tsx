import {
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { useState } from 'react'
import {
  COMMENTER_TYPE_LABELS,
  CONSULTATION_CHANNEL_LABELS,
  CONTACT_NOT_PUBLISHED,
} from '../../../shared/engagement/labels'
import { commentAddSchema } from '../../../shared/engagement/schemas'
import {
  COMMENTER_TYPES,
  type CommenterType,
  type ConsultationChannel,
  type ConsultationView,
} from '../../../shared/engagement/types'
import { api, notifySuccess, request } from '../../api/client'
import { useCheckedForm } from './use-checked-form'

/** 登记信函、电子邮件或传真收到的意见 (the contact is masked by core before it is stored). */
export function OfflineCommentModal({
  consultation,
  opened,
  onClose,
  onAdded,
}: {
  consultation: ConsultationView
  opened: boolean
  onClose: () => void
  onAdded: () => void
}) {
  const blank = {
    body: '',
    paragraphNo: null as number | null,
    commenterName: '',
    contact: '',
    commenterType: 'public' as CommenterType,
    channel: 'letter' as ConsultationChannel,
  }
  const { v, setV, text, check } = useCheckedForm(commentAddSchema, blank)
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    const input = { consultationId: consultation.id, ...v }
    if (!check(input)) return
    setBusy(true)
    try {
      await request(api().engagement.commentAdd(input))
      notifySuccess('已登记意见')
      setV(blank)
      onAdded()
      onClose()
    } catch {
      // notified
    } finally {
      setBusy(false)
    }
  }
  return (
    <Modal opened={opened} onClose={onClose} title="登记线下收到的意见" size="lg">
      <Stack gap="xs">
        <SimpleGrid cols={3} spacing="xs">
          <Select
            label="渠道"
            allowDeselect={false}
            data={(['letter', 'email', 'fax'] as const).map((c) => ({
              value: c,
              label: CONSULTATION_CHANNEL_LABELS[c],
            }))}
            value={v.channel}
            onChange={(c) => c && setV((o) => ({ ...o, channel: c as ConsultationChannel }))}
          />
          <Select
            label="意见人类型"
            allowDeselect={false}
            data={COMMENTER_TYPES.map((t) => ({ value: t, label: COMMENTER_TYPE_LABELS[t] }))}
            value={v.commenterType}
            onChange={(t) => t && setV((o) => ({ ...o, commenterType: t as CommenterType }))}
          />
          <Select
            label="针对段落"
            clearable
            placeholder="总体意见"
            data={consultation.paragraphs.map((p) => ({
              value: String(p.no),
              label: `第${p.no}段`,
            }))}
            value={v.paragraphNo === null ? null : String(v.paragraphNo)}
            onChange={(p) => setV((o) => ({ ...o, paragraphNo: p ? Number(p) : null }))}
          />
        </SimpleGrid>
        <Textarea label="意见内容" withAsterisk autosize minRows={4} {...text('body')} />
        <SimpleGrid cols={2} spacing="xs">
          <TextInput label="姓名或单位" {...text('commenterName')} />
          <TextInput label="联系方式" description="保存时即做脱敏处理" {...text('contact')} />
        </SimpleGrid>
        <Text fz="xs" c="dimmed">
          {CONTACT_NOT_PUBLISHED}
        </Text>
        <Group justify="flex-end">
          <Button onClick={() => void submit()} loading={busy}>
            登记
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
